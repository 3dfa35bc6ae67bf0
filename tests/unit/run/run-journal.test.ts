// The CLI's run store: a run file that grows as records finish. Its reader tolerates what a killed process
// leaves (records past the manifest's counts, a cut-off last line, a retried request) and nothing else; the
// memory store behind it checks the lifecycle as IndexedDB's does.
import { describe, expect, it } from 'vitest';
import { MemoryRunStore } from '../../../src/core/run/memory-run-store';
import { formatRunFile, parseRunFile, parseRunJournal } from '../../../src/core/run/run-file';
import { RunNotFoundError } from '../../../src/core/run/run-store';
import { draftRun } from '../../../src/core/run/run-types';
import { generation, result, runInput } from '../storage/helpers';

const run = draftRun(runInput(), 'run-1', 1000);
const info = { appVersion: 't', exportedAt: '2026-01-01T00:00:00.000Z' };
const line = (type: string, record: object) => `${JSON.stringify({ type, ...record })}\n`;

describe('parseRunJournal', () => {
  const base = formatRunFile(run, [], [], info);
  const failed = generation('run-1', 'Demo/0', 0, { error: 'timeout: no answer', tests: [] });
  const retried = generation('run-1', 'Demo/0', 0);
  const grown = base + line('generation', failed) + line('generation', retried) + line('result', result('run-1', 'Demo/0', 1));

  it('reads records appended after the manifest, a retried request replacing the failed one', () => {
    const journal = parseRunJournal(grown);
    expect(journal.generations).toEqual([retried]);
    expect(journal.results).toHaveLength(1);
    expect(() => parseRunFile(grown)).toThrow(/duplicate record/);
  });

  it('drops a last line cut off mid-write, but not a bad line anywhere else', () => {
    const cut = grown + line('result', result('run-1', 'Demo/0', 2)).slice(0, 40);
    expect(parseRunJournal(cut).results).toHaveLength(1);
    const broken = base + '{"type":\n' + line('result', result('run-1', 'Demo/0', 1));
    expect(() => parseRunJournal(broken)).toThrow(/line 2: not valid JSON/);
    expect(() => parseRunJournal(base + line('result', result('other-run', 'Demo/0', 1)))).toThrow(/runId/);
  });
});

describe('MemoryRunStore', () => {
  it('keeps records and checks status changes; a persisting listener hears each change before it counts', async () => {
    const heard: string[] = [];
    const store = new MemoryRunStore({ record: (kind) => void heard.push(kind), run: (r, change) => void heard.push(`${change}:${r.status}`) });
    store.add(run);
    await store.putGeneration(generation('run-1', 'Demo/0', 0));
    await store.putResult(result('run-1', 'Demo/0', 1));
    await store.updateRunStatus('run-1', 'running');
    await expect(store.updateRunStatus('run-1', 'draft')).rejects.toThrow(/cannot become draft/);
    await store.updateRunStatus('run-1', 'failed', { error: 'boom' });
    expect((await store.getRun('run-1'))?.error).toBe('boom');
    expect(heard).toEqual(['generation', 'result', 'status:running', 'status:failed']);
    await expect(store.putResult(result('gone', 'Demo/0', 1))).rejects.toThrow(RunNotFoundError);
  });

  it('leaves its memory unchanged when the listener fails (a full disk)', async () => {
    const store = new MemoryRunStore({ record: () => Promise.reject(new Error('ENOSPC')) });
    store.add(run);
    await expect(store.putResult(result('run-1', 'Demo/0', 1))).rejects.toThrow('ENOSPC');
    expect(await store.loadResults('run-1')).toEqual([]);
  });
});
