// The same program up to formatting and comments runs once: the engine's syntax-tree keys (real Pyodide), and
// re-verification, build and a run's execution reusing one run for such copies and saying so.
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import 'fake-indexeddb/auto';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { verifyDataset } from '../../src/build/verify-dataset';
import { runBuild } from '../../src/cli/commands/build';
import { parseDatasetText } from '../../src/core/dataset/parse-dataset';
import { describeDisagreement, reuseNote } from '../../src/core/verify/verify-compare';
import { createNodePool } from '../../src/engine/node-pool';
import type { EnginePool } from '../../src/engine/pool-types';
import { executeRun } from '../../src/run/orchestrator';
import { idbRunStore } from '../../src/storage/idb-run-store';
import { openLabDb } from '../../src/storage/open-db';
import { loadResults } from '../../src/storage/results-repo';
import { createRun } from '../../src/storage/runs-repo';
import { buildFixturePath as fx } from '../unit/build/fixtures';
import { demoDataset, oracleGenerator, runInput } from '../unit/run/run-fixtures';

const dir = mkdtempSync(join(tmpdir(), 'vl-same-'));
let pool: EnginePool;
/** Every program the engine was asked to score. */
let scoredCodes: string[] = [];
const counting = (): EnginePool => ({
  ...pool,
  close: async () => {},
  score: (request, options) => (scoredCodes.push(request.code), pool.score(request, options)),
});

beforeAll(async () => {
  pool = createNodePool({ size: 2 });
  await pool.ready();
});
afterAll(async () => {
  await pool?.close();
  rmSync(dir, { recursive: true, force: true });
});

const BASE = 'def f(xs):\n    """Sum of xs."""\n    total = 0\n    for x in xs:\n        total += x\n    return total\n';

describe('program keys', () => {
  it('are equal up to formatting and comments, and differ for any other change', async () => {
    const variants = [
      BASE,
      '# a comment first\ndef f(xs):\n    """Sum of xs."""\n    total = 0  # start\n\n    for x in xs:\n        total += x\n    return total',
      'def f(xs) :\n  """Sum of xs."""\n  total=0\n  for x in xs:\n    total+=(x)\n  return total\n',
      'def f(xs):\n    """Sum of the xs."""\n    total = 0\n    for x in xs:\n        total += x\n    return total\n', // docstring
      'def f(xs):\n    """Sum of xs."""\n    total = 0\n    for x in xs:\n        total += x\n        return total\n', // indentation
      "def f(xs):\n    return '# not a comment'\n",
      "def f(xs):\n    return '# not a comment either'\n",
      'def f(xs):\n    return (\n',
      `x = ${'('.repeat(100_000)}1${')'.repeat(100_000)}\n`,
    ];
    const keys = await pool.programKeys(variants);
    expect(keys).toHaveLength(variants.length);
    expect(keys[0]).toMatch(/^[0-9a-f]{64}$/);
    expect(keys[1]).toBe(keys[0]);
    expect(keys[2]).toBe(keys[0]);
    expect(new Set(keys.slice(3, 7)).size).toBe(4);
    expect(keys.slice(3, 7)).not.toContain(keys[0]);
    expect(keys[7]).toBeNull(); // a syntax error: runs on its own
    expect(keys[8] === null || /^[0-9a-f]{64}$/.test(keys[8]!)).toBe(true);
    expect(await pool.programKeys([])).toEqual([]);
    // Keying ran nothing and left the workers usable.
    const r = await pool.score({ code: BASE, tests: { kind: 'assert', setup: '', asserts: ['assert f([1, 2]) == 3'] }, compare: 'paper', limitMs: 5000, budgetMs: 10_000 });
    expect(r.tests.map((t) => t.status)).toEqual(['pass']);
  });

  it('run nothing of the program they key', async () => {
    const keys = await pool.programKeys(['import sys\nsys.exit(3)\nwhile True: pass\n']);
    expect(keys[0]).toMatch(/^[0-9a-f]{64}$/);
  });
});

describe('re-verification with the same program twice', () => {
  it('runs it once, gives both candidates that run, and says so', async () => {
    const text = readFileSync(new URL('../../static-datasets/demo/Demo-R.jsonl', import.meta.url), 'utf8').split('\n')[0]!;
    const line = JSON.parse(text) as { all_solutions: { rank: number; solution: { code: string } }[] };
    const [, second, third] = line.all_solutions;
    third!.solution.code = `# reformatted copy of rank 2\n${second!.solution.code.replaceAll('    ', '  ')}\n\n`;
    const dataset = parseDatasetText(JSON.stringify(line), { name: 'Demo-R' });
    scoredCodes = [];
    const result = await verifyDataset(counting(), dataset, { compare: 'paper', rule: { minMs: 1000, factor: 4 } });
    const rank3 = result.outcomes.find((o) => o.rank === 3)!;
    const rank2 = result.outcomes.find((o) => o.rank === 2)!;
    expect(rank3.reusedFrom).toBe(2);
    expect(rank2.reusedFrom).toBeUndefined();
    expect(rank3.passed).toBe(rank2.passed);
    expect(rank3.agree).toBe(false); // its stored score was another program's
    expect(describeDisagreement(rank3)).toContain('the same program as rank 2');
    expect(result.summary.reused).toBe(1);
    expect(reuseNote(result.summary)).toMatch(/^1 candidate is the same program/);
    expect(scoredCodes).not.toContain(third!.solution.code);
    expect(scoredCodes.filter((c) => c === second!.solution.code)).toHaveLength(1);
  });
});

describe('build with the same program twice in the pool', () => {
  it('scores it once, so the set cannot hold it under two ranks, and reports it', async () => {
    const pool1 = readFileSync(fx('tiny-mbpp-pool.jsonl'), 'utf8');
    const copy = { task_id: 'T/1', code: '# the same as abs(a) + b\ndef add(a,b):\n    return abs( a ) + b\n' };
    const poolFile = join(dir, 'pool.jsonl');
    writeFileSync(poolFile, `${pool1.trimEnd()}\n${JSON.stringify(copy)}\n`);
    const out = join(dir, 'tiny-r.jsonl');
    let stdout = '';
    scoredCodes = [];
    const code = await runBuild([fx('tiny-mbpp.jsonl'), '--pool', poolFile, '--split', 'base', '--out', out, '--json', '--limit-floor-ms', '1000'], { stdout: (t) => (stdout += t), stderr: () => {} }, { createPool: counting });
    expect(code).toBe(0);
    const report = JSON.parse(stdout) as { totals: { sameProgram: number }; problems: { taskId: string; sameProgram: number }[] };
    expect(report.totals.sameProgram).toBe(1);
    expect(report.problems.find((p) => p.taskId === 'T/1')!.sameProgram).toBe(1);
    expect(scoredCodes).not.toContain(copy.code);
    const built = parseDatasetText(readFileSync(out, 'utf8'), { name: 'tiny' });
    expect(built.problems[0]!.candidates.map((c) => c.code)).not.toContain(copy.code);
  });
});

describe('a run with the same program twice', () => {
  it('executes it once and stores the copy with the results and the rank it reused', async () => {
    const dataset = demoDataset();
    const problem = dataset.problems[0]!;
    const [, second, third] = problem.candidates;
    third!.code = `${second!.code.replaceAll('    ', '\t')}  # the same program\n`;
    const db = await openLabDb({ factory: new IDBFactory() });
    const run = await createRun(db, runInput(dataset, 'e'.repeat(64), { problemIds: [problem.taskId] }));
    scoredCodes = [];
    const outcome = await executeRun({ store: idbRunStore(db), pool: counting(), dataset, generator: oracleGenerator(dataset) }, run.id);
    expect(outcome.status).toBe('done');
    const results = await loadResults(db, run.id);
    const copy = results.filter((r) => r.rank === third!.rank);
    const original = results.filter((r) => r.rank === second!.rank);
    expect(copy.length).toBeGreaterThan(0);
    expect(copy.every((r) => r.reusedFrom === second!.rank)).toBe(true);
    expect(original.every((r) => r.reusedFrom === undefined)).toBe(true);
    expect(copy.map((r) => r.tests.map((t) => t.status))).toEqual(original.map((r) => r.tests.map((t) => t.status)));
    expect(scoredCodes).not.toContain(third!.code);
  });
});
