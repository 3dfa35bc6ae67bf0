// Validates generation and candidate-result records of unknown shape, copying known fields only.
import type { SamplingSettings } from './run-config';
import { RunFieldError, RunReader, checkString } from './run-fields';
import { readSampling } from './run-read';
import type { CandidateRecord, GenerationRecord, PromptMessage } from './run-records';
import type { TestResult, TestStatus } from './types';
import { readRefinementOutcome } from '../refine/refine-run-read';

const TEST_STATUSES: readonly TestStatus[] = ['pass', 'fail', 'timeout', 'error', 'crash'];

/** A valid GenerationRecord built from `value`, or a RunFieldError naming the first bad field. */
export function readGeneration(value: unknown, path = 'generation'): GenerationRecord {
  const r = RunReader.of(value, path);
  const request = r.object('request');
  const usage = r.nullableObject('usage');
  const timings = r.object('timings');
  const sampling: SamplingSettings = readSampling(request.object('sampling'));
  return {
    runId: r.string('runId'),
    taskId: r.string('taskId'),
    shownRank: r.int('shownRank', 0),
    sampleIndex: r.int('sampleIndex', 0),
    request: {
      backend: request.oneOf('backend', ['openai', 'webllm', 'file']),
      model: request.string('model'),
      variant: request.oneOf('variant', ['instruction', 'instruction+solution']),
      messages: request.array('messages', readMessage),
      sampling,
    },
    rawResponse: r.string('rawResponse'),
    ...(Object.hasOwn(r.obj, 'reasoning') && r.obj['reasoning'] !== undefined ? { reasoning: r.string('reasoning') } : {}),
    tests: r.stringArray('tests'),
    malformedCount: r.int('malformedCount'),
    usage: usage && { promptTokens: usage.int('promptTokens'), completionTokens: usage.int('completionTokens') },
    timings: { startedAt: timings.number('startedAt'), firstTokenMs: timings.nullableNumber('firstTokenMs', 0), totalMs: timings.number('totalMs', 0) },
    finishReason: r.nullableString('finishReason'),
    error: r.nullableString('error'),
    ...readAnswerScore(r),
    ...(r.has('refinement') ? { refinement: readRefinementOutcome(r.object('refinement')) } : {}),
  };
}

/** The optional score fields of reward and judge answers (absent in test runs and records made before them). */
function readAnswerScore(r: RunReader): Pick<GenerationRecord, 'score' | 'attributes'> {
  const score = r.has('score') ? { score: r.number('score') } : {};
  if (!r.has('attributes')) return score;
  const attributes = r.object('attributes');
  const values = new Map(Object.keys(attributes.obj).map((name) => [name, attributes.number(name)]));
  return { ...score, attributes: Object.fromEntries(values) };
}

function readMessage(value: unknown, path: string): PromptMessage {
  const r = RunReader.of(value, path);
  return { role: r.oneOf('role', ['system', 'user', 'assistant']), content: checkString(r.raw('content'), r.at('content')) };
}

/** A valid CandidateRecord built from `value`; `passed` and `total` must agree with `tests`. */
export function readCandidateRecord(value: unknown, path = 'result'): CandidateRecord {
  const r = RunReader.of(value, path);
  const tests = r.array('tests', readTestResult);
  const passed = r.int('passed');
  const total = r.int('total');
  const passes = tests.filter((t) => t.status === 'pass').length;
  if (total !== tests.length) throw new RunFieldError(r.at('total'), `is ${total} but tests has ${tests.length} entries`);
  if (passed !== passes) throw new RunFieldError(r.at('passed'), `is ${passed} but tests has ${passes} passes`);
  return {
    runId: r.string('runId'),
    taskId: r.string('taskId'),
    // Rank 0: a program pasted into a refinement run; dataset candidates start at 1.
    rank: r.int('rank', 0),
    tests,
    passed,
    total,
    predicted: r.number('predicted'),
    uncompilable: r.array('uncompilable', (v, p) => checkIndex(v, p, tests.length)),
    compileError: r.nullableString('compileError'),
    ms: r.number('ms', 0),
    ...(r.has('reusedFrom') ? { reusedFrom: r.int('reusedFrom', 1) } : {}),
  };
}

function readTestResult(value: unknown, path: string): TestResult {
  const r = RunReader.of(value, path);
  return { status: r.oneOf('status', TEST_STATUSES), message: r.string('message'), ms: r.number('ms', 0) };
}

function checkIndex(value: unknown, path: string, length: number): number {
  if (typeof value !== 'number' || !Number.isInteger(value) || value < 0 || value >= length) {
    throw new RunFieldError(path, `expected a test index in [0, ${length - 1}], got ${JSON.stringify(value)}`);
  }
  return value;
}
