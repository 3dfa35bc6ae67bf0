// A whole run in Node: real Pyodide workers, fake-indexeddb, and the demo dataset. An interrupted (killed, then
// paused) run resumed to the end stores exactly what an uninterrupted run stores; the mock OpenAI server drives
// the instruction+solution variant over real HTTP, and a wrong key fails the run without losing finished work.
import { idbRunStore } from '../../src/storage/idb-run-store';
import 'fake-indexeddb/auto';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Dataset } from '../../src/core/dataset/types';
import type { CandidateRecord, GenerationRecord } from '../../src/core/run/run-records';
import { createNodePool } from '../../src/engine/node-pool';
import type { EnginePool } from '../../src/engine/pool-types';
import { createOpenAiCompatibleGenerator } from '../../src/llm/openai-compatible';
import { executeRun } from '../../src/run/orchestrator';
import { RunStop } from '../../src/run/run-stop';
import { loadGenerations } from '../../src/storage/generations-repo';
import { openLabDb } from '../../src/storage/open-db';
import { loadResults } from '../../src/storage/results-repo';
import { createRun, getRun } from '../../src/storage/runs-repo';
import type { LabDb } from '../../src/storage/schema';
import { startOpenAiMock, type OpenAiMock } from '../servers/openai-mock';
import { demoDataset, oracleGenerator, runInput, SILENT_TASKS, verifier } from '../unit/run/run-fixtures';

const SHA = 'd'.repeat(64);
let pool: EnginePool;
let dataset: Dataset;

beforeAll(async () => {
  pool = createNodePool({ size: 2 });
  await pool.ready();
  dataset = demoDataset();
});
afterAll(() => pool?.close());

const freshDb = (): Promise<LabDb> => openLabDb({ factory: new IDBFactory() });

/** Stored records without what legitimately differs between two runs (ids, clocks, durations). */
async function comparable(db: LabDb, runId: string) {
  const generations = (await loadGenerations(db, runId)).map(({ runId: _r, timings: _t, ...g }: GenerationRecord) => g);
  const results = (await loadResults(db, runId)).map(({ runId: _r, ms: _m, tests, ...r }: CandidateRecord) => ({
    ...r,
    tests: tests.map(({ ms: _ms, ...t }) => t),
  }));
  const run = await getRun(db, runId);
  return { generations, results, metrics: run!.metrics, progress: run!.progress };
}

describe('a run on the demo dataset', () => {
  let db: LabDb;
  let reference: Awaited<ReturnType<typeof comparable>>;

  beforeAll(async () => {
    db = await freshDb();
    const run = await createRun(db, runInput(dataset, SHA, { name: 'uninterrupted' }));
    const outcome = await executeRun({ store: idbRunStore(db), pool, dataset, generator: oracleGenerator(dataset) }, run.id);
    expect(outcome.status).toBe('done');
    reference = await comparable(db, run.id);
  });

  it('stores every generation and result, and metrics from them', () => {
    const problems = dataset.problems.length;
    const candidates = dataset.problems.reduce((n, p) => n + p.candidates.length, 0);
    expect(reference.generations).toHaveLength(problems * 2);
    expect(reference.results).toHaveLength(candidates);
    expect(reference.progress).toMatchObject({ problemsDone: problems, generationsDone: problems * 2, candidatesDone: candidates });
    expect(reference.progress.malformedTests).toBe((problems - SILENT_TASKS.size) * 2);
    const demo = reference.metrics!.DEMO!;
    expect(demo.problems).toBe(problems);
    expect(demo.solutions).toBe(candidates);
    // Ground-truth asserts as tests: the ranking is mostly right, not perfectly (a wrong test, a silent problem).
    expect(demo.spearman).toBeGreaterThan(0.5);
    expect(demo.top1).toBeGreaterThan(0.5);
  });

  it('gives every candidate of a problem without tests the zero-tests score', () => {
    for (const task of SILENT_TASKS) {
      const rows = reference.results.filter((r) => r.taskId === task);
      expect(rows.map((r) => [r.total, r.predicted])).toEqual(rows.map(() => [0, 0]));
    }
  });

  it('resumes after a kill and a pause to exactly the uninterrupted result', async () => {
    const run = await createRun(db, runInput(dataset, SHA, { name: 'interrupted' }));
    const env = { store: idbRunStore(db), pool, dataset, generator: oracleGenerator(dataset, 15) };

    // 1. A kill: the signal aborts with no pause/cancel reason, so the run stays 'running', as after a closed tab.
    const kill = new AbortController();
    let records = 0;
    const first = await executeRun({ ...env, onRecord: () => ++records === 25 && kill.abort(new Error('tab closed')) }, run.id, kill.signal);
    expect(first.status).toBe('running');
    const afterKill = (await loadResults(db, run.id)).length;
    expect(afterKill).toBeGreaterThan(0);
    expect(afterKill).toBeLessThan(reference.results.length);

    // 2. Resume, then pause part-way.
    const pause = new AbortController();
    records = 0;
    const second = await executeRun({ ...env, onRecord: () => ++records === 30 && pause.abort(new RunStop('pause')) }, run.id, pause.signal);
    expect(second.status).toBe('paused');
    const afterPause = (await loadResults(db, run.id)).length;
    expect(afterPause).toBeGreaterThan(afterKill);
    expect(afterPause).toBeLessThan(reference.results.length);

    // 3. Resume to the end: no finished request is asked again.
    const calls: unknown[] = [];
    const before = (await loadGenerations(db, run.id)).filter((g) => g.error === null).length;
    const third = await executeRun({ ...env, generator: oracleGenerator(dataset, 0, calls as never) }, run.id);
    expect(third.status).toBe('done');
    expect(calls).toHaveLength(reference.generations.length - before);
    expect(await comparable(db, run.id)).toEqual(reference);
  });

  it('cancels: the run becomes final and cannot be resumed', async () => {
    const run = await createRun(db, runInput(dataset, SHA, { name: 'cancelled', problemIds: ['Demo/0', 'Demo/1'] }));
    const stop = new AbortController();
    const outcome = await executeRun({ store: idbRunStore(db), pool, dataset, generator: oracleGenerator(dataset, 10), onRecord: () => stop.abort(new RunStop('cancel')) }, run.id, stop.signal);
    expect(outcome.status).toBe('cancelled');
    await expect(executeRun({ store: idbRunStore(db), pool, dataset, generator: oracleGenerator(dataset) }, run.id)).rejects.toThrow(/cancelled run cannot become running/);
  });
});

describe('a run against the mock OpenAI server', () => {
  const KEY = 'sk-run-test-0123456789';
  let mock: OpenAiMock;
  beforeAll(async () => {
    mock = await startOpenAiMock({ apiKey: KEY });
  });
  afterAll(() => mock?.close());

  const generator = (apiKey: string) =>
    createOpenAiCompatibleGenerator({ backend: 'openai-compatible', baseUrl: mock.url, model: 'mock-asserts', apiKey, retry: { maxAttempts: 1 } }, { pageOrigin: null });

  it('runs the instruction+solution variant: one request per candidate and sample, seeds per sample', async () => {
    mock.reset();
    const db = await freshDb();
    const problemIds = ['Demo/0', 'Demo/5'];
    const input = runInput(dataset, SHA, { problemIds, verifier: verifier({ variant: 'instruction+solution', model: 'mock-asserts', samplesPerProblem: 2, baseUrl: mock.url }) });
    const run = await createRun(db, input);
    const outcome = await executeRun({ store: idbRunStore(db), pool, dataset, generator: generator(KEY) }, run.id);
    expect(outcome.status).toBe('done');
    const candidates = problemIds.reduce((n, id) => n + dataset.problems.find((p) => p.taskId === id)!.candidates.length, 0);
    expect(mock.requests).toHaveLength(candidates * 2);
    expect(new Set(mock.requests.map((r) => (r.body as { seed: number }).seed))).toEqual(new Set([11, 12]));
    const generations = await loadGenerations(db, run.id);
    // Each prompt shows its candidate; the mock's tests call the function named in the problem's signature.
    for (const g of generations) {
      const code = dataset.problems.find((p) => p.taskId === g.taskId)!.candidates.find((c) => c.rank === g.shownRank)!.code;
      expect(g.request.messages.at(-1)!.content).toContain(code.trim());
      expect(g.tests.length).toBe(6);
    }
    expect(JSON.stringify(generations)).not.toContain(KEY);
    expect(outcome.run!.metrics!.DEMO!.problems).toBe(2);
  });

  it("uses the paper's scaled limits: the canonical solution times each candidate's own test set first", async () => {
    mock.reset();
    const db = await freshDb();
    const input = runInput(dataset, SHA, {
      problemIds: ['Demo/2'],
      verifier: verifier({ variant: 'instruction+solution', model: 'mock-asserts', samplesPerProblem: 1, baseUrl: mock.url }),
      execution: { comparison: 'paper', timeout: { kind: 'scaled', minMs: 100, factor: 4 }, budgetMs: 20_000, engineVersion: 't', pyodideVersion: 't' },
    });
    const run = await createRun(db, input);
    const scored: number[] = [];
    const counting: EnginePool = { ...pool, score: (req, opts) => (scored.push(Array.isArray(req.limitMs) ? 1 : 0), pool.score(req, opts)) };
    const outcome = await executeRun({ store: idbRunStore(db), pool: counting, dataset, generator: generator(KEY) }, run.id);
    expect(outcome.status).toBe('done');
    const ranks = dataset.problems.find((p) => p.taskId === 'Demo/2')!.candidates.length;
    // One timing run per test set other than rank 1's (whose own run is its timing), then every other candidate with per-test limits.
    expect(scored.filter((x) => x === 0)).toHaveLength(ranks);
    expect(scored.filter((x) => x === 1)).toHaveLength(ranks - 1);
    expect((await loadResults(db, run.id)).map((r) => r.rank)).toEqual(Array.from({ length: ranks }, (_, i) => i + 1));
  });

  it('fails on a wrong key with a clear error, keeps finished work, and resumes with the right key', async () => {
    mock.reset();
    const db = await freshDb();
    const run = await createRun(db, runInput(dataset, SHA, { problemIds: ['Demo/0', 'Demo/1'], verifier: verifier({ model: 'mock-asserts', baseUrl: mock.url }) }));
    const failed = await executeRun({ store: idbRunStore(db), pool, dataset, generator: generator('sk-wrong-key-000000') }, run.id);
    expect(failed.status).toBe('failed');
    expect(failed.error).toMatch(/auth/);
    expect(failed.error).not.toContain('sk-wrong-key-000000');
    const done = await executeRun({ store: idbRunStore(db), pool, dataset, generator: generator(KEY) }, run.id);
    expect(done.status).toBe('done');
    expect((await loadGenerations(db, run.id)).every((g) => g.error === null)).toBe(true);
  });
});
