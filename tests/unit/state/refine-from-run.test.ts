// "Refine…" from a run's problem shows the run's dataset first: nothing when it is already shown, the demo for a run
// on the demo's stored copy, the stored dataset otherwise; and the Refine page's address for the program.
import { describe, expect, it } from 'vitest';
import type { DatasetMeta } from '../../../src/core/dataset/dataset-records';
import type { Run } from '../../../src/core/run/run-types';
import { refineHref, showRunDataset } from '../../../src/state/refine-from-run';
import type { DatasetChoice } from '../../../src/state/dataset-store.svelte';

const demoMeta = { id: 'd'.repeat(64), name: 'Demo-R', source: { kind: 'bundled', fileName: 'Demo-R.jsonl' } } as DatasetMeta;
const storedMeta = { id: 's'.repeat(64), name: 'HE-R', source: { kind: 'file', fileName: 'HE-R.jsonl' } } as DatasetMeta;

function setup(choice: DatasetChoice, meta: DatasetMeta) {
  const calls: string[] = [];
  const datasets = {
    choice,
    openDemo: async () => void calls.push('demo'),
    openStored: async (m: DatasetMeta) => void calls.push(`stored ${m.name}`),
  };
  const runs = { datasets: async () => ({ resolve: async (id: string) => (id === meta.id ? meta : Promise.reject(new Error(`no ${id}`))) }) } as never;
  return { calls, go: () => showRunDataset(datasets, runs, { datasetId: meta.id } as Run) };
}

describe('showRunDataset', () => {
  it('leaves the dataset shown when it is the run’s', async () => {
    for (const [choice, meta] of [[{ kind: 'demo' }, demoMeta], [{ kind: 'stored', id: storedMeta.id, name: 'HE-R' }, storedMeta]] as const) {
      const { calls, go } = setup(choice, meta);
      await go();
      expect(calls).toEqual([]);
    }
  });

  it('opens the demo, or the run’s stored dataset, when another one is shown', async () => {
    const a = setup({ kind: 'stored', id: storedMeta.id, name: 'HE-R' }, demoMeta);
    await a.go();
    expect(a.calls).toEqual(['demo']);
    const b = setup({ kind: 'demo' }, storedMeta);
    await b.go();
    expect(b.calls).toEqual(['stored HE-R']);
    const c = setup({ kind: 'stored', id: 'o'.repeat(64), name: 'Other' }, storedMeta);
    await c.go();
    expect(c.calls).toEqual(['stored HE-R']);
  });

  it('gives the Refine page’s address of a program', () => {
    expect(refineHref('HumanEval/3', 2)).toBe('#/refine/HumanEval%2F3/2');
  });
});
