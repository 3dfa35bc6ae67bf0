// The work of a refinement job: which wrong programs are refined, with what feedback, and which refinements
// (k with feedback, and k without when a baseline is asked for; the i-th of each with seed + i) are still to make.
import type { Dataset } from '../dataset/types';
import { programKey, type ProgramFeedback } from './feedback-file';
import { refinementKey, type FeedbackAuthor, type IlfRecord } from './ilf-record';
import { RefineInputError } from './refine-errors';

/** How refinements are asked for; never a secret. */
export interface RefineSettings {
  /** Refinements per program and side (1..8 in the app). */
  k: number;
  temperature: number;
  /** Seed of refinement 0; refinement i uses seed + i, with and without feedback alike. */
  seed: number;
  /** Also make the k refinements without the feedback. */
  baseline: boolean;
}

/** One wrong program to refine, and its feedback when already known (null = to be drafted by a model). */
export interface RefineTarget {
  taskId: string;
  rank: number;
  program: string;
  feedback: { text: string; author: FeedbackAuthor } | null;
}

/** One refinement to make. */
export interface RefineSlot {
  taskId: string;
  rank: number;
  withFeedback: boolean;
  index: number;
  seed: number;
}

/** Wrong programs of the named problems: every candidate with a stored score below 1 (rank 1 never). */
export function wrongPrograms(dataset: Dataset, taskIds: readonly string[]): RefineTarget[] {
  const byId = new Map(dataset.problems.map((p) => [p.taskId, p]));
  return taskIds.flatMap((taskId) => {
    const problem = byId.get(taskId);
    if (!problem) throw new RefineInputError(`the dataset has no problem ${JSON.stringify(taskId)}`);
    return problem.candidates.filter((c) => c.rank !== 1 && c.score < 1).map((c) => ({ taskId, rank: c.rank, program: c.code, feedback: null }));
  });
}

/** The programs a feedback file names, with its feedback; a program the dataset lacks is a RefineInputError. */
export function feedbackTargets(dataset: Dataset, entries: readonly ProgramFeedback[]): RefineTarget[] {
  const byId = new Map(dataset.problems.map((p) => [p.taskId, p]));
  return entries.map((e) => {
    const candidate = byId.get(e.taskId)?.candidates.find((c) => c.rank === e.rank);
    if (!candidate) throw new RefineInputError(`feedback names ${e.taskId} rank ${e.rank}, which the dataset does not have`);
    return { taskId: e.taskId, rank: e.rank, program: candidate.code, feedback: { text: e.feedback, author: 'person' } };
  });
}

/** Every refinement of a target, with-feedback ones first, in seed order. */
export function refineSlots(target: Pick<RefineTarget, 'taskId' | 'rank'>, settings: RefineSettings): RefineSlot[] {
  checkSettings(settings);
  const sides = settings.baseline ? [true, false] : [true];
  return sides.flatMap((withFeedback) =>
    Array.from({ length: settings.k }, (_, index) => ({ taskId: target.taskId, rank: target.rank, withFeedback, index, seed: settings.seed + index })),
  );
}

/** Refinements of a target not among the finished records. */
export function pendingSlots(target: Pick<RefineTarget, 'taskId' | 'rank'>, settings: RefineSettings, finished: ReadonlySet<string>): RefineSlot[] {
  return refineSlots(target, settings).filter((s) => !finished.has(refinementKey({ task_id: s.taskId, rank: s.rank, with_feedback: s.withFeedback, seed: s.seed })));
}

/** Keys of finished records, and the feedback each program already has in them (to resume without redrafting). */
export function finishedWork(records: readonly IlfRecord[]): { keys: Set<string>; feedback: Map<string, { text: string; author: FeedbackAuthor }> } {
  const keys = new Set(records.map(refinementKey));
  const feedback = new Map(records.map((r) => [programKey(r.task_id, r.rank), { text: r.feedback, author: r.feedback_author }]));
  return { keys, feedback };
}

function checkSettings(s: RefineSettings): void {
  if (!Number.isInteger(s.k) || s.k < 1) throw new RefineInputError(`k must be a whole number >= 1 (got ${s.k})`);
  if (!Number.isInteger(s.seed)) throw new RefineInputError(`the seed must be a whole number (got ${s.seed})`);
  if (!(s.temperature >= 0 && Number.isFinite(s.temperature))) throw new RefineInputError(`the temperature must be a number >= 0 (got ${s.temperature})`);
}
