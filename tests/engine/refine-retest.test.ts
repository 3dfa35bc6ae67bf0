// Re-testing refinements on real Pyodide: a refinement runs on its problem's ground truth exactly as verification
// runs a candidate (engine/ground-truth.ts), a hang is a timeout, and a program that tries the sandbox neither gets
// out nor changes the next program's result.
import { readFileSync } from 'node:fs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { parseDatasetText } from '../../src/core/dataset/parse-dataset';
import { failedTests, failuresText } from '../../src/core/verify/failed-tests';
import { prepareGroundTruth, scoreOnGroundTruth, type GroundTruth } from '../../src/engine/ground-truth';
import { createNodePool } from '../../src/engine/node-pool';
import type { EnginePool } from '../../src/engine/pool-types';

const dataset = parseDatasetText(readFileSync(new URL('../../static-datasets/demo/Demo-R.jsonl', import.meta.url), 'utf8'), { name: 'Demo-R' });
const problem = dataset.problems[0]!; // count_vowels; rank 2 counts distinct vowels (11 of 12 tests)
let pool: EnginePool;
let truth: GroundTruth;

beforeAll(async () => {
  pool = createNodePool({ size: 2 });
  await pool.ready();
  // A 1 s floor instead of 0.1 s, as in verify-demo.test.ts: outcomes, not timing, are under test.
  truth = await prepareGroundTruth(pool, problem, dataset.split, { compare: 'paper', rule: { minMs: 1000, factor: 4 } });
});
afterAll(() => pool?.close());

describe('re-testing a program on its ground truth', () => {
  it('scores the wrong program as verification stored it, with its failing tests', async () => {
    const wrong = problem.candidates.find((c) => c.rank === 2)!;
    const { result, score } = await scoreOnGroundTruth(pool, truth, wrong.code);
    expect(score.passed).toBe(11);
    expect(score.total).toBe(12);
    const text = failuresText(truth.plan, failedTests(result.tests, 5));
    expect(text).toMatch(/^- assert count_vowels\(.+\) == \d+: fail/);
  });

  it('passes a correct refinement and times out one that never ends', async () => {
    expect((await scoreOnGroundTruth(pool, truth, problem.canonicalSolution)).score.score).toBe(1);
    const hang = await scoreOnGroundTruth(pool, truth, 'def count_vowels(s):\n    while True:\n        pass\n');
    expect(hang.score.passed).toBe(0);
    expect(hang.result.tests.some((t) => t.status === 'timeout')).toBe(true);
  });

  it('keeps a refinement that tries the sandbox inside it, and the next program unaffected', async () => {
    const escape = [
      'import os, sys',
      'results = []',
      'for attempt in (lambda: open("/etc/passwd").read(), lambda: __import__("subprocess").run(["ls"]), lambda: __import__("js").fetch):',
      '    try:',
      '        results.append(attempt())',
      '    except BaseException as e:',
      '        results.append(type(e).__name__)',
      'os.environ["INJECTED"] = "1"',
      'import builtins',
      'builtins.len = lambda x: 0',
      'def count_vowels(s):',
      '    return 999',
    ].join('\n');
    const hostile = await scoreOnGroundTruth(pool, truth, escape);
    expect(hostile.score.passed).toBe(0);
    const after = await scoreOnGroundTruth(pool, truth, problem.canonicalSolution);
    expect(after.score.score).toBe(1);
  });
});
