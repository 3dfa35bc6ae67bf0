// The tab's one dataset library: the runs' datasets live on its connection, and a dataset deleted here or in
// another tab leaves no parsed copy behind and moves the change counter the views follow.
import 'fake-indexeddb/auto';
import { readFileSync } from 'node:fs';
import { beforeEach, describe, expect, it } from 'vitest';
import { parseDatasetText } from '../../../src/core/dataset/parse-dataset';
import { DatasetChanges } from '../../../src/state/dataset-changes';
import { DatasetLibrary } from '../../../src/state/datasets-library.svelte';
import { saveDataset } from '../../../src/storage/datasets-repo';

const DEMO_TEXT = readFileSync(new URL('../../../static-datasets/demo/Demo-R.jsonl', import.meta.url), 'utf8');

async function stored(library: DatasetLibrary) {
  const text = DEMO_TEXT.split('\n').slice(0, 3).join('\n');
  return saveDataset(await library.db(), { dataset: parseDatasetText(text, { name: 'Small', split: 'DEMO' }), text, source: { kind: 'file', fileName: 'Small.jsonl' } });
}

describe('DatasetLibrary', () => {
  beforeEach(() => {
    globalThis.indexedDB = new IDBFactory(); // a fresh database per test
  });

  it('gives runs their datasets on its own connection, once per tab', async () => {
    const library = new DatasetLibrary();
    expect(await library.runDatasets()).toBe(await library.runDatasets());
    const meta = await stored(library);
    const runs = await library.runDatasets();
    expect((await runs.load(meta.id)).problems).toHaveLength(3);
    expect((await runs.choices()).map((c) => c.name)).toContain('Small');
  });

  it('drops the parsed copy and counts a change when a dataset is removed', async () => {
    const library = new DatasetLibrary();
    const meta = await stored(library);
    const runs = await library.runDatasets();
    await runs.load(meta.id);
    const before = library.version;
    await library.remove(meta.id);
    expect(library.version).toBeGreaterThan(before);
    await expect(runs.load(meta.id)).rejects.toThrow(/no longer stored/);
  });

  it('hears deletions made in another tab', async () => {
    const library = new DatasetLibrary();
    const before = library.version;
    const otherTab = new DatasetChanges();
    otherTab.post({ kind: 'deleted', id: 'x'.repeat(64), name: 'Gone', split: 'DEMO' });
    await new Promise((r) => setTimeout(r, 50));
    otherTab.close();
    expect(library.version).toBe(before + 1);
  });
});
