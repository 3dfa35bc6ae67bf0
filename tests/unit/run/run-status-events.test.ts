// The status a tab shows for a run it executes: the orchestrator reports every stored status change (so the
// runs list is read again when the run becomes 'running', also on a resume), and the label prefers the live phase.
import { idbRunStore } from '../../../src/storage/idb-run-store';
import 'fake-indexeddb/auto';
import { beforeEach, describe, expect, it } from 'vitest';
import type { Run } from '../../../src/core/run/run-types';
import { DEMO_CHOICE, RunDatasets } from '../../../src/run/run-datasets';
import { RunLauncher, type LauncherDeps } from '../../../src/run/run-launcher';
import { displayStatus } from '../../../src/state/run-display-status';
import { openLabDb } from '../../../src/storage/open-db';
import { createRun, getRun, updateRunStatus } from '../../../src/storage/runs-repo';
import type { LabDb } from '../../../src/storage/schema';
import { DEMO_TEXT, demoDataset, oracleGenerator, passingPool, runInput } from './run-fixtures';

const dataset = demoDataset();
let db: LabDb;
let datasets: RunDatasets;
beforeEach(async () => {
  db = await openLabDb({ factory: new IDBFactory() });
  datasets = new RunDatasets(db, async () => DEMO_TEXT);
});

async function newRun(problems = 2): Promise<Run> {
  const meta = await datasets.resolve(DEMO_CHOICE);
  return createRun(db, runInput(dataset, meta.id, { problemIds: dataset.problems.slice(0, problems).map((p) => p.taskId) }));
}

function launcher(deps: Partial<LauncherDeps> = {}): RunLauncher {
  return new RunLauncher({ store: idbRunStore(db), pool: async () => passingPool(), dataset: (r) => datasets.forRun(r), generator: async () => oracleGenerator(dataset), ...deps });
}

/** Starts a run and records, in order, each reported status and whether a snapshot came before it. */
function watch(l: RunLauncher, runId: string) {
  const events: string[] = [];
  const stored: Run[] = [];
  const handle = l.start(runId, {
    onStatus: (run) => (events.push(`status:${run.status}`), stored.push(run)),
    onSnapshot: () => {
      if (events.at(-1) !== 'snapshot') events.push('snapshot');
    },
  });
  return { handle, events, stored };
}

describe('status changes reported while a run executes', () => {
  it('reports a draft run as stored running before any work, and its final status at the end', async () => {
    const run = await newRun();
    const { handle, events, stored } = watch(launcher(), run.id);
    expect((await handle.done).status).toBe('done');
    expect(events[0]).toBe('status:running');
    expect(events.filter((e) => e.startsWith('status:'))).toEqual(['status:running', 'status:done']);
    expect(stored[0]).toMatchObject({ id: run.id, status: 'running', error: null });
    expect(stored[1]).toEqual(await getRun(db, run.id));
  });

  it('reports a resumed failed run as running (not its old status) until it ends', async () => {
    const run = await newRun();
    await updateRunStatus(db, run.id, 'running');
    await updateRunStatus(db, run.id, 'failed', { error: 'HTTP 401' });
    const { handle, events, stored } = watch(launcher(), run.id);
    await handle.done;
    expect(events.filter((e) => e.startsWith('status:'))).toEqual(['status:running', 'status:done']);
    expect(stored[0]).toMatchObject({ status: 'running', error: null });
  });

  it('reports a run left running by a reload as running again, and paused when paused', async () => {
    const run = await newRun(4);
    await updateRunStatus(db, run.id, 'running');
    const l = launcher({ generator: async () => oracleGenerator(dataset, 50) });
    const { handle, events } = watch(l, run.id);
    await expect.poll(() => events.includes('status:running')).toBe(true);
    handle.pause();
    expect((await handle.done).status).toBe('paused');
    expect(events.filter((e) => e.startsWith('status:'))).toEqual(['status:running', 'status:paused']);
  });

  it('reports the failure of a run left running whose setup fails', async () => {
    const run = await newRun();
    await updateRunStatus(db, run.id, 'running');
    const { handle, stored } = watch(launcher({ generator: () => Promise.reject(new Error('no-adapter: no GPU')) }), run.id);
    await expect(handle.done).rejects.toThrow(/no GPU/);
    expect(stored.map((r) => [r.status, r.error])).toEqual([['failed', 'no-adapter: no GPU']]);
  });
});

describe('displayStatus', () => {
  it('shows what this tab does with a run it executes, else the stored status', () => {
    expect(displayStatus('draft', 'starting')).toBe('starting');
    expect(displayStatus('paused', 'running')).toBe('running');
    expect(displayStatus('running', 'stopping')).toBe('stopping');
    expect(displayStatus('failed', undefined)).toBe('failed');
    expect(displayStatus('running', undefined)).toBe('running');
  });
});
