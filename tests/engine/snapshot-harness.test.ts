// A memory snapshot holds the harness compiled; a worker runs that code only when it was compiled from the
// worker's own harness sources, so a stale snapshot can never bring stale scoring logic.
import { describe, expect, it } from 'vitest';
import { nodeEngineSources, nodePyodideDir } from '../../src/engine/node-sources';
import type { ScoreValue } from '../../src/engine/harness-reply';
import { createEngineRuntime, type RuntimeReply } from '../../src/engine/runtime';
import { asserts } from './helpers';

const sources = nodeEngineSources();
// A harness whose assertion tests all fail: easy to tell from the real one by its results.
const stale = sources.harness.map((s, i) => (i === sources.harness.length - 1 ? `${s}\n\ndef _assert_bodies(cand, tests, paper):\n    return len(tests['asserts']), (lambda i: (lambda out, err: ('fail', 'stale harness'))), []\n` : s));
const request = asserts('def add(a, b):\n    return a + b\n', ['assert add(1, 2) == 3', 'assert add(2, 2) == 4']);
const statuses = (r: RuntimeReply<ScoreValue | null>) => (r.ok ? r.value?.tests.map((t) => t[0]) : r);

describe('harness code kept in a snapshot', () => {
  it('is used with the sources it came from and ignored with any other sources', async () => {
    const common = { indexURL: nodePyodideDir(), preloadSource: sources.preload, sandbox: false };
    const maker = await createEngineRuntime({ ...common, harnessSources: stale, makeSnapshot: true });
    expect(statuses(maker.score(request, null))).toEqual(['fail', 'fail']);
    const snapshot = maker.takeSnapshot();
    expect(snapshot).not.toBeNull();

    const sameSources = await createEngineRuntime({ ...common, harnessSources: stale, snapshot });
    expect(sameSources.info.snapshot).toBe('loaded');
    expect(statuses(sameSources.score(request, null))).toEqual(['fail', 'fail']);

    const current = await createEngineRuntime({ ...common, harnessSources: sources.harness, snapshot });
    expect(current.info.snapshot).toBe('loaded');
    expect(statuses(current.score(request, null))).toEqual(['pass', 'pass']);
  }, 120_000);
});
