// Pairs each wrong program's refinements made with its feedback against those made without it. The two halves
// share their seeds (refinement i of each uses the same one), so their difference isolates what the feedback did.
import type { IlfRecord } from './ilf-record';
import { programKey } from './feedback-file';
import { RefineInputError } from './refine-errors';

/** Refinements of one side of a program: how many were made and how many passed every test. */
export interface RefineTally {
  made: number;
  passed: number;
  /** Seeds made, ascending. */
  seeds: number[];
}

/** One wrong program's refinements, with and without its feedback (null when no baseline was made). */
export interface ProgramPair {
  taskId: string;
  rank: number;
  withFeedback: RefineTally;
  withoutFeedback: RefineTally | null;
}

function tally(records: readonly IlfRecord[]): RefineTally {
  return { made: records.length, passed: records.filter((r) => r.passed).length, seeds: records.map((r) => r.seed).sort((a, b) => a - b) };
}

/**
 * Programs in first-seen order. A side with a seed twice, or a baseline whose seeds differ from the feedback
 * side's once both are complete (`k` each), is a RefineInputError: such a pair would not isolate the feedback.
 */
export function pairRefinements(records: readonly IlfRecord[], k?: number): ProgramPair[] {
  const groups = new Map<string, { taskId: string; rank: number; with: IlfRecord[]; without: IlfRecord[] }>();
  for (const r of records) {
    const key = programKey(r.task_id, r.rank);
    let g = groups.get(key);
    if (!g) groups.set(key, (g = { taskId: r.task_id, rank: r.rank, with: [], without: [] }));
    (r.with_feedback ? g.with : g.without).push(r);
  }
  return [...groups.values()].map((g) => {
    const withFeedback = tally(g.with);
    const withoutFeedback = g.without.length === 0 ? null : tally(g.without);
    for (const side of [withFeedback, withoutFeedback]) {
      if (side && new Set(side.seeds).size !== side.seeds.length) throw new RefineInputError(`${g.taskId} rank ${g.rank}: a seed is used twice on one side`);
    }
    const complete = k !== undefined && withFeedback.made === k && withoutFeedback?.made === k;
    if (complete && withoutFeedback && withFeedback.seeds.join() !== withoutFeedback.seeds.join()) {
      throw new RefineInputError(`${g.taskId} rank ${g.rank}: the refinements without feedback used other seeds than those with it`);
    }
    return { taskId: g.taskId, rank: g.rank, withFeedback, withoutFeedback };
  });
}
