// Shared test fixtures: a fresh fake IndexedDB per test, the demo dataset, and plausible run records.
import 'fake-indexeddb/auto';
import { readFileSync } from 'node:fs';
import { vi } from 'vitest';
import { parseDatasetText } from '../../../src/core/dataset/parse-dataset';
import type { Dataset } from '../../../src/core/dataset/types';
import type { ExecutionConfig, VerifierConfig } from '../../../src/core/run/run-config';
import type { CandidateRecord, GenerationRecord } from '../../../src/core/run/run-records';
import type { TestStatus } from '../../../src/core/run/types';
import type { NewRunInput } from '../../../src/core/run/run-types';
import { openLabDb } from '../../../src/storage/open-db';
import type { LabDb } from '../../../src/storage/schema';

/** A database in its own brand-new factory, so tests share nothing. */
export function freshDb(factory: IDBFactory = new IDBFactory()): Promise<LabDb> {
  return openLabDb({ factory });
}

/** The bundled demo dataset: its exact text and the parsed dataset. */
export function demoDataset(): { text: string; dataset: Dataset } {
  const text = readFileSync(new URL('../../../static-datasets/demo/Demo-R.jsonl', import.meta.url), 'utf8');
  return { text, dataset: parseDatasetText(text, { name: 'Demo-R', split: 'DEMO' }) };
}

export const SHA = 'a'.repeat(64);

export function verifierConfig(overrides: Partial<VerifierConfig> = {}): VerifierConfig {
  return {
    backend: 'openai',
    model: 'qwen2.5-coder-7b',
    baseUrl: 'http://localhost:11434/v1',
    fileName: null,
    variant: 'instruction',
    testsPerProblem: 10,
    samplesPerProblem: 2,
    sampling: { temperature: 1, topP: 1, maxTokens: 2048, seed: 7 },
    promptTemplate: 'You are an expert test writer.\n{problem}\nWrite {n} assertions.',
    ...overrides,
  };
}

export function executionConfig(overrides: Partial<ExecutionConfig> = {}): ExecutionConfig {
  return { comparison: 'paper', timeout: { kind: 'scaled', minMs: 100, factor: 4 }, budgetMs: 30_000, engineVersion: '0.1.0', pyodideVersion: '314.0.7', ...overrides };
}

export function runInput(overrides: Partial<NewRunInput> = {}): NewRunInput {
  return {
    name: 'Qwen on Demo',
    datasetId: SHA,
    datasetSha256: SHA,
    datasetName: 'Demo-R',
    split: 'DEMO',
    problemIds: ['Demo/0', 'Demo/1', 'Demo/2'],
    verifier: verifierConfig(),
    execution: executionConfig(),
    ...overrides,
  };
}

/** A finished generation (error null unless given). */
export function generation(runId: string, taskId: string, sampleIndex: number, overrides: Partial<GenerationRecord> = {}): GenerationRecord {
  return {
    runId,
    taskId,
    shownRank: 0,
    sampleIndex,
    request: {
      backend: 'openai',
      model: 'qwen2.5-coder-7b',
      variant: 'instruction',
      messages: [
        { role: 'system', content: 'You write tests.' },
        { role: 'user', content: `Problem ${taskId} — "quotes", ünïcödé, \u2028 and a lone \ud800 surrogate` },
      ],
      sampling: { temperature: 1, topP: 1, maxTokens: 2048, seed: 7 },
    },
    rawResponse: `<think>hm</think><assertion>assert f(1) == 0.1 + 0.2</assertion>\n<assertion>assert f(2) == 2</assertion><assertion>bad(`,
    tests: ['assert f(1) == 0.1 + 0.2', 'assert f(2) == 2'],
    malformedCount: 1,
    usage: { promptTokens: 321, completionTokens: 54 },
    timings: { startedAt: 1_700_000_000_123, firstTokenMs: 250.5, totalMs: 1234.25 },
    finishReason: 'stop',
    error: null,
    ...overrides,
  };
}

/** An executed candidate whose counts agree with its per-test results. */
export function result(runId: string, taskId: string, rank: number, statuses: TestStatus[] = ['pass', 'fail']): CandidateRecord {
  const tests = statuses.map((status, i) => ({ status, message: status === 'pass' ? '' : `AssertionError in test ${i}`, ms: 0.1 * (i + 1) }));
  const passed = tests.filter((t) => t.status === 'pass').length;
  const predicted = tests.length === 0 ? 0 : passed / tests.length;
  return { runId, taskId, rank, tests, passed, total: tests.length, predicted, uncompilable: [], compileError: null, ms: 12.5 };
}

/**
 * Makes writes to `storeName` fail the way a browser out of quota does: the request is queued, then the
 * transaction aborts with a QuotaExceededError (fake-indexeddb's internal `_abort(name)`, the same path its own
 * request failures take). Returns the spies; restore with vi.restoreAllMocks().
 */
export function simulateQuota(storeName: string): void {
  for (const method of ['put', 'add'] as const) {
    const original = IDBObjectStore.prototype[method];
    vi.spyOn(IDBObjectStore.prototype, method).mockImplementation(function (this: IDBObjectStore, ...args: [unknown, IDBValidKey?]) {
      const request = original.apply(this, args);
      if (this.name === storeName) {
        const tx = this.transaction as unknown as { _abort?: (name: string) => void };
        if (typeof tx._abort !== 'function') throw new Error('fake-indexeddb changed: no FDBTransaction._abort to simulate quota');
        tx._abort('QuotaExceededError');
      }
      return request;
    });
  }
}

/** Every record of every store, to compare whole-database states. */
export async function dump(db: LabDb): Promise<Record<string, unknown[]>> {
  const out: Record<string, unknown[]> = {};
  for (const store of ['datasets', 'datasetBodies', 'runs', 'generations', 'results'] as const) out[store] = await db.getAll(store);
  return out;
}
