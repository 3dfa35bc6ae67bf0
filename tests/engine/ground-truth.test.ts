// Ground truth end to end on the bundled Demo-R dataset: every stored score equals what the engine computes
// (canonical first, paper time limits, then each candidate), and generated tests get validity from the canonical.
import { readFileSync } from 'node:fs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { parseDatasetText } from '../../src/core/dataset/parse-dataset';
import { datasetTestPlan, generatedTestPlan } from '../../src/core/build/test-plan';
import { PAPER_TIME_LIMITS } from '../../src/core/run/time-limits';
import { prepareTests } from '../../src/engine/prepare-tests';
import { createNodePool } from '../../src/engine/node-pool';
import type { EnginePool } from '../../src/engine/pool-types';

const DEMO = new URL('../../static-datasets/demo/Demo-R.jsonl', import.meta.url);
/** Python's round(x, 2) agrees with this for the fractions k/n that occur here. */
const round2 = (x: number) => Math.round(x * 100) / 100;

const PAPER = { compare: 'paper' as const, timeout: { kind: 'scaled' as const, ...PAPER_TIME_LIMITS } };

let pool: EnginePool;
beforeAll(async () => {
  pool = createNodePool({ size: 2 });
  await pool.ready();
});
afterAll(() => pool?.close());

describe('Demo-R ground truth', () => {
  it('recomputes every stored score exactly', async () => {
    const dataset = parseDatasetText(readFileSync(DEMO, 'utf8'), { name: 'Demo-R.jsonl' });
    const rows = await Promise.all(
      dataset.problems.map(async (problem) => {
        const prepared = await prepareTests(pool, datasetTestPlan(problem, dataset.split), problem.canonicalSolution, { ...PAPER, origin: 'ground-truth' });
        const { spec: tests, limitsMs: limitMs, budgetMs } = prepared;
        const scores = await Promise.all(problem.candidates.map((c) => pool.score({ code: c.code, tests, compare: 'paper', limitMs, budgetMs })));
        return problem.candidates.map((c, i) => ({ task: problem.taskId, rank: c.rank, stored: c.score, computed: round2(scores[i].score) }));
      }),
    );
    const all = rows.flat();
    expect(all.length).toBeGreaterThan(dataset.problems.length);
    expect(all.filter((r) => r.stored !== r.computed)).toEqual([]);
  });

  it('marks generated tests the canonical solution fails as invalid', async () => {
    const dataset = parseDatasetText(readFileSync(DEMO, 'utf8'), { name: 'Demo-R.jsonl' });
    const problem = dataset.problems[0]; // count_vowels
    const plan = generatedTestPlan(problem, ['assert count_vowels("aa") == 2', 'assert count_vowels("y") == 1', 'assert count_vowels(']);
    const prepared = await prepareTests(pool, plan, problem.canonicalSolution, { ...PAPER, origin: 'generated' });
    expect(prepared.canonical?.tests.map((t) => t.status)).toEqual(['pass', 'fail', 'error']);
    expect(prepared.canonical?.uncompilable).toEqual([2]);
    expect(prepared.limitsMs.every((ms) => ms >= 100)).toBe(true);
  });
});
