// Making runs without the engine: dataset choices (the demo stored on first use), problem subsets, runs from a
// tests file (stored as finished generations, all or nothing), the launcher's guards, and the exports.
import { idbRunStore } from '../../../src/storage/idb-run-store';
import 'fake-indexeddb/auto';
import { beforeEach, describe, expect, it, vi } from 'vitest';
import { parseEvalFile } from '../../../src/core/run/eval-file-read';
import { NO_CANDIDATE, type CandidateRecord } from '../../../src/core/run/run-records';
import type { ScoreRequest } from '../../../src/core/run/types';
import { parseGeneratedTests } from '../../../src/llm/from-file';
import { createFileRun, fileCoverage, fileVerifier } from '../../../src/run/create-run';
import { selectProblems } from '../../../src/core/run/problem-subset';
import { evalFileExport, fileStem, runFileExport } from '../../../src/run/run-exports';
import { DEMO_CHOICE, RunDatasets } from '../../../src/run/run-datasets';
import { RunBusyError, RunLauncher } from '../../../src/run/run-launcher';
import { RunSetupError } from '../../../src/run/run-stop';
import { loadGenerations } from '../../../src/storage/generations-repo';
import { openLabDb } from '../../../src/storage/open-db';
import { putResults } from '../../../src/storage/results-repo';
import { importRunFile } from '../../../src/storage/run-file-store';
import { createRun, getRun, listRuns } from '../../../src/storage/runs-repo';
import type { LabDb } from '../../../src/storage/schema';
import { DEMO_TEXT, demoDataset, passingPool, runInput } from './run-fixtures';
import { simulateQuota } from '../storage/helpers';

const dataset = demoDataset();
let db: LabDb;
let datasets: RunDatasets;
beforeEach(async () => {
  vi.restoreAllMocks();
  db = await openLabDb({ factory: new IDBFactory() });
  datasets = new RunDatasets(db, async () => DEMO_TEXT);
});

describe('dataset choices', () => {
  it('offers the demo first, stores it once on first use and loads it by sha256', async () => {
    expect((await datasets.choices())[0]).toMatchObject({ id: DEMO_CHOICE, bundled: true });
    const meta = await datasets.resolve(DEMO_CHOICE);
    expect(meta.id).toMatch(/^[0-9a-f]{64}$/);
    expect(await datasets.resolve(DEMO_CHOICE)).toEqual(meta);
    const choices = await datasets.choices();
    expect(choices).toHaveLength(1);
    expect(choices[0]).toMatchObject({ id: meta.id, problems: dataset.problems.length, bundled: true });
    expect((await datasets.load(meta.id)).problems.map((p) => p.taskId)).toEqual(dataset.problems.map((p) => p.taskId));
    await expect(datasets.load('f'.repeat(64))).rejects.toThrow(RunSetupError);
  });

  it('selects problems by typed ids in dataset order, with a limit, and reports unknown ids', () => {
    expect(selectProblems(dataset, '', 3).ids).toEqual(['Demo/0', 'Demo/1', 'Demo/2']);
    expect(selectProblems(dataset, 'Demo/5, Demo/1\nNope', 0)).toEqual({ ids: ['Demo/1', 'Demo/5'], unknown: ['Nope'] });
  });
});

describe('runs from a tests file', () => {
  const text = [
    JSON.stringify({ task_id: 'Demo/0', tests: ['assert count_vowels("a") == 1'] }),
    JSON.stringify({ task_id: 'Demo/1', response: '<assertion>assert True</assertion><assertion></assertion>' }),
    JSON.stringify({ task_id: 'Other/9', tests: ['assert 1'] }),
  ].join('\n');
  const file = parseGeneratedTests(text);

  it('reports coverage and stores one finished generation per problem', async () => {
    expect(fileCoverage(dataset, file)).toMatchObject({ covered: ['Demo/0', 'Demo/1'], extra: ['Other/9'] });
    const meta = await datasets.resolve(DEMO_CHOICE);
    const run = await createFileRun(db, { ...runInput(dataset, meta.id, { problemIds: ['Demo/0', 'Demo/1'] }), verifier: fileVerifier('t.jsonl', 't.jsonl') }, file);
    const gens = await loadGenerations(db, run.id);
    expect(gens.map((g) => [g.taskId, g.shownRank, g.sampleIndex, g.tests, g.malformedCount])).toEqual([
      ['Demo/0', NO_CANDIDATE, 0, ['assert count_vowels("a") == 1'], 0],
      ['Demo/1', NO_CANDIDATE, 0, ['assert True'], 1],
    ]);
    expect(gens[1]!.rawResponse).toContain('<assertion>');

    // Nothing is generated: the launcher needs no generator, and the run finishes on the pool alone.
    const calls: ScoreRequest[] = [];
    const launcher = new RunLauncher({ store: idbRunStore(db), pool: async () => passingPool(calls), dataset: (r) => datasets.forRun(r), generator: () => Promise.reject(new Error('no generator expected')) });
    const outcome = await launcher.start(run.id).done;
    expect(outcome.status).toBe('done');
    expect(calls).toHaveLength(dataset.problems[0]!.candidates.length + dataset.problems[1]!.candidates.length);
    expect(calls[0]!.tests).toEqual({ kind: 'assert', setup: '', asserts: ['assert count_vowels("a") == 1'] });
  });

  it('refuses problems the file does not cover, and stores nothing when the tests cannot be stored', async () => {
    const input = { ...runInput(dataset, 'a'.repeat(64), { problemIds: ['Demo/0', 'Demo/2'] }), verifier: fileVerifier('t', 't') };
    await expect(createFileRun(db, input, file)).rejects.toThrow(/no tests for 1 of the chosen problems \(Demo\/2\)/);
    simulateQuota('generations');
    await expect(createFileRun(db, { ...input, problemIds: ['Demo/0'] }, file)).rejects.toThrow();
    vi.restoreAllMocks();
    expect(await listRuns(db)).toEqual([]);
  });
});

describe('launcher and exports', () => {
  it('refuses a run another tab holds, and runs it once the lock is free', async () => {
    const meta = await datasets.resolve(DEMO_CHOICE);
    const run = await createRun(db, runInput(dataset, meta.id, { problemIds: ['Demo/0'] }));
    const held = new Set([`verifier-lab-run:${run.id}`]);
    const exclusive = async (name: string, task: () => Promise<void>) => (held.has(name) ? false : (await task(), true));
    const { oracleGenerator } = await import('./run-fixtures');
    const launcher = new RunLauncher({ store: idbRunStore(db), pool: async () => passingPool(), dataset: (r) => datasets.forRun(r), generator: async () => oracleGenerator(dataset), exclusive });
    await expect(launcher.start(run.id).done).rejects.toThrow(RunBusyError);
    expect((await getRun(db, run.id))!.status).toBe('draft');
    held.clear();
    expect((await launcher.start(run.id).done).status).toBe('done');
  });

  it('exports the evaluation file of complete problems and a run file that imports back', async () => {
    const meta = await datasets.resolve(DEMO_CHOICE);
    const run = await createRun(db, runInput(dataset, meta.id, { name: 'My run: v1', problemIds: ['Demo/0', 'Demo/1'] }));
    const p0 = dataset.problems[0]!;
    const results: CandidateRecord[] = p0.candidates.map((c) => ({ runId: run.id, taskId: 'Demo/0', rank: c.rank, tests: [], passed: 0, total: 0, predicted: 1 / c.rank, uncompilable: [], compileError: null, ms: 0 }));
    await putResults(db, [...results, { ...results[0]!, taskId: 'Demo/1' }]);
    const evalFile = await evalFileExport(db, run.id, dataset);
    expect(evalFile.name).toBe('My-run-v1.eval.jsonl');
    const lines = parseEvalFile(evalFile.text, 'utg');
    expect(lines.map((l) => [l.taskId, l.rank, l.groundScore, l.predicted])).toEqual(p0.candidates.map((c) => ['Demo/0', c.rank, c.score, 1 / c.rank]));
    const runFile = await runFileExport(db, run.id);
    const other = await openLabDb({ factory: new IDBFactory() });
    const imported = await importRunFile(other, runFile.text);
    expect(imported.run).toEqual(await getRun(db, run.id));
    expect(fileStem('  ')).toBe('run');
  });
});

describe('a run left running whose setup fails', () => {
  it('becomes failed with the reason instead of being retried on every load', async () => {
    const meta = await datasets.resolve(DEMO_CHOICE);
    const run = await createRun(db, runInput(dataset, meta.id, { problemIds: ['Demo/0'] }));
    const { updateRunStatus } = await import('../../../src/storage/runs-repo');
    await updateRunStatus(db, run.id, 'running');
    const launcher = new RunLauncher({ store: idbRunStore(db), pool: async () => passingPool(), dataset: (r) => datasets.forRun(r), generator: () => Promise.reject(new Error('no-adapter: no GPU')) });
    await expect(launcher.start(run.id).done).rejects.toThrow(/no GPU/);
    expect(await getRun(db, run.id)).toMatchObject({ status: 'failed', error: 'no-adapter: no GPU' });
  });
});
