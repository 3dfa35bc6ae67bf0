// Progress lines on stderr for long commands: at most one every `everyMs`, plus the final one, so logs
// (nohup, CI) stay readable; carriage-return redraws would garble them.

/** A reporter that prints `format(value)` when enough time passed since the last line (or when forced). */
export function throttledProgress<T>(write: (text: string) => void, format: (value: T, elapsedMs: number) => string, everyMs = 2000) {
  const began = Date.now();
  let last = 0;
  return (value: T, force = false): void => {
    const now = Date.now();
    if (!force && now - last < everyMs) return;
    last = now;
    write(`${format(value, now - began)}\n`);
  };
}

/** "12.3 s" or "4 min 05 s". */
export function formatElapsed(ms: number): string {
  const s = ms / 1000;
  if (s < 60) return `${s.toFixed(1)} s`;
  const m = Math.floor(s / 60);
  return `${m} min ${String(Math.round(s - 60 * m)).padStart(2, '0')} s`;
}
