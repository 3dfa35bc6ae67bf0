// Paired comparison of two verifiers on the same problems: B - A per metric, its paired-bootstrap interval (both
// recomputed on the same drawn problems), how often B is better, and the problems where the two disagree most.
import { bootstrapSamples, DEFAULT_CONFIDENCE, percentileInterval } from '../metrics/bootstrap';
import type { ResampleDraws } from '../metrics/resample';
import { metricsFromParts, type SplitParts } from '../metrics/split-metrics';
import { lowerIsBetter, METRIC_NAMES, splitTable } from '../metrics/split-table';
import type { MetricName, ProblemGroup } from '../metrics/types';

/** One metric of a paired comparison; `pBetter` is the share of resamples where B is strictly better than A. */
export interface PairedMetric {
  a: number;
  b: number;
  diff: number;
  lo: number;
  hi: number;
  pBetter: number;
}

/** A problem where the two verifiers disagree, with both per-problem Spearman and Top-1 credit. */
export interface ProblemDisagreement {
  taskId: string;
  spearmanA: number;
  spearmanB: number;
  top1A: number;
  top1B: number;
}

/** Problems of two files that are not the same problems with the same candidates. */
export class CompareInputError extends Error {
  override readonly name = 'CompareInputError';
}

/**
 * B's problems reordered to A's order (by taskId), after checking both hold the same problems with the same
 * candidate ranks: a paired comparison is only meaningful on identical items.
 */
export function alignProblems(a: readonly ProblemGroup[], b: readonly ProblemGroup[]): ProblemGroup[] {
  const byTask = new Map(b.map((problem) => [problem.taskId, problem]));
  const missing = a.filter((problem) => !byTask.has(problem.taskId)).map((p) => p.taskId);
  const extra = b.length - (a.length - missing.length);
  if (missing.length > 0 || extra > 0) {
    const shown = missing.slice(0, 3).join(', ');
    throw new CompareInputError(`the files hold different problems (${missing.length} only in A${shown ? `: ${shown}${missing.length > 3 ? ', ...' : ''}` : ''}; ${extra} only in B)`);
  }
  return a.map((problem) => {
    const other = byTask.get(problem.taskId)!;
    const ranks = (p: ProblemGroup) => p.solutions.map((s) => s.rank).sort((x, y) => x - y).join(',');
    if (ranks(problem) !== ranks(other)) throw new CompareInputError(`${problem.taskId}: the files rank different candidates (${ranks(problem)} vs ${ranks(other)})`);
    return other;
  });
}

/** The paired comparison of every metric; `partsA` and `partsB` must list the same problems in the same order. */
export function pairedComparison(partsA: SplitParts, partsB: SplitParts, draws: ResampleDraws, confidence = DEFAULT_CONFIDENCE): Record<MetricName, PairedMetric> {
  if (partsA.perProblem.length !== partsB.perProblem.length) throw new CompareInputError(`A has ${partsA.perProblem.length} problems, B ${partsB.perProblem.length}`);
  const samplesA = bootstrapSamples(splitTable(partsA), draws);
  const samplesB = bootstrapSamples(splitTable(partsB), draws);
  const pointA = metricsFromParts(partsA);
  const pointB = metricsFromParts(partsB);
  const width = METRIC_NAMES.length;
  return Object.fromEntries(
    METRIC_NAMES.map((name, m) => {
      const diffs = new Float64Array(draws.count);
      let better = 0;
      for (let r = 0; r < draws.count; r += 1) {
        const diff = samplesB[r * width + m] - samplesA[r * width + m];
        diffs[r] = diff;
        if (lowerIsBetter(name) ? diff < 0 : diff > 0) better += 1;
      }
      const [lo, hi] = percentileInterval(diffs, confidence);
      return [name, { a: pointA[name], b: pointB[name], diff: pointB[name] - pointA[name], lo, hi, pBetter: better / draws.count }];
    }),
  ) as Record<MetricName, PairedMetric>;
}

/** The `limit` problems with the largest |Spearman B - Spearman A|, then |Top-1 B - Top-1 A|; problems that agree are left out. */
export function problemDisagreements(taskIds: readonly string[], partsA: SplitParts, partsB: SplitParts, limit = 10): ProblemDisagreement[] {
  const rows = taskIds.map((taskId, i) => ({
    taskId,
    spearmanA: partsA.perProblem[i].spearman,
    spearmanB: partsB.perProblem[i].spearman,
    top1A: partsA.perProblem[i].top1,
    top1B: partsB.perProblem[i].top1,
  }));
  const gap = (r: ProblemDisagreement) => [Math.abs(r.spearmanB - r.spearmanA), Math.abs(r.top1B - r.top1A)] as const;
  return rows
    .filter((r) => gap(r)[0] > 0 || gap(r)[1] > 0)
    .sort((x, y) => gap(y)[0] - gap(x)[0] || gap(y)[1] - gap(x)[1])
    .slice(0, limit);
}
