// Stored datasets: honest meta, one transaction for meta + text (a failure or abort leaves nothing), list/get/load/delete.
import { createHash } from 'node:crypto';
import { readFileSync } from 'node:fs';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { deleteDataset, getDataset, listDatasets, loadDataset, loadDatasetText, saveDataset } from '../../../src/storage/datasets-repo';
import { createRun, getRun } from '../../../src/storage/runs-repo';
import { DatasetExistsError, StorageQuotaError } from '../../../src/storage/storage-errors';
import { demoDataset, dump, freshDb, runInput, simulateQuota } from './helpers';

afterEach(() => vi.restoreAllMocks());

const source = { kind: 'bundled', fileName: 'Demo-R.jsonl' } as const;

describe('saveDataset', () => {
  it('stores meta computed from the text and the dataset, keyed by the file sha256', async () => {
    const db = await freshDb();
    const { text, dataset } = demoDataset();
    const meta = await saveDataset(db, { dataset, text, source }, { now: 1234 });
    const fileBytes = readFileSync(new URL('../../../static-datasets/demo/Demo-R.jsonl', import.meta.url));
    const sha = createHash('sha256').update(fileBytes).digest('hex');
    expect(meta).toEqual({
      id: sha,
      name: 'Demo-R',
      split: 'DEMO',
      family: dataset.family,
      source,
      sha256: sha,
      bytes: fileBytes.byteLength,
      problemCount: 24,
      solutionCount: dataset.problems.reduce((n, p) => n + p.candidates.length, 0),
      addedAt: 1234,
    });
    expect(await getDataset(db, sha)).toEqual(meta);
    expect(await listDatasets(db)).toEqual([meta]);
    expect(await loadDatasetText(db, sha)).toBe(text);
    expect(await loadDataset(db, sha)).toEqual(dataset);
  });

  it('refuses the same text twice, naming the stored copy', async () => {
    const db = await freshDb();
    const { text, dataset } = demoDataset();
    await saveDataset(db, { dataset, text, source });
    const again = saveDataset(db, { dataset: { ...dataset, name: 'Demo again' }, text, source: { kind: 'file', fileName: 'x.jsonl' } });
    await expect(again).rejects.toBeInstanceOf(DatasetExistsError);
    await expect(again).rejects.toThrow(/already stored as "Demo-R"/);
    expect(await listDatasets(db)).toHaveLength(1);
  });

  it('reports a concurrent save of the same text as DatasetExistsError and stores one copy', async () => {
    const db = await freshDb();
    const { text, dataset } = demoDataset();
    const outcomes = await Promise.allSettled([saveDataset(db, { dataset, text, source }), saveDataset(db, { dataset, text, source })]);
    expect(outcomes.map((o) => o.status).sort()).toEqual(['fulfilled', 'rejected']);
    const rejected = outcomes.find((o) => o.status === 'rejected') as PromiseRejectedResult;
    expect(rejected.reason).toBeInstanceOf(DatasetExistsError);
    expect(await db.count('datasetBodies')).toBe(1);
  });

  it('leaves nothing when the body write runs out of quota after the meta write', async () => {
    const db = await freshDb();
    const { text, dataset } = demoDataset();
    simulateQuota('datasetBodies');
    const save = saveDataset(db, { dataset, text, source });
    await expect(save).rejects.toBeInstanceOf(StorageQuotaError);
    await expect(save).rejects.toThrow('Not enough browser storage to save the dataset "Demo-R"; nothing of it was stored.');
    vi.restoreAllMocks();
    expect(await dump(db)).toEqual({ datasets: [], datasetBodies: [], runs: [], generations: [], results: [] });
  });

  it('leaves nothing when aborted while hashing', async () => {
    const db = await freshDb();
    const { text, dataset } = demoDataset();
    const controller = new AbortController();
    const save = saveDataset(db, { dataset, text, source }, { signal: controller.signal });
    controller.abort(new DOMException('cancelled by the user', 'AbortError'));
    await expect(save).rejects.toThrow('cancelled by the user');
    expect(await db.count('datasets')).toBe(0);
    expect(await db.count('datasetBodies')).toBe(0);
  });
});

describe('listDatasets and deleteDataset', () => {
  it('lists oldest first without reading bodies, and deletes meta and body only', async () => {
    const db = await freshDb();
    const { text, dataset } = demoDataset();
    const second = await saveDataset(db, { dataset: { ...dataset, name: 'Demo-B' }, text: text + '\n', source }, { now: 20 });
    const first = await saveDataset(db, { dataset, text, source }, { now: 10 });
    expect((await listDatasets(db)).map((d) => d.name)).toEqual(['Demo-R', 'Demo-B']);
    const run = await createRun(db, runInput({ datasetId: first.id, datasetSha256: first.sha256 }));
    await deleteDataset(db, first.id);
    expect(await listDatasets(db)).toEqual([second]);
    expect(await loadDatasetText(db, first.id)).toBeUndefined();
    expect(await loadDataset(db, first.id)).toBeUndefined();
    expect(await getRun(db, run.id)).toEqual(run);
  });
});
