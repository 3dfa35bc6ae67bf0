// Incremental records: key order, retries that overwrite, validation, quota, no orphans after delete.
import { afterEach, describe, expect, it, vi } from 'vitest';
import { loadGenerations, loadProblemGenerations, putGeneration, putGenerations } from '../../../src/storage/generations-repo';
import { loadResults, putResult, putResults } from '../../../src/storage/results-repo';
import { createRun, deleteRun } from '../../../src/storage/runs-repo';
import { RunNotFoundError, StorageQuotaError } from '../../../src/storage/storage-errors';
import { freshDb, generation, result, runInput, simulateQuota } from './helpers';

afterEach(() => vi.restoreAllMocks());

describe('generations', () => {
  it('loads a run in key order; a retry of a failed request replaces its record', async () => {
    const db = await freshDb();
    await createRun(db, runInput(), { id: 'r' });
    await putGeneration(db, generation('r', 'Demo/1', 0));
    await putGeneration(db, generation('r', 'Demo/0', 1, { error: 'network error', rawResponse: '', tests: [] }));
    await putGeneration(db, generation('r', 'Demo/0', 0));
    expect((await loadGenerations(db, 'r')).map((g) => [g.taskId, g.sampleIndex])).toEqual([
      ['Demo/0', 0],
      ['Demo/0', 1],
      ['Demo/1', 0],
    ]);
    expect((await loadProblemGenerations(db, 'r', 'Demo/0')).map((g) => g.error)).toEqual([null, 'network error']);
    await putGeneration(db, generation('r', 'Demo/0', 1));
    expect((await loadGenerations(db, 'r')).map((g) => g.error)).toEqual([null, null, null]);
  });

  it('keys instruction+solution generations by the candidate shown', async () => {
    const db = await freshDb();
    await createRun(db, runInput(), { id: 'r' });
    await putGenerations(db, [generation('r', 'Demo/0', 0, { shownRank: 2 }), generation('r', 'Demo/0', 0, { shownRank: 1 })]);
    expect((await loadGenerations(db, 'r')).map((g) => g.shownRank)).toEqual([1, 2]);
  });

  it('validates records with the path of the bad field, storing nothing of the batch', async () => {
    const db = await freshDb();
    await createRun(db, runInput(), { id: 'r' });
    const bad = generation('r', 'Demo/0', 1, { malformedCount: -1 });
    await expect(putGenerations(db, [generation('r', 'Demo/0', 0), bad])).rejects.toThrow('generation.malformedCount: expected an integer >= 0, got -1');
    expect(await loadGenerations(db, 'r')).toEqual([]);
  });

  it('refuses writes for a deleted run, so a late write leaves no orphan', async () => {
    const db = await freshDb();
    await createRun(db, runInput(), { id: 'r' });
    await deleteRun(db, 'r');
    await expect(putGeneration(db, generation('r', 'Demo/0', 0))).rejects.toThrow(new RunNotFoundError('r'));
    await expect(putResult(db, result('r', 'Demo/0', 1))).rejects.toThrow(RunNotFoundError);
    expect(await db.count('generations')).toBe(0);
    expect(await db.count('results')).toBe(0);
  });
});

describe('results', () => {
  it('records executed candidates, each run apart', async () => {
    const db = await freshDb();
    await createRun(db, runInput(), { id: 'r' });
    await createRun(db, runInput(), { id: 'other' });
    await putResults(db, [result('r', 'Demo/0', 2, ['pass', 'timeout', 'crash']), result('r', 'Demo/0', 1), result('other', 'Demo/0', 3)]);
    const loaded = await loadResults(db, 'r');
    expect(loaded.map((r) => r.rank)).toEqual([1, 2]);
    expect(loaded[1]).toEqual(result('r', 'Demo/0', 2, ['pass', 'timeout', 'crash']));
  });

  it('refuses counts that disagree with the per-test results', async () => {
    const db = await freshDb();
    await createRun(db, runInput(), { id: 'r' });
    await expect(putResult(db, { ...result('r', 'Demo/0', 1), passed: 2 })).rejects.toThrow('result.passed: is 2 but tests has 1 passes');
  });

  it('stores nothing of a batch that runs out of quota', async () => {
    const db = await freshDb();
    await createRun(db, runInput(), { id: 'r' });
    simulateQuota('results');
    await expect(putResults(db, [result('r', 'Demo/0', 1), result('r', 'Demo/0', 2)])).rejects.toThrow(StorageQuotaError);
    vi.restoreAllMocks();
    expect(await db.count('results')).toBe(0);
  });
});
