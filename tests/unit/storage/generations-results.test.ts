// Incremental records and resume: finished slots, retries that overwrite, per-problem progress, no orphans after delete.
import { afterEach, describe, expect, it, vi } from 'vitest';
import { generationSlot, problemProgress, resultSlot } from '../../../src/core/run/run-progress';
import {
  countGenerations,
  finishedGenerations,
  loadGenerations,
  loadProblemGenerations,
  putGeneration,
  putGenerations,
} from '../../../src/storage/generations-repo';
import { finishedResults, loadResults, putResult, putResults } from '../../../src/storage/results-repo';
import { createRun, deleteRun } from '../../../src/storage/runs-repo';
import { RunNotFoundError, StorageQuotaError } from '../../../src/storage/storage-errors';
import { freshDb, generation, result, runInput, simulateQuota } from './helpers';

afterEach(() => vi.restoreAllMocks());

describe('generations', () => {
  it('loads a run in key order and tells finished slots from failed ones', async () => {
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
    expect(await loadProblemGenerations(db, 'r', 'Demo/0')).toHaveLength(2);
    expect(await countGenerations(db, 'r')).toBe(3);
    expect(await finishedGenerations(db, 'r')).toEqual(new Set([generationSlot('Demo/0', 0, 0), generationSlot('Demo/1', 0, 0)]));
    // The retry of the failed request replaces its record.
    await putGeneration(db, generation('r', 'Demo/0', 1));
    expect(await countGenerations(db, 'r')).toBe(3);
    expect((await finishedGenerations(db, 'r')).has(generationSlot('Demo/0', 0, 1))).toBe(true);
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
    expect(await countGenerations(db, 'r')).toBe(0);
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
  it('records executed candidates and reports them as finished slots, from keys alone', async () => {
    const db = await freshDb();
    await createRun(db, runInput(), { id: 'r' });
    await createRun(db, runInput(), { id: 'other' });
    await putResults(db, [result('r', 'Demo/0', 2, ['pass', 'timeout', 'crash']), result('r', 'Demo/0', 1), result('other', 'Demo/0', 3)]);
    const loaded = await loadResults(db, 'r');
    expect(loaded.map((r) => r.rank)).toEqual([1, 2]);
    expect(loaded[1]).toEqual(result('r', 'Demo/0', 2, ['pass', 'timeout', 'crash']));
    expect(await finishedResults(db, 'r')).toEqual(new Set([resultSlot('Demo/0', 1), resultSlot('Demo/0', 2)]));
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

describe('resume', () => {
  it('derives each problem\'s progress from what is stored', async () => {
    const db = await freshDb();
    await createRun(db, runInput(), { id: 'r' });
    await putGenerations(db, [generation('r', 'Demo/0', 0), generation('r', 'Demo/0', 1), generation('r', 'Demo/1', 0)]);
    await putResults(db, [result('r', 'Demo/0', 1), result('r', 'Demo/0', 2)]);
    const gens = await finishedGenerations(db, 'r');
    const res = await finishedResults(db, 'r');
    const ranks = [1, 2, 3];
    expect(problemProgress('Demo/0', ranks, 2, gens, res).phase).toBe('executing');
    expect(problemProgress('Demo/1', ranks, 2, gens, res)).toEqual({
      taskId: 'Demo/1', phase: 'generating', generationsDone: 1, generationsTotal: 2, candidatesDone: 0, candidatesTotal: 3,
    });
    expect(problemProgress('Demo/2', ranks, 2, gens, res).phase).toBe('pending');
    await putResult(db, result('r', 'Demo/0', 3));
    expect(problemProgress('Demo/0', ranks, 2, gens, await finishedResults(db, 'r')).phase).toBe('done');
    // instruction+solution: one prompt per candidate.
    expect(problemProgress('Demo/0', ranks, 2, gens, res, ranks)).toMatchObject({ generationsDone: 0, generationsTotal: 6, phase: 'generating' });
  });
});
