// Two readings of a run's per-test results beyond the paper's pass fraction, for runs whose candidates share one
// test set (the instruction variant or imported tests):
// - test validity: a test the canonical (rank-1) solution fails is wrong; how many are valid, and the metrics
//   with the wrong ones dropped, say how much of a verifier's error comes from wrong tests;
// - CodeT's dual execution agreement: candidates passing exactly the same tests form a group scored
//   (group size) x (tests passed); every member gets its group's score (a reward: normalized per problem).
import { computeMetricsBySplit } from '../../metrics/split-metrics';
import type { MetricsBySplit, ScoredSolution } from '../../metrics/types';
import type { SplitName } from '../../dataset/types';
import type { CandidateRecord } from '../run-records';
import { scoreProblem } from '../../compare/scorers';
import type { MatrixProblem } from '../../compare/execution-matrix';
import { NO_CANDIDATE } from '../run-records';
import type { WorkPlan } from './work-plan';

/** Valid-test share and the metrics with invalid tests dropped. */
export interface TestValidity {
  tests: number;
  valid: number;
  /** Problems whose canonical solution failed at least one test. */
  problemsWithInvalid: number;
  metrics: MetricsBySplit | null;
}

/** CodeT scores of one problem's candidates (rank -> score), from their per-test outcomes on shared tests. */
export function codetScores(results: readonly CandidateRecord[]): Map<number, number> {
  const scores = scoreProblem(matrixOfRecords(results), 'codet');
  return new Map(results.map((r, i) => [r.rank, scores[i]]));
}

/** One problem's records as a shared-tests execution matrix (ground scores unused here). */
function matrixOfRecords(results: readonly CandidateRecord[]): MatrixProblem {
  return { taskId: results[0]?.taskId ?? '', ranks: results.map((r) => r.rank), truth: results.map(() => 0), pass: results.map((r) => Uint8Array.from(r.tests, (t) => (t.status === 'pass' ? 1 : 0))), shared: true };
}

/** Complete problems with their results by rank, when the run's candidates share one test set. */
function completeProblems(plan: WorkPlan, results: readonly CandidateRecord[]) {
  const shared = plan.problems.every((p) => p.shownRanks.length === 1 && p.shownRanks[0] === NO_CANDIDATE);
  if (!shared) return null;
  const byTask = new Map<string, CandidateRecord[]>();
  for (const r of results) byTask.set(r.taskId, [...(byTask.get(r.taskId) ?? []), r]);
  return plan.problems
    .map((p) => ({ planned: p, rows: byTask.get(p.problem.taskId) ?? [] }))
    .filter(({ planned, rows }) => rows.length === planned.ranks.length);
}

/** Metrics of the CodeT scores over complete problems (method reward); null when candidates do not share tests. */
export function codetMetrics(plan: WorkPlan, split: SplitName, results: readonly CandidateRecord[]): MetricsBySplit | null {
  const problems = completeProblems(plan, results);
  if (!problems || problems.length === 0) return null;
  const solutions: ScoredSolution[] = problems.flatMap(({ planned, rows }) => {
    const scores = codetScores(rows);
    return planned.problem.candidates.map((c) => ({ split, taskId: planned.problem.taskId, rank: c.rank, groundScore: c.score, predicted: scores.get(c.rank)! }));
  });
  return computeMetricsBySplit(solutions, 'reward');
}

/** Test validity over complete problems; null when candidates do not share tests. */
export function testValidity(plan: WorkPlan, split: SplitName, results: readonly CandidateRecord[]): TestValidity | null {
  const problems = completeProblems(plan, results);
  if (!problems) return null;
  let tests = 0;
  let valid = 0;
  let problemsWithInvalid = 0;
  const solutions: ScoredSolution[] = [];
  for (const { planned, rows } of problems) {
    const canonical = rows.find((r) => r.rank === 1);
    if (!canonical) continue;
    const keep = canonical.tests.map((t) => t.status === 'pass');
    const kept = keep.filter(Boolean).length;
    tests += keep.length;
    valid += kept;
    if (kept < keep.length) problemsWithInvalid++;
    const scores = scoreProblem(matrixOfRecords(rows), 'valid-only');
    for (const c of planned.problem.candidates) {
      const predicted = scores[rows.findIndex((x) => x.rank === c.rank)];
      solutions.push({ split, taskId: planned.problem.taskId, rank: c.rank, groundScore: c.score, predicted });
    }
  }
  return { tests, valid, problemsWithInvalid, metrics: solutions.length === 0 ? null : computeMetricsBySplit(solutions, 'utg') };
}
