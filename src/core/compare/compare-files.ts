// Two evaluations of the same problems compared split by split: the paired metrics and where they disagree most.
import type { SplitName } from '../dataset/types';
import { DEFAULT_RESAMPLES } from '../metrics/bootstrap';
import { groupProblemsBySplit } from '../metrics/group-problems';
import { drawResampleIndices } from '../metrics/resample';
import { splitParts } from '../metrics/split-metrics';
import type { MetricName, PredictionMethod, ScoredSolution } from '../metrics/types';
import { alignProblems, CompareInputError, pairedComparison, problemDisagreements, type PairedMetric, type ProblemDisagreement } from './paired';

export interface CompareSide {
  solutions: readonly ScoredSolution[];
  method: PredictionMethod;
}

export interface SplitComparison {
  split: SplitName;
  problems: number;
  metrics: Record<MetricName, PairedMetric>;
  disagreements: ProblemDisagreement[];
}

export interface CompareOptions {
  resamples?: number;
  seed?: number;
  /** Disagreeing problems listed per split (default 10). */
  disagreements?: number;
}

/**
 * The splits present in both, in SPLIT_ORDER, each compared on the same problems (A's order) with one set of
 * draws; `onlyA`/`onlyB` name the splits left out. Throws CompareInputError when no split is shared or a shared
 * split's problems differ.
 */
export function compareEvaluations(a: CompareSide, b: CompareSide, options: CompareOptions = {}): { splits: SplitComparison[]; onlyA: SplitName[]; onlyB: SplitName[] } {
  const { resamples = DEFAULT_RESAMPLES, seed = 0, disagreements = 10 } = options;
  const byA = groupProblemsBySplit(a.solutions);
  const byB = groupProblemsBySplit(b.solutions);
  const shared = [...byA.keys()].filter((split) => byB.has(split));
  if (shared.length === 0) throw new CompareInputError(`the files share no split (A: ${[...byA.keys()].join(', ') || 'none'}; B: ${[...byB.keys()].join(', ') || 'none'})`);
  const splits = shared.map((split): SplitComparison => {
    const problemsA = byA.get(split)!;
    let problemsB;
    try {
      problemsB = alignProblems(problemsA, byB.get(split)!);
    } catch (error) {
      if (error instanceof CompareInputError) throw new CompareInputError(`${split}: ${error.message}`);
      throw error;
    }
    const partsA = splitParts(problemsA, a.method);
    const partsB = splitParts(problemsB, b.method);
    const draws = drawResampleIndices(problemsA.length, resamples, seed);
    return {
      split,
      problems: problemsA.length,
      metrics: pairedComparison(partsA, partsB, draws),
      disagreements: problemDisagreements(problemsA.map((p) => p.taskId), partsA, partsB, disagreements),
    };
  });
  return { splits, onlyA: [...byA.keys()].filter((s) => !byB.has(s)), onlyB: [...byB.keys()].filter((s) => !byA.has(s)) };
}
