// Progress of a transfer: bytes received against the exact size (Content-Length, File.size) or an estimate.

/** What a progress bar shows. */
export interface TransferProgress {
  received: number;
  /** Exact or estimated total bytes; null when unknown (no Content-Length, no estimate). */
  total: number | null;
  /** True when `total` is an estimate (official.json approxBytes), so the bar may end early or late. */
  estimated: boolean;
  /** received / total in [0, 1]; null when the total is unknown. */
  fraction: number | null;
}

/** A Content-Length header as a byte count; null when absent or not a plain non-negative integer. */
export function parseContentLength(header: string | null): number | null {
  if (header === null || !/^\s*\d+\s*$/.test(header)) return null;
  const n = Number(header);
  return Number.isSafeInteger(n) ? n : null;
}

/**
 * Progress for `received` bytes. An exact total wins over an estimate; an estimate is capped below 100 %
 * until `done`, since the real file may be larger than the estimate.
 */
export function transferProgress(received: number, exact: number | null, approx: number | null, done = false): TransferProgress {
  const total = exact ?? (approx !== null && approx > 0 ? approx : null);
  const estimated = exact === null && total !== null;
  if (total === null) return { received, total: done ? received : null, estimated: false, fraction: done ? 1 : null };
  if (done) return { received, total: estimated ? received : total, estimated: false, fraction: 1 };
  const cap = estimated ? 0.99 : 1;
  const fraction = total === 0 ? cap : Math.min(cap, received / total);
  return { received, total: estimated ? Math.max(total, received) : total, estimated, fraction };
}

/** A whole-number percentage for display, floored so 100 % means finished. */
export function percent(fraction: number): number {
  return Math.floor(Math.max(0, Math.min(1, fraction)) * 100);
}
