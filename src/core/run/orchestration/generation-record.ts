// Turns one generation request and its answer (or failure) into the record a run stores.
import { answerText, extractAssertions } from '../../tests/extract-assertions';
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
export function testsOfAnswer(text: string): { tests: string[]; malformed: number } {
  const { assertions, source } = extractAssertions(text);
  return { tests: assertions, malformed: source === 'fenced' ? 0 : malformedCount(text, assertions.length) };
}

/** The answer of a finished request, as the backend reported it. */
export interface GenerationAnswer {
  text: string;
  usage: TokenUsage | null;
  finishReason: string | null;
  timings: GenerationTimings;
}

/** A finished generation: the raw answer kept verbatim, the tests extracted with the core extractor. */
export function finishedGeneration(runId: string, slot: GenerationSlotRef, request: GenerationRequest, answer: GenerationAnswer): GenerationRecord {
  const { tests, malformed } = testsOfAnswer(answer.text);
  return {
    runId,
    ...slot,
    request,
    rawResponse: answer.text,
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
