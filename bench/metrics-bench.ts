// `npm run bench:metrics`: the comparison's pure computation at MBPP-R scale (974 problems, 3,249 solutions,
// 10 generated tests per problem): point metrics, 2,000-resample intervals, a 2,000-resample paired comparison,
// scaling k = 1..10 with 200 draws, for each scorer. Synthetic inputs from a fixed seed (no data, no engine);
// medians over --reps runs on this machine.
//
//   npm run bench:metrics -- [--reps R] [--tests N]
import { availableParallelism, cpus, loadavg } from 'node:os';
import { parseArgs } from 'node:util';
import type { MatrixProblem } from '../src/core/compare/execution-matrix';
import { pairedComparison } from '../src/core/compare/paired';
import { scalingCurve } from '../src/core/compare/scaling';
import { SCORER_NAMES, scoreProblem, scorerMethod, type ScorerName } from '../src/core/compare/scorers';
import { bootstrapSplitMetrics } from '../src/core/metrics/bootstrap';
import { drawResampleIndices } from '../src/core/metrics/resample';
import { metricsFromParts, splitParts } from '../src/core/metrics/split-metrics';
import type { ProblemGroup } from '../src/core/metrics/types';
import { MBPP_R_PROBLEMS, MBPP_R_SOLUTIONS, syntheticMatrix } from './synthetic-matrix';

const PROBLEMS = MBPP_R_PROBLEMS;
const SOLUTIONS = MBPP_R_SOLUTIONS;
const RESAMPLES = 2000;
const DRAWS = 200;
const KS = [1, 2, 3, 4, 5, 6, 7, 8, 9, 10];

const { values } = parseArgs({ options: { reps: { type: 'string', default: '3' }, tests: { type: 'string', default: '10' } } });
const reps = Number(values.reps);
const testsPerProblem = Number(values.tests);

function groupsOf(matrix: readonly MatrixProblem[], scorer: ScorerName): ProblemGroup[] {
  return matrix.map((m) => {
    const scores = scoreProblem(m, scorer);
    return { split: 'MBPP_base', taskId: m.taskId, solutions: m.ranks.map((rank, i) => ({ split: 'MBPP_base', taskId: m.taskId, rank, groundScore: m.truth[i], predicted: scores[i] })) };
  });
}

function time<T>(run: () => T): { ms: number; value: T } {
  const start = performance.now();
  const value = run();
  return { ms: performance.now() - start, value };
}

const median = (xs: number[]) => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)];

const matrix = syntheticMatrix(1, testsPerProblem);
const other = syntheticMatrix(2, testsPerProblem).map((m, p) => ({ ...m, ranks: matrix[p].ranks, truth: matrix[p].truth, pass: m.pass.slice(0, matrix[p].ranks.length) }));
const rows: string[] = [];
for (const scorer of SCORER_NAMES) {
  const method = scorerMethod(scorer);
  const timings: Record<string, number[]> = { metrics: [], intervals: [], paired: [], scaling: [] };
  for (let r = 0; r < reps; r += 1) {
    const parts = time(() => splitParts(groupsOf(matrix, scorer), method));
    timings.metrics.push(parts.ms + time(() => metricsFromParts(parts.value)).ms);
    timings.intervals.push(time(() => bootstrapSplitMetrics(parts.value, { resamples: RESAMPLES, seed: r })).ms);
    const partsB = splitParts(groupsOf(other, scorer), method);
    timings.paired.push(time(() => pairedComparison(parts.value, partsB, drawResampleIndices(PROBLEMS, RESAMPLES, r))).ms);
    timings.scaling.push(time(() => scalingCurve('MBPP_base', matrix, KS, { draws: DRAWS, seed: r, scorer })).ms);
  }
  const cells = ['metrics', 'intervals', 'paired', 'scaling'].map((key) => median(timings[key]).toFixed(key === 'scaling' ? 0 : 1));
  rows.push(`| ${scorer} | ${cells.join(' | ')} |`);
}

console.log(`# Metrics bench: ${PROBLEMS} problems, ${SOLUTIONS} solutions, ${testsPerProblem} tests per problem`);
console.log(`\n${cpus()[0]?.model ?? 'unknown CPU'}, ${availableParallelism()} cores, load ${loadavg().map((x) => x.toFixed(2)).join(' ')}, Node ${process.version}; median of ${reps} runs, one thread.\n`);
console.log(`| scorer | six metrics (ms) | ${RESAMPLES}-resample intervals (ms) | ${RESAMPLES}-resample paired comparison (ms) | scaling k = 1..10, ${DRAWS} draws (ms) |`);
console.log('| --- | ---: | ---: | ---: | ---: |');
for (const row of rows) console.log(row);
