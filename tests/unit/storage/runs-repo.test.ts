// Runs: create (nothing secret stored), list newest first with metrics, lifecycle checks, cascading delete, duplicate.
import { afterEach, describe, expect, it, vi } from 'vitest';
import { RunStatusError } from '../../../src/core/run/run-status';
import { emptyProgress } from '../../../src/core/run/run-types';
import { putGeneration, loadGenerations } from '../../../src/storage/generations-repo';
import { loadResults, putResult } from '../../../src/storage/results-repo';
import { duplicateRun } from '../../../src/storage/run-duplicate';
import { createRun, deleteRun, getRun, listRuns, setRunMetrics, updateRunProgress, updateRunStatus } from '../../../src/storage/runs-repo';
import { RunNotFoundError, StorageQuotaError } from '../../../src/storage/storage-errors';
import { freshDb, generation, result, runInput, verifierConfig } from './helpers';

afterEach(() => vi.restoreAllMocks());

const metrics = { DEMO: { top1: 0.5, bottom1: 0.25, spearman: 0.4, kendall: 0.3, mae: 0.21, r2: -0.1, problems: 3, solutions: 12 } };

describe('createRun', () => {
  it('stores a draft with empty counters and never an API key, even one riding along on the config', async () => {
    const db = await freshDb();
    const verifier = { ...verifierConfig(), apiKey: 'sk-secret-123' };
    const run = await createRun(db, runInput({ verifier }), { id: 'r1', now: 100 });
    expect(run).toMatchObject({ id: 'r1', status: 'draft', createdAt: 100, updatedAt: 100, error: null, metrics: null });
    expect(run.progress).toEqual(emptyProgress(3));
    const stored = await db.get('runs', 'r1');
    expect(stored).toEqual(run);
    expect(JSON.stringify(stored)).not.toContain('sk-secret');
    expect(Object.keys(stored!.verifier)).not.toContain('apiKey');
  });

  it('rejects an invalid config with the path of the bad field', async () => {
    const db = await freshDb();
    const bad = runInput({ verifier: verifierConfig({ sampling: { temperature: 1, topP: 2, maxTokens: 10, seed: null } }) });
    await expect(createRun(db, bad)).rejects.toThrow('run.verifier.sampling.topP: expected a number in [0, 1], got 2');
    expect(await db.count('runs')).toBe(0);
  });

  it('turns a quota failure into StorageQuotaError (a store whose put throws)', async () => {
    const db = await freshDb();
    vi.spyOn(IDBObjectStore.prototype, 'add').mockImplementation(() => {
      throw new DOMException('The quota has been exceeded.', 'QuotaExceededError');
    });
    await expect(createRun(db, runInput())).rejects.toThrow(StorageQuotaError);
    vi.restoreAllMocks();
    expect(await db.count('runs')).toBe(0);
  });
});

describe('listing and updates', () => {
  it('lists newest first, with the headline metrics', async () => {
    const db = await freshDb();
    await createRun(db, runInput({ name: 'old' }), { id: 'a', now: 1 });
    await createRun(db, runInput({ name: 'new' }), { id: 'b', now: 2 });
    await setRunMetrics(db, 'a', metrics, 3);
    const runs = await listRuns(db);
    expect(runs.map((r) => r.name)).toEqual(['new', 'old']);
    expect(runs[1]!.metrics).toEqual(metrics);
    expect(runs[1]!.updatedAt).toBe(3);
  });

  it('follows the lifecycle and refuses illegal moves', async () => {
    const db = await freshDb();
    await createRun(db, runInput(), { id: 'r' });
    await updateRunStatus(db, 'r', 'running');
    await updateRunStatus(db, 'r', 'paused');
    await updateRunStatus(db, 'r', 'running');
    const failed = await updateRunStatus(db, 'r', 'failed', { error: 'engine crashed' });
    expect(failed).toMatchObject({ status: 'failed', error: 'engine crashed' });
    expect(await updateRunStatus(db, 'r', 'running')).toMatchObject({ status: 'running', error: null });
    await updateRunStatus(db, 'r', 'cancelled');
    await expect(updateRunStatus(db, 'r', 'running')).rejects.toThrow(new RunStatusError('cancelled', 'running'));
    await expect(updateRunStatus(db, 'r', 'running')).rejects.toThrow('a cancelled run cannot become running (allowed: none, it is final)');
    expect((await getRun(db, 'r'))!.status).toBe('cancelled');
  });

  it('updates progress and names, and says which run is missing', async () => {
    const db = await freshDb();
    await createRun(db, runInput(), { id: 'r' });
    const progress = { ...emptyProgress(3), problemsDone: 1, generationsDone: 2, promptTokens: 640 };
    await updateRunProgress(db, 'r', progress);
    expect(await getRun(db, 'r')).toMatchObject({ progress });
    await expect(updateRunProgress(db, 'nope', progress)).rejects.toThrow(RunNotFoundError);
    await expect(updateRunProgress(db, 'r', { ...progress, problemsDone: -1 })).rejects.toThrow('run.progress.problemsDone');
  });
});

describe('deleteRun', () => {
  it('removes the run with its generations and results, and nothing of other runs', async () => {
    const db = await freshDb();
    for (const id of ['a', 'b']) {
      await createRun(db, runInput(), { id });
      await putGeneration(db, generation(id, 'Demo/0', 0));
      await putResult(db, result(id, 'Demo/0', 1));
    }
    await deleteRun(db, 'a');
    expect(await getRun(db, 'a')).toBeUndefined();
    expect(await loadGenerations(db, 'a')).toEqual([]);
    expect(await loadResults(db, 'a')).toEqual([]);
    expect(await loadGenerations(db, 'b')).toHaveLength(1);
    expect(await loadResults(db, 'b')).toHaveLength(1);
  });
});

describe('duplicateRun', () => {
  it('reuses finished generations of kept problems when only execution changes', async () => {
    const db = await freshDb();
    await createRun(db, runInput(), { id: 'src' });
    await putGeneration(db, generation('src', 'Demo/0', 0));
    await putGeneration(db, generation('src', 'Demo/0', 1, { error: 'HTTP 429', rawResponse: '', tests: [], usage: null }));
    await putGeneration(db, generation('src', 'Demo/1', 0));
    await putGeneration(db, generation('src', 'Demo/2', 0));
    await putResult(db, result('src', 'Demo/0', 1));
    await updateRunStatus(db, 'src', 'running');
    const { run, reusedGenerations } = await duplicateRun(
      db,
      'src',
      { execution: { comparison: 'evalplus' }, problemIds: ['Demo/0', 'Demo/1'] },
      { id: 'copy', now: 50 },
    );
    expect(reusedGenerations).toBe(2);
    expect(run).toMatchObject({ id: 'copy', name: 'Qwen on Demo (copy)', status: 'draft', createdAt: 50, problemIds: ['Demo/0', 'Demo/1'] });
    expect(run.execution.comparison).toBe('evalplus');
    expect(run.progress).toMatchObject({ problemsTotal: 2, generationsDone: 2, testsGenerated: 4, malformedTests: 2, promptTokens: 642 });
    const copied = await loadGenerations(db, 'copy');
    expect(copied).toEqual([generation('copy', 'Demo/0', 0), generation('copy', 'Demo/1', 0)]);
    expect(await loadResults(db, 'copy')).toEqual([]);
    expect(await getRun(db, 'copy')).toEqual(run);
  });

  it('on another dataset, reuses the tests written from the problem alone, not those written for a shown candidate', async () => {
    const db = await freshDb();
    await createRun(db, runInput(), { id: 'src' });
    await putGeneration(db, generation('src', 'Demo/0', 0));
    await putGeneration(db, generation('src', 'Demo/1', 0, { shownRank: 2 }));
    const target = { id: 'b'.repeat(64), sha256: 'b'.repeat(64), name: 'Other', split: 'DEMO' as const };
    const { run, reusedGenerations } = await duplicateRun(db, 'src', { dataset: target, problemIds: ['Demo/0', 'Demo/1'] }, { id: 'copy' });
    expect(run).toMatchObject({ datasetId: target.id, datasetSha256: target.sha256, datasetName: 'Other', split: 'DEMO', problemIds: ['Demo/0', 'Demo/1'] });
    expect(reusedGenerations).toBe(1);
    expect((await loadGenerations(db, 'copy')).map((g) => g.taskId)).toEqual(['Demo/0']);
  });

  it('a copy on the companion split that takes over every test records its source (testsFrom); a partial one does not', async () => {
    const db = await freshDb();
    const ids = ['HumanEval/0', 'HumanEval/1'];
    await createRun(db, runInput({ split: 'HE_base', datasetName: 'HE-R', problemIds: ids, verifier: verifierConfig({ samplesPerProblem: 1 }) }), { id: 'src' });
    await putGeneration(db, generation('src', 'HumanEval/0', 0));
    const plus = { id: 'c'.repeat(64), sha256: 'c'.repeat(64), name: 'HE-R+', split: 'HE_plus' as const };
    const partial = await duplicateRun(db, 'src', { dataset: plus }, { id: 'partial' });
    expect(partial.reusedGenerations).toBe(1);
    expect(partial.run.testsFrom).toBeUndefined();
    await putGeneration(db, generation('src', 'HumanEval/1', 0));
    const whole = await duplicateRun(db, 'src', { dataset: plus }, { id: 'whole' });
    expect(whole.run.testsFrom).toBe('src');
    expect((await getRun(db, 'whole'))?.testsFrom).toBe('src');
    // Not across benchmarks, nor onto the same split.
    const mbpp = { ...plus, id: 'd'.repeat(64), sha256: 'd'.repeat(64), name: 'MBPP-R', split: 'MBPP_base' as const };
    expect((await duplicateRun(db, 'src', { dataset: mbpp }, { id: 'mbpp' })).run.testsFrom).toBeUndefined();
    expect((await duplicateRun(db, 'src', {}, { id: 'same' })).run.testsFrom).toBeUndefined();
  });

  it('starts from scratch when the verifier changes', async () => {
    const db = await freshDb();
    await createRun(db, runInput(), { id: 'src' });
    await putGeneration(db, generation('src', 'Demo/0', 0));
    const { run, reusedGenerations } = await duplicateRun(db, 'src', { name: 'N=20', verifier: { testsPerProblem: 20 } });
    expect(reusedGenerations).toBe(0);
    expect(run.verifier.testsPerProblem).toBe(20);
    expect(run.progress).toEqual(emptyProgress(3));
    expect(await loadGenerations(db, run.id)).toEqual([]);
    await expect(duplicateRun(db, 'missing', {})).rejects.toThrow(RunNotFoundError);
  });
});
