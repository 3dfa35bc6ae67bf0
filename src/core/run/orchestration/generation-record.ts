// Turns one generation request and its answer (or failure) into the record a run stores.
import { answerText, extractAssertions, type ExtractOptions } from '../../tests/extract-assertions';
import type { GenerationRecord, GenerationRequest, GenerationTimings, TokenUsage } from '../run-records';
import type { GenerationSlotRef } from './work-plan';

/**
 * Tagged assertions that yielded no test: `<assertion>` openings in the answer (reasoning dropped) minus the
 * tests taken from tags. They are empty, unclosed (a cut-off answer) or swallowed by a later opening tag.
 */
export function malformedCount(rawResponse: string, extracted: number): number {
  const opened = answerText(rawResponse).split('<assertion>').length - 1;
  return Math.max(0, opened - extracted);
}

/** Tests and malformed count of one raw answer (fenced-code fallbacks have no tags, so nothing is malformed). */
export function testsOfAnswer(text: string, options: ExtractOptions): { tests: string[]; malformed: number } {
  const { assertions, source } = extractAssertions(text, options);
  return { tests: assertions, malformed: source === 'fenced' ? 0 : malformedCount(text, assertions.length) };
}

/** The answer of a finished request, as the backend reported it. */
export interface GenerationAnswer {
  text: string;
  /** Reasoning returned beside the answer; empty or absent when none. Kept, never read for tests. */
  reasoning?: string;
  usage: TokenUsage | null;
  finishReason: string | null;
  timings: GenerationTimings;
}

/** A finished generation: the raw answer (and any separate reasoning) kept verbatim, the tests taken from the answer. */
export function finishedGeneration(runId: string, slot: GenerationSlotRef, request: GenerationRequest, answer: GenerationAnswer, options: ExtractOptions): GenerationRecord {
  const { tests, malformed } = testsOfAnswer(answer.text, options);
  return {
    runId,
    ...slot,
    request,
    rawResponse: answer.text,
    ...(answer.reasoning ? { reasoning: answer.reasoning } : {}),
    tests,
    malformedCount: malformed,
    usage: answer.usage,
    timings: answer.timings,
    finishReason: answer.finishReason,
    error: null,
  };
}

/** A failed request: kept for inspection, not finished (resume retries it). */
export function failedGeneration(runId: string, slot: GenerationSlotRef, request: GenerationRequest, error: string, timings: GenerationTimings): GenerationRecord {
  return { runId, ...slot, request, rawResponse: '', tests: [], malformedCount: 0, usage: null, timings, finishReason: null, error };
}

/** Per-request seed: the run's seed plus the sample number, so samples differ yet a rerun repeats them. */
export function requestSeed(seed: number | null, sampleIndex: number): number | null {
  return seed === null ? null : seed + sampleIndex;
}
