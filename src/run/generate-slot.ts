// One generation request of a run: render the prompt, ask the generator, and make the record to store.
// An abort rejects (nothing to store); any other failure comes back as a failed record with the reason.
import type { Problem } from '../core/dataset/types';
import type { VerifierConfig } from '../core/run/run-config';
import type { GenerationRecord, GenerationRequest, PromptMessage } from '../core/run/run-records';
import { failedGeneration, finishedGeneration, requestSeed } from '../core/run/orchestration/generation-record';
import { problemEntryPoint, problemStatement } from '../core/run/orchestration/problem-statement';
import type { GenerationSlotRef } from '../core/run/orchestration/work-plan';
import { NO_CANDIDATE } from '../core/run/run-records';
import { scoredGeneration, unscoredGeneration, type SlotScore } from '../core/verifiers/score-records';
import { ScoreAnswerError } from '../core/verifiers/score-answer-error';
import type { ExtractOptions } from '../core/tests/extract-assertions';
import { LlmError } from '../llm/errors';
import type { TestGenerator } from '../llm/generator';
import type { GenerateResult } from '../llm/types';
import { buildTestGenMessages } from '../llm/prompts/messages';
import type { PromptTemplate } from '../llm/prompts/templates';

/** Streaming text of one slot, for a UI that shows the model writing. */
export type DeltaListener = (slot: GenerationSlotRef, textSoFar: string) => void;

/** The request a slot sends (no key, no transport details). Throws PromptTemplateError for an unusable template. */
export function slotRequest(verifier: VerifierConfig, template: PromptTemplate, problem: Problem, slot: GenerationSlotRef): GenerationRequest {
  const shown = slot.shownRank === NO_CANDIDATE ? undefined : problem.candidates.find((c) => c.rank === slot.shownRank);
  if (slot.shownRank !== NO_CANDIDATE && !shown) throw new Error(`${problem.taskId} has no candidate of rank ${slot.shownRank}`);
  const entryPoint = problemEntryPoint(problem);
  const messages = buildTestGenMessages(template, {
    problem: problemStatement(problem),
    n: verifier.testsPerProblem,
    ...(shown ? { solution: shown.code } : {}),
    ...(entryPoint ? { entry_point: entryPoint } : {}),
  });
  return requestWith(verifier, slot, messages);
}

/** The request of a slot that sends `messages`: the run's model and sampling, the seed advanced per sample. */
export function requestWith(verifier: VerifierConfig, slot: GenerationSlotRef, messages: PromptMessage[]): GenerationRequest {
  return {
    backend: verifier.backend,
    model: verifier.model,
    variant: verifier.variant,
    messages,
    sampling: { ...verifier.sampling, seed: requestSeed(verifier.sampling.seed, slot.sampleIndex) },
  };
}

/** How a reward or judge run reads a score from an answer, and how many answers it asks for before giving up. */
export interface SlotScoring {
  attempts: number;
  /** Throws ScoreAnswerError for an answer without a usable score. */
  read(answer: GenerateResult): SlotScore;
}

/**
 * Asks the generator for one slot. Resolves with a finished or failed record; rejects only when `signal` aborts.
 * A test run's tests come from the answer as `extraction` says, never from the reasoning (kept beside the answer).
 * With `scoring`, the answer's score is read into the record; an answer without one is asked again up to
 * `scoring.attempts` answers in all, then kept as a failed record (the last answer and the reason), never scored 0.
 */
export async function generateSlot(
  runId: string,
  generator: TestGenerator,
  request: GenerationRequest,
  slot: GenerationSlotRef,
  extraction: ExtractOptions,
  signal: AbortSignal,
  onDelta?: DeltaListener,
  now: () => number = Date.now,
  scoring?: SlotScoring,
): Promise<GenerationRecord> {
  const startedAt = now();
  let firstTokenMs: number | null = null;
  try {
    for (let attempt = 1; ; attempt++) {
      const { sampling } = request;
      const answer = await generator.generate({
        messages: request.messages,
        temperature: sampling.temperature,
        top_p: sampling.topP,
        max_tokens: sampling.maxTokens,
        ...(sampling.seed !== null ? { seed: sampling.seed } : {}),
        signal,
        onDelta: (_delta, textSoFar, channel) => {
          firstTokenMs ??= now() - startedAt;
          if (channel === 'content') onDelta?.(slot, textSoFar);
        },
        onRetry: () => onDelta?.(slot, ''),
      });
      const usage = answer.usage ? { promptTokens: answer.usage.prompt_tokens, completionTokens: answer.usage.completion_tokens } : null;
      const timings = { startedAt, firstTokenMs, totalMs: now() - startedAt };
      const got = { text: answer.text, ...(answer.reasoning ? { reasoning: answer.reasoning } : {}), usage, finishReason: answer.finishReason, timings };
      if (!scoring) return finishedGeneration(runId, slot, request, got, extraction);
      try {
        return scoredGeneration(runId, slot, request, got, scoring.read(answer));
      } catch (error) {
        if (!(error instanceof ScoreAnswerError)) throw error;
        if (attempt >= scoring.attempts) return unscoredGeneration(runId, slot, request, got, attempt > 1 ? `${error.message} (${attempt} answers asked)` : error.message);
        onDelta?.(slot, '');
      }
    }
  } catch (error) {
    if (signal.aborted || (error instanceof LlmError && error.kind === 'aborted')) throw error;
    const message = error instanceof LlmError ? `${error.kind}: ${error.message}${error.hint ? ` (${error.hint})` : ''}` : String(error);
    return failedGeneration(runId, slot, request, message, { startedAt, firstTokenMs, totalMs: now() - startedAt });
  }
}
