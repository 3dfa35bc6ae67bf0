// Offers data as a file download through a temporary object URL on a temporary link (no network): the one way
// every page exports (build results, runs, leaderboard tables, plots).

export function downloadBlob(blob: Blob, name: string): void {
  const url = URL.createObjectURL(blob);
  const link = document.createElement('a');
  link.href = url;
  link.download = name;
  document.body.append(link);
  link.click();
  link.remove();
  setTimeout(() => URL.revokeObjectURL(url), 10_000);
}

export function downloadText(name: string, text: string, type = 'application/jsonl'): void {
  downloadBlob(new Blob([text], { type }), name);
}
