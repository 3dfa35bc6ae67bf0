// What refinements add up to over programs: pass@1, pass@k and the repair rate (programs with at least one passing
// refinement), each side on its own, and bootstrap intervals over programs (programs resampled, seeded).
import { DEFAULT_CONFIDENCE, DEFAULT_RESAMPLES, percentileInterval } from '../metrics/bootstrap';
import { drawResampleIndices, type ResampleDraws } from '../metrics/resample';
import { passAtK } from './pass-at-k';
import type { ProgramPair, RefineTally } from './refine-pairs';
import { RefineInputError } from './refine-errors';

/** One side's totals, in the CLI's `--json` field names. */
export interface RefineSideSummary {
  programs: number;
  refinements: number;
  'pass@1': number;
  'pass@k': number;
  repaired: number;
}

/** Programs that have their k refinements on the chosen side; the others are still being made. */
export function completePrograms(pairs: readonly ProgramPair[], k: number, side: 'with' | 'without'): RefineTally[] {
  const tallies = pairs.map((p) => (side === 'with' ? p.withFeedback : p.withoutFeedback));
  return tallies.filter((t): t is RefineTally => t !== null && t.made >= k);
}

/** Totals over programs with k refinements made; pass@ values are means over programs (NaN when there are none). */
export function sideSummary(tallies: readonly RefineTally[], k: number): RefineSideSummary {
  const programs = tallies.length;
  const mean = (f: (t: RefineTally) => number) => (programs === 0 ? Number.NaN : tallies.reduce((s, t) => s + f(t), 0) / programs);
  return {
    programs,
    refinements: tallies.reduce((n, t) => n + t.made, 0),
    'pass@1': mean((t) => passAtK(t.made, t.passed, 1)),
    'pass@k': mean((t) => passAtK(t.made, t.passed, k)),
    repaired: tallies.filter((t) => t.passed > 0).length,
  };
}

/** A point estimate with its percentile bootstrap interval. */
export interface RateInterval {
  estimate: number;
  low: number;
  high: number;
}

/** The mean of `values` and its interval over the given draws of their indices. */
export function meanInterval(values: readonly number[], draws: ResampleDraws, confidence = DEFAULT_CONFIDENCE): RateInterval {
  if (values.length === 0) throw new RefineInputError('an interval needs at least one program');
  if (draws.n !== values.length) throw new RefineInputError(`draws are over ${draws.n} programs, there are ${values.length}`);
  const means = new Float64Array(draws.count);
  for (let r = 0; r < draws.count; r++) {
    let sum = 0;
    for (let i = 0; i < draws.n; i++) sum += values[draws.indices[r * draws.n + i]!]!;
    means[r] = sum / draws.n;
  }
  const [low, high] = percentileInterval(means, confidence);
  return { estimate: values.reduce((s, v) => s + v, 0) / values.length, low, high };
}

/** Repair rates with and without feedback and their difference, on programs complete on both sides. */
export interface RepairComparison {
  programs: number;
  withFeedback: RateInterval;
  withoutFeedback: RateInterval;
  /** with - without, resampled in pairs (the same programs in both). */
  difference: RateInterval;
}

export interface RepairOptions {
  resamples?: number;
  seed?: number;
  confidence?: number;
}

/** Repair-rate intervals over programs with k refinements on both sides; null when no program has both. */
export function repairComparison(pairs: readonly ProgramPair[], k: number, options: RepairOptions = {}): RepairComparison | null {
  const both = pairs.filter((p) => p.withFeedback.made >= k && p.withoutFeedback !== null && p.withoutFeedback.made >= k);
  if (both.length === 0) return null;
  const draws = drawResampleIndices(both.length, options.resamples ?? DEFAULT_RESAMPLES, options.seed ?? 0);
  const fixedWith = both.map((p) => (p.withFeedback.passed > 0 ? 1 : 0));
  const fixedWithout = both.map((p) => (p.withoutFeedback!.passed > 0 ? 1 : 0));
  return {
    programs: both.length,
    withFeedback: meanInterval(fixedWith, draws, options.confidence),
    withoutFeedback: meanInterval(fixedWithout, draws, options.confidence),
    difference: meanInterval(fixedWith.map((v, i) => v - fixedWithout[i]!), draws, options.confidence),
  };
}
