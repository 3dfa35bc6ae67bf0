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
