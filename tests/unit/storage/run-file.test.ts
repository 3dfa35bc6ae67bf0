// Run files: lossless round trip through a fresh database, no API key ever, line+path errors, all-or-nothing import.
import { afterEach, describe, expect, it, vi } from 'vitest';
import { RunFileError, formatRunFile, parseRunFile } from '../../../src/core/run/run-file';
import type { Run } from '../../../src/core/run/run-types';
import { saveDataset } from '../../../src/storage/datasets-repo';
import { putGenerations } from '../../../src/storage/generations-repo';
import { putResults } from '../../../src/storage/results-repo';
import { exportRunFile, importRunFile } from '../../../src/storage/run-file-store';
import { createRun, setRunMetrics, updateRunProgress, updateRunStatus } from '../../../src/storage/runs-repo';
import { RunExistsError, StorageQuotaError } from '../../../src/storage/storage-errors';
import type { LabDb } from '../../../src/storage/schema';
import { demoDataset, dump, freshDb, generation, result, runInput, simulateQuota } from './helpers';

afterEach(() => vi.restoreAllMocks());

const info = { appVersion: '0.1.0', exportedAt: new Date('2025-06-01T12:00:00Z') };

/** A finished run with awkward content: unicode, a lone surrogate, float sums, -0 (stored as 0), a failed request, every test status. */
async function seedRun(db: LabDb): Promise<Run> {
  await createRun(db, runInput(), { id: 'run-1', now: 1_700_000_000_000 });
  await putGenerations(db, [
    generation('run-1', 'Demo/0', 0),
    generation('run-1', 'Demo/0', 1, { error: 'HTTP 500: upstream', rawResponse: '', tests: [], usage: null, finishReason: null, timings: { startedAt: 5, firstTokenMs: null, totalMs: 0 } }),
    generation('run-1', 'Demo/1', 0, { request: { ...generation('x', 'y', 0).request, sampling: { temperature: 0.7, topP: 0.95, maxTokens: 512, seed: null } } }),
  ]);
  await putResults(db, [
    result('run-1', 'Demo/0', 1, ['pass', 'pass', 'fail']),
    { ...result('run-1', 'Demo/0', 2, ['timeout', 'error', 'crash']), uncompilable: [1], compileError: 'SyntaxError: invalid syntax (line 3)' },
    result('run-1', 'Demo/1', 1, []),
  ]);
  await updateRunStatus(db, 'run-1', 'running', { now: 2 });
  await updateRunProgress(db, 'run-1', { ...(await db.get('runs', 'run-1'))!.progress, generationsDone: 2, promptTokens: 642 }, 3);
  await updateRunStatus(db, 'run-1', 'done', { now: 4 });
  return setRunMetrics(db, 'run-1', { DEMO: { top1: 1 / 3, bottom1: 0.5, spearman: 0.1 + 0.2, kendall: -0, mae: 1e-17, r2: -12.5, problems: 2, solutions: 3 } }, 5);
}

describe('run file round trip', () => {
  it('export -> import into a fresh database -> export gives the same file and the same records', async () => {
    const a = await freshDb();
    await seedRun(a);
    const first = await exportRunFile(a, 'run-1', info);
    const b = await freshDb();
    const imported = await importRunFile(b, first);
    expect(imported.datasetStored).toBe(false);
    expect(await exportRunFile(b, 'run-1', info)).toBe(first);
    expect(await dump(b)).toEqual(await dump(a));
  });

  it('writes a manifest with what it takes to reproduce the run', async () => {
    const db = await freshDb();
    await seedRun(db);
    const text = await exportRunFile(db, 'run-1', info);
    const lines = text.trimEnd().split('\n');
    expect(lines).toHaveLength(1 + 3 + 3);
    const manifest = JSON.parse(lines[0]!);
    expect(manifest).toMatchObject({
      type: 'manifest',
      format: 'verifier-lab-run',
      formatVersion: 1,
      appVersion: '0.1.0',
      exportedAt: '2025-06-01T12:00:00.000Z',
      counts: { generations: 3, results: 3 },
      run: {
        datasetSha256: 'a'.repeat(64),
        verifier: { model: 'qwen2.5-coder-7b', promptTemplate: runInput().verifier.promptTemplate, sampling: { temperature: 1, topP: 1, maxTokens: 2048, seed: 7 } },
        execution: { engineVersion: '0.1.0', pyodideVersion: '314.0.7' },
      },
    });
    expect(lines.slice(1).map((l) => JSON.parse(l).type)).toEqual(['generation', 'generation', 'generation', 'result', 'result', 'result']);
  });

  it('never writes an API key, even from a stored record or config object that carries one', async () => {
    const db = await freshDb();
    const run = await seedRun(db);
    const leaky = { ...run, apiKey: 'sk-top', verifier: { ...run.verifier, apiKey: 'sk-secret-123' } };
    await db.put('runs', leaky); // bypasses the repository, as a buggy caller might
    const text = await exportRunFile(db, 'run-1', info);
    expect(text).not.toContain('sk-');
    expect(text).not.toMatch(/apiKey/i);
    const direct = formatRunFile(leaky, [], [], { appVersion: 'x', exportedAt: 'y' });
    expect(direct).not.toContain('sk-');
    // And a file carrying one stores none.
    const fresh = await freshDb();
    const injected = text.replace('"promptTemplate":', '"apiKey":"sk-injected","promptTemplate":');
    expect(injected).toContain('sk-injected');
    await importRunFile(fresh, injected);
    expect(JSON.stringify(await dump(fresh))).not.toContain('sk-injected');
  });

  it('reports whether the dataset is stored here, by sha256', async () => {
    const db = await freshDb();
    const { text, dataset } = demoDataset();
    const meta = await saveDataset(db, { dataset, text, source: { kind: 'bundled', fileName: 'Demo-R.jsonl' } });
    const source = await freshDb();
    await createRun(source, runInput({ datasetId: meta.id, datasetSha256: meta.sha256 }), { id: 'r' });
    const imported = await importRunFile(db, await exportRunFile(source, 'r', info));
    expect(imported.datasetStored).toBe(true);
  });
});

describe('importRunFile', () => {
  it('refuses an id that is taken, leaving the stored run alone; asRunId imports a copy', async () => {
    const db = await freshDb();
    await seedRun(db);
    const text = await exportRunFile(db, 'run-1', info);
    const before = await dump(db);
    await expect(importRunFile(db, text)).rejects.toThrow(RunExistsError);
    expect(await dump(db)).toEqual(before);
    const copy = await importRunFile(db, text, { asRunId: 'run-2' });
    expect(copy.run.id).toBe('run-2');
    const again = await exportRunFile(db, 'run-2', info);
    expect(again).toBe(text.replaceAll('"run-1"', '"run-2"'));
  });

  it('stores nothing when the write runs out of quota midway', async () => {
    const a = await freshDb();
    await seedRun(a);
    const text = await exportRunFile(a, 'run-1', info);
    const b = await freshDb();
    simulateQuota('results');
    await expect(importRunFile(b, text)).rejects.toThrow(StorageQuotaError);
    vi.restoreAllMocks();
    expect(await dump(b)).toEqual({ datasets: [], datasetBodies: [], runs: [], generations: [], results: [] });
  });
});

describe('parseRunFile errors name the line and the field', async () => {
  const db = await freshDb();
  await seedRun(db);
  const good = await exportRunFile(db, 'run-1', info);
  const lines = good.trimEnd().split('\n');
  const edit = (index: number, change: (record: any) => void): string => {
    const copy = [...lines];
    const record = JSON.parse(copy[index]!);
    change(record);
    copy[index] = JSON.stringify(record);
    return copy.join('\n');
  };

  it.each([
    ['a line that is not JSON', [...lines.slice(0, 2), '{"type": "generation",', ...lines.slice(3)].join('\n'), /^line 3: not valid JSON \(/],
    ['another program\'s file', edit(0, (m) => (m.format = 'something-else')), 'line 1: format: expected "verifier-lab-run": not a Verifier Lab run file'],
    ['a newer format', edit(0, (m) => (m.formatVersion = 2)), 'line 1: formatVersion: format 2 comes from a newer Verifier Lab; this one reads up to 1'],
    ['a records line first', lines.slice(1).join('\n'), 'line 1: type: the first line must be the manifest ("type": "manifest")'],
    ['a bad seed', edit(0, (m) => (m.run.verifier.sampling.seed = 1.5)), 'line 1: run.verifier.sampling.seed: expected an integer or null, got 1.5'],
    ['a missing field', edit(0, (m) => delete m.run.execution.pyodideVersion), 'line 1: run.execution.pyodideVersion: missing'],
    ['a bad split', edit(0, (m) => (m.run.split = 'HE')), 'line 1: run.split: expected one of HE_base, HE_plus, MBPP_base, MBPP_plus, DEMO, got "HE"'],
    ['a non-string test', edit(1, (g) => (g.tests[1] = 5)), 'line 2: generation.tests[1]: expected a string, got 5'],
    ['a bad message role', edit(2, (g) => (g.request.messages[0].role = 'tool')), 'line 3: generation.request.messages[0].role: expected one of system, user, assistant, got "tool"'],
    ['an unknown status', edit(5, (r) => (r.tests[0].status = 'ok')), 'line 6: result.tests[0].status: expected one of pass, fail, timeout, error, crash, got "ok"'],
    ['an uncompilable index past the tests', edit(5, (r) => (r.uncompilable = [3])), 'line 6: result.uncompilable[0]: expected a test index in [0, 2], got 3'],
    ['an unknown line type', edit(4, (r) => (r.type = 'note')), 'line 5: type: expected one of generation, result, got "note"'],
    ['another run\'s record', edit(4, (r) => (r.runId = 'run-9')), 'line 5: result.runId: is "run-9", the manifest\'s run is "run-1"'],
    ['a pasted program\'s rank in a tests run', edit(4, (r) => (r.rank = 0)), 'line 5: result.rank: is 0 (a pasted program), which only refinement runs hold'],
    ['a problem outside the run', edit(1, (g) => (g.taskId = 'Demo/23')), 'line 2: generation.taskId: "Demo/23" is not one of the run\'s problems'],
    ['a duplicate record', [...lines, lines[4]].join('\n'), 'line 8: result: duplicate record: this key already appeared earlier in the file'],
    ['a truncated file', lines.slice(0, -2).join('\n') + '\n', 'line 6: the manifest lists 3 generations and 3 results, the file holds 3 and 1 (truncated?)'],
    ['an empty file', '\n\n', 'line 1: empty run file: expected a manifest line'],
  ])('%s', (_, text, message) => {
    let error: unknown;
    try {
      parseRunFile(text);
    } catch (e) {
      error = e;
    }
    expect(error).toBeInstanceOf(RunFileError);
    if (typeof message === 'string') expect((error as Error).message).toBe(message);
    else expect((error as Error).message).toMatch(message);
  });

  it('stores nothing from an invalid file', async () => {
    const fresh = await freshDb();
    await expect(importRunFile(fresh, edit(6, (r) => (r.passed = 99)))).rejects.toThrow('line 7: result.passed: is 99 but tests has 0 passes');
    expect(await fresh.count('runs')).toBe(0);
  });

  it('keeps the field path on the error object', () => {
    const error = (() => {
      try {
        parseRunFile(edit(1, (g) => (g.timings.totalMs = -3)));
      } catch (e) {
        return e as RunFileError;
      }
    })();
    expect(error).toMatchObject({ name: 'RunFileError', line: 2, path: 'generation.timings.totalMs' });
  });
});
