// Figures of the benchmark: medians, ratios, and the markdown report (pure).

export function median(values: readonly number[]): number {
  if (values.length === 0) return Number.NaN;
  const s = [...values].sort((a, b) => a - b);
  const m = s.length >> 1;
  return s.length % 2 ? s[m]! : (s[m - 1]! + s[m]!) / 2;
}

/** A markdown table; numbers are formatted by the caller. */
export function markdownTable(header: readonly string[], rows: readonly (readonly string[])[]): string {
  const line = (cells: readonly string[]) => `| ${cells.join(' | ')} |`;
  return [line(header), line(header.map((_, i) => (i === 0 ? '---' : '---:'))), ...rows.map(line)].join('\n');
}

export const fmtInt = (x: number) => (Number.isFinite(x) ? Math.round(x).toLocaleString('en-US') : 'n/a');
export const fmtRatio = (x: number) => (Number.isFinite(x) ? `${x.toFixed(2)}x` : 'n/a');
export const fmtSeconds = (ms: number) => (Number.isFinite(ms) ? `${(ms / 1000).toFixed(2)} s` : 'n/a');

/** "a/b" candidates whose pass counts agree. */
export function agreement(a: readonly (readonly number[])[], b: readonly (readonly number[])[]): { same: number; total: number } {
  let same = 0;
  let total = 0;
  a.forEach((row, i) => row.forEach((n, j) => ((total += 1), (same += n === b[i]?.[j] ? 1 : 0))));
  return { same, total };
}
