// One generation request of a run: render the prompt, ask the generator, and make the record to store.
// An abort rejects (nothing to store); any other failure comes back as a failed record with the reason.
import type { Problem } from '../core/dataset/types';
import type { VerifierConfig } from '../core/run/run-config';
import type { GenerationRecord, GenerationRequest } from '../core/run/run-records';
import { failedGeneration, finishedGeneration, requestSeed } from '../core/run/orchestration/generation-record';
import { problemEntryPoint, problemStatement } from '../core/run/orchestration/problem-statement';
import type { GenerationSlotRef } from '../core/run/orchestration/work-plan';
import { NO_CANDIDATE } from '../core/run/run-records';
import type { ExtractOptions } from '../core/tests/extract-assertions';
import { LlmError } from '../llm/errors';
import type { TestGenerator } from '../llm/generator';
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
  return {
    backend: verifier.backend,
    model: verifier.model,
    variant: verifier.variant,
    messages,
    sampling: { ...verifier.sampling, seed: requestSeed(verifier.sampling.seed, slot.sampleIndex) },
  };
}

/** Asks the generator for one slot; tests come from the answer as `extraction` says (never from its reasoning). Resolves with a finished or failed record; rejects only when `signal` aborts. */
export async function generateSlot(
  runId: string,
  generator: TestGenerator,
  request: GenerationRequest,
  slot: GenerationSlotRef,
  extraction: ExtractOptions,
  signal: AbortSignal,
  onDelta?: DeltaListener,
  now: () => number = Date.now,
): Promise<GenerationRecord> {
  const startedAt = now();
  let firstTokenMs: number | null = null;
  try {
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
    const reasoning = answer.reasoning ? { reasoning: answer.reasoning } : {};
    return finishedGeneration(runId, slot, request, { text: answer.text, ...reasoning, usage, finishReason: answer.finishReason, timings }, extraction);
  } catch (error) {
    if (signal.aborted || (error instanceof LlmError && error.kind === 'aborted')) throw error;
    const message = error instanceof LlmError ? `${error.kind}: ${error.message}${error.hint ? ` (${error.hint})` : ''}` : String(error);
    return failedGeneration(runId, slot, request, message, { startedAt, firstTokenMs, totalMs: now() - startedAt });
  }
}
