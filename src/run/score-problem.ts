// The scoring kinds' replacement for the engine: once a problem's answers are in, each pending candidate gets
// its record from the scores of the answers that showed it (no execution, no Pyodide).
import type { PlannedProblem } from '../core/run/orchestration/work-plan';
import type { CandidateRecord, GenerationRecord } from '../core/run/run-records';
import { scoredCandidate } from '../core/verifiers/score-records';

/** Stores the record of every `pending` candidate rank of a reward or judge run's problem. */
export async function scoreProblem(
  runId: string,
  planned: PlannedProblem,
  generations: readonly GenerationRecord[],
  pending: readonly number[],
  store: (record: CandidateRecord) => Promise<void>,
): Promise<void> {
  for (const rank of pending) await store(scoredCandidate(runId, planned.problem.taskId, rank, generations));
}
