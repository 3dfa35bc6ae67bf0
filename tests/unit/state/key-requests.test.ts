// A run's start that waits for its API key: it goes on for every run of the endpoint once the key is given, and
// "not now" (or an abort) ends it before any request, with the stored run exactly as it was.
import { idbRunStore } from '../../../src/storage/idb-run-store';
import 'fake-indexeddb/auto';
import { describe, expect, it } from 'vitest';
import type { GenerateRequest } from '../../../src/llm/types';
import { DEMO_CHOICE, RunDatasets } from '../../../src/run/run-datasets';
import { RunLauncher } from '../../../src/run/run-launcher';
import { RunDeferredError, RunStop } from '../../../src/run/run-stop';
import { displayStatus } from '../../../src/state/run-display-status';
import { KeyRequests, keyEndpoint } from '../../../src/state/key-requests';
import { openLabDb } from '../../../src/storage/open-db';
import { createRun, getRun, updateRunStatus } from '../../../src/storage/runs-repo';
import { DEMO_TEXT, demoDataset, oracleGenerator, passingPool, runInput, verifier } from '../run/run-fixtures';

const settled = (p: Promise<unknown>) => p.then(() => 'resolved', (e: unknown) => e);

describe('KeyRequests', () => {
  it('lets every run waiting for an endpoint go once its key is given, and no other', async () => {
    const requests = new KeyRequests();
    const a = requests.wait('a', 'http://api/v1');
    const b = requests.wait('b', 'http://api/v1');
    const c = requests.wait('c', 'http://other/v1');
    expect([requests.has('a'), requests.has('c')]).toEqual([true, true]);
    requests.given('http://api/v1');
    expect(await settled(a)).toBe('resolved');
    expect(await settled(b)).toBe('resolved');
    expect([requests.has('a'), requests.has('b'), requests.has('c')]).toEqual([false, false, true]);
    requests.putOff('c');
    expect(await settled(c)).toBeInstanceOf(RunDeferredError);
    expect(requests.has('c')).toBe(false);
  });

  it('ends with the abort reason when the run is stopped while it waits', async () => {
    const requests = new KeyRequests();
    const controller = new AbortController();
    const waiting = requests.wait('a', 'x', controller.signal);
    controller.abort(new RunStop('cancel'));
    expect(await settled(waiting)).toBeInstanceOf(RunStop);
    expect(requests.has('a')).toBe(false);
    await expect(requests.wait('b', 'x', controller.signal)).rejects.toBeInstanceOf(RunStop);
  });

  it('asks only for generators that send a key', () => {
    expect(keyEndpoint(verifier())).toBe('http://127.0.0.1:9/v1');
    expect(keyEndpoint(verifier({ backend: 'webllm', baseUrl: null }))).toBeNull();
    expect(keyEndpoint(verifier({ backend: 'file', baseUrl: null }))).toBeNull();
  });

  it('labels a run left running whose start was put off as needing its key', () => {
    expect(displayStatus('running', 'needs-key')).toBe('needs-key');
    expect(displayStatus('running', undefined, true)).toBe('needs-key');
    expect(displayStatus('paused', undefined, true)).toBe('paused');
  });
});

describe('a run left running by a reload, whose key this tab does not know', () => {
  async function setup() {
    const db = await openLabDb({ factory: new IDBFactory() });
    const datasets = new RunDatasets(db, async () => DEMO_TEXT);
    const dataset = demoDataset();
    const meta = await datasets.resolve(DEMO_CHOICE);
    const run = await createRun(db, runInput(dataset, meta.id, { problemIds: ['Demo/0', 'Demo/1'] }));
    await updateRunStatus(db, run.id, 'running');
    const requests = new KeyRequests();
    const sent: GenerateRequest[] = [];
    let pools = 0;
    const launcher = new RunLauncher({
      store: idbRunStore(db),
      pool: async () => (pools++, passingPool()),
      dataset: (r) => datasets.forRun(r),
      generator: async (r, signal) => {
        await requests.wait(r.id, keyEndpoint(r.verifier)!, signal);
        return oracleGenerator(dataset, 0, sent);
      },
    });
    const before = (await getRun(db, run.id))!;
    return { db, run, requests, launcher, sent, before, pools: () => pools };
  }

  it('resumes once the key is given', async () => {
    const { run, requests, launcher, sent } = await setup();
    const handle = launcher.start(run.id);
    await expect.poll(() => requests.has(run.id)).toBe(true);
    requests.given('http://127.0.0.1:9/v1');
    expect((await handle.done).status).toBe('done');
    expect(sent.length).toBeGreaterThan(0);
  });

  it('is left exactly as it was when the start is put off: no request, no engine, not failed', async () => {
    const { db, run, requests, launcher, sent, before, pools } = await setup();
    const handle = launcher.start(run.id);
    await expect.poll(() => requests.has(run.id)).toBe(true);
    requests.putOff(run.id);
    expect(await handle.done).toEqual({ status: 'running', run: before, error: null });
    expect(await getRun(db, run.id)).toEqual(before);
    expect([sent.length, pools()]).toEqual([0, 0]);
    expect(launcher.handle(run.id)).toBeUndefined();
  });

  it('is not marked failed when it is stopped on purpose while it waits', async () => {
    const { db, run, requests, launcher, before } = await setup();
    const handle = launcher.start(run.id);
    await expect.poll(() => requests.has(run.id)).toBe(true);
    handle.cancel();
    await expect(handle.done).rejects.toBeInstanceOf(RunStop);
    expect(await getRun(db, run.id)).toEqual(before);
  });
});
