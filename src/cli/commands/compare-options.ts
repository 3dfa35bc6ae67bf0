// Options of the commands that resample (metrics --ci, compare, score --scaling): counts and the PRNG seed.
import { CliUsageError } from '../cli-io';

const MAX_RESAMPLES = 1_000_000;

/** A --resamples value: a whole number from 1 to 1,000,000; `fallback` when absent. */
export function resamplesOption(text: string | undefined, fallback: number): number {
  if (text === undefined) return fallback;
  const n = Number(text);
  if (!/^\d+$/.test(text) || !Number.isSafeInteger(n) || n < 1 || n > MAX_RESAMPLES) throw new CliUsageError(`--resamples must be a whole number from 1 to ${MAX_RESAMPLES} (got "${text}")`);
  return n;
}

/** A --seed value: a whole number from 0 to 2^32 - 1 (default 0). */
export function seedOption(text: string | undefined): number {
  if (text === undefined) return 0;
  const n = Number(text);
  if (!/^\d+$/.test(text) || n > 0xffffffff) throw new CliUsageError(`--seed must be a whole number from 0 to 4294967295 (got "${text}")`);
  return n;
}

/** A --scaling value: comma-separated test counts k >= 1, e.g. "1,2,5,10" (duplicates dropped, ascending). */
export function scalingOption(text: string): number[] {
  const parts = text.split(',').map((part) => part.trim());
  if (parts.some((part) => !/^\d+$/.test(part) || Number(part) < 1 || Number(part) > 100_000)) throw new CliUsageError(`--scaling must be comma-separated whole numbers from 1 to 100000, e.g. 1,2,5,10 (got "${text}")`);
  return [...new Set(parts.map(Number))].sort((a, b) => a - b);
}
