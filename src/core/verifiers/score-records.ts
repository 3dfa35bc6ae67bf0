// The records of reward and judge runs: one generation record per (candidate, sample) holding the score read from
// the answer, and the candidate's record made from those scores instead of an execution (no tests, predicted =
// the mean raw score over its samples).
import type { GenerationAnswer } from '../run/orchestration/generation-record';
import type { GenerationSlotRef } from '../run/orchestration/work-plan';
import type { CandidateRecord, GenerationRecord, GenerationRequest } from '../run/run-records';

/** What was read from an answer: the scalar, and for reward models every attribute. */
export interface SlotScore {
  score: number;
  attributes?: Record<string, number>;
}

/** A scored answer; the raw answer is kept verbatim. */
export function scoredGeneration(runId: string, slot: GenerationSlotRef, request: GenerationRequest, answer: GenerationAnswer, read: SlotScore): GenerationRecord {
  return {
    ...answerRecord(runId, slot, request, answer),
    error: null,
    score: read.score,
    ...(read.attributes ? { attributes: read.attributes } : {}),
  };
}

/** An answer with no usable score: kept (the answer shown beside the reason), not finished, so resume asks again. */
export function unscoredGeneration(runId: string, slot: GenerationSlotRef, request: GenerationRequest, answer: GenerationAnswer, reason: string): GenerationRecord {
  return { ...answerRecord(runId, slot, request, answer), error: `no usable score: ${reason}` };
}

function answerRecord(runId: string, slot: GenerationSlotRef, request: GenerationRequest, answer: GenerationAnswer): Omit<GenerationRecord, 'error'> {
  const reasoning = answer.reasoning ? { reasoning: answer.reasoning } : {};
  return { runId, ...slot, request, rawResponse: answer.text, ...reasoning, tests: [], malformedCount: 0, usage: answer.usage, timings: answer.timings, finishReason: answer.finishReason };
}

/** A scoring run's candidate has no scored answer of its own (a store missing records it should have). */
export class MissingScoreError extends Error {
  override readonly name = 'MissingScoreError';
}

/** The candidate of `rank` scored from its answers (the finished generations that showed it): the mean raw score. */
export function scoredCandidate(runId: string, taskId: string, rank: number, generations: readonly GenerationRecord[]): CandidateRecord {
  const scores = generations.filter((g) => g.shownRank === rank && g.error === null).map((g) => g.score);
  if (scores.length === 0 || scores.some((s) => s === undefined)) throw new MissingScoreError(`${taskId} rank ${rank} has no scored answer`);
  const predicted = (scores as number[]).reduce((sum, s) => sum + s, 0) / scores.length;
  const ms = generations.filter((g) => g.shownRank === rank).reduce((sum, g) => sum + g.timings.totalMs, 0);
  return { runId, taskId, rank, tests: [], passed: 0, total: 0, predicted, uncompilable: [], compileError: null, ms };
}
