// `verifier-lab score --scorer / --scaling` on a fake pool (no Python): the numbers are the core's over the run's
// stored per-test results, the default output is unchanged, and scorers that need shared tests refuse otherwise.
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { runScore } from '../../../src/cli/commands/score';
import { openJsonlRunStore } from '../../../src/cli/jsonl-run-store';
import { parseDatasetText } from '../../../src/core/dataset/parse-dataset';
import { executionMatrix } from '../../../src/core/compare/execution-matrix';
import { scalingCurve } from '../../../src/core/compare/scaling';
import { scoreProblem } from '../../../src/core/compare/scorers';
import { computeMetricsBySplit } from '../../../src/core/metrics/split-metrics';
import type { EnginePool } from '../../../src/engine/pool-types';
import { DEMO_TEXT } from '../run/run-fixtures';

const DEMO = 'static-datasets/demo/Demo-R.jsonl';
const scratch = mkdtempSync(join(tmpdir(), 'verifier-lab-score-scaling-'));
afterAll(() => rmSync(scratch, { recursive: true, force: true }));

/** Passes a test when a hash of (program, test) is even: a fixed, uneven pass/fail matrix. */
function patternPool(): EnginePool {
  const hash = (text: string) => [...text].reduce((h, c) => (Math.imul(h, 31) + c.charCodeAt(0)) | 0, 7);
  return {
    ready: async () => [],
    async score(request) {
      const asserts = request.tests.kind === 'assert' ? request.tests.asserts : [];
      const tests = asserts.map((a) => ({ status: (hash(request.code + a) & 2) === 0 ? ('pass' as const) : ('fail' as const), message: '', ms: 1 }));
      const passed = tests.filter((t) => t.status === 'pass').length;
      return { tests, passed, total: tests.length, score: passed / tests.length, compare: 'paper', uncompilable: [], compileError: null, budgetExhausted: false, restarts: 0, ms: 1 };
    },
    programKeys: async (codes: readonly string[]) => codes.map(() => null), // no two programs share a run here
    expect: async () => {
      throw new Error('not used');
    },
    stats: () => ({ size: 1, workersStarted: 1, watchdogKills: 0, crashes: 0, recycled: 0, readyInfo: [] }),
    close: async () => {},
  };
}

const dataset = parseDatasetText(DEMO_TEXT, { name: 'Demo-R', split: 'DEMO' });
const shared = join(scratch, 'tests.jsonl');
writeFileSync(shared, dataset.problems.map((p) => JSON.stringify({ task_id: p.taskId, tests: Array.from({ length: 6 }, (_, i) => `assert ${i} == ${i}  # ${p.taskId}`) })).join('\n') + '\n');

async function score(...args: string[]) {
  let stdout = '';
  let stderr = '';
  const code = await runScore([DEMO, '--timeout-ms', '1000', ...args], { stdout: (t) => void (stdout += t), stderr: (t) => void (stderr += t) }, { createPool: patternPool });
  return { code, stdout, stderr };
}

describe('verifier-lab score --scorer and --scaling', () => {
  it('adds "scaling" per split and scores with the chosen scorer, as the core does over the stored results', async () => {
    const runFile = join(scratch, 'run.jsonl');
    const result = await score('--tests', shared, '--run', runFile, '--scorer', 'codet', '--scaling', '1,2,10', '--resamples', '30', '--seed', '4', '--json');
    expect(result.code).toBe(0);
    const json = JSON.parse(result.stdout);
    expect(Object.keys(json.DEMO)).toEqual(['top1', 'bottom1', 'spearman', 'kendall', 'mae', 'r2', 'problems', 'solutions', 'scaling']);
    expect(Object.keys(json.DEMO.scaling)).toEqual(['1', '2', '10']);

    const { store, run } = await openJsonlRunStore(runFile);
    const matrix = executionMatrix(dataset.problems, await store.loadResults(run.id), true);
    // The pattern must make CodeT differ from the pass fraction, or this test proves little.
    expect(matrix.some((m) => scoreProblem(m, 'codet').join() !== scoreProblem(m, 'fraction').map((x) => x * 6).join())).toBe(true);
    const solutions = matrix.flatMap((m) => scoreProblem(m, 'codet').map((predicted, i) => ({ split: 'DEMO' as const, taskId: m.taskId, rank: m.ranks[i], groundScore: m.truth[i], predicted })));
    const { DEMO: expected } = computeMetricsBySplit(solutions, 'reward');
    const { scaling, ...metrics } = json.DEMO;
    expect(metrics).toEqual(expected);
    const curve = scalingCurve('DEMO', matrix, [1, 2, 10], { draws: 30, seed: 4, scorer: 'codet' });
    for (const k of [1, 2, 10]) expect(scaling[String(k)]).toEqual(curve.get(k));
  });

  it('prints the same as before without the new options, and with --scorer fraction', async () => {
    const plain = await score('--tests', shared, '--json');
    const fraction = await score('--tests', shared, '--json', '--scorer', 'fraction');
    expect(fraction.stdout).toBe(plain.stdout);
    expect(Object.keys(JSON.parse(plain.stdout).DEMO)).toEqual(['top1', 'bottom1', 'spearman', 'kendall', 'mae', 'r2', 'problems', 'solutions']);
    const text = await score('--tests', shared, '--scaling', '1,3', '--resamples', '5');
    expect(text.stdout).toMatch(/DEMO: mean over 5 draws of k tests per problem \(seed 0\)\n\nk +top1/);
  });

  it('refuses codet and valid-only for per-candidate tests, and bad values, before any worker starts', async () => {
    const own = join(scratch, 'own.jsonl');
    writeFileSync(own, dataset.problems.flatMap((p) => p.candidates.map((c) => JSON.stringify({ task_id: p.taskId, shown_rank: c.rank, tests: ['assert True'] }))).join('\n') + '\n');
    const createPool = () => {
      throw new Error('a pool was created');
    };
    const io = { stdout: () => {}, stderr: () => {} };
    await expect(runScore([DEMO, '--tests', own, '--scorer', 'valid-only'], io, { createPool })).rejects.toThrow(/needs candidates run on shared tests/);
    await expect(runScore([DEMO, '--tests', shared, '--scorer', 'best'], io, { createPool })).rejects.toThrow(/--scorer must be fraction, codet, valid-only/);
    await expect(runScore([DEMO, '--tests', shared, '--scaling', '0,2'], io, { createPool })).rejects.toThrow(/--scaling must be/);
    await expect(runScore([DEMO, '--tests', shared, '--resamples', '9'], io, { createPool })).rejects.toThrow(/need --scaling/);
  });
});
