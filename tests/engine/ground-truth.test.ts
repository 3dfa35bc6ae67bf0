// Ground truth end to end on the bundled Demo-R dataset: every stored score equals what the engine computes
// (canonical first, paper time limits, then each candidate), and generated tests get validity from the canonical.
import { readFileSync } from 'node:fs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { parseDatasetText } from '../../src/core/dataset/parse-dataset';
import { prepareGenerated } from '../../src/engine/generated-tests';
import { prepareProblem, scoreAgainst } from '../../src/engine/ground-truth';
import { createNodePool } from '../../src/engine/node-pool';
import type { EnginePool } from '../../src/engine/pool-types';

const DEMO = new URL('../../static-datasets/demo/Demo-R.jsonl', import.meta.url);
/** Python's round(x, 2) agrees with this for the fractions k/n that occur here. */
const round2 = (x: number) => Math.round(x * 100) / 100;

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
        const prepared = await prepareProblem(pool, problem, dataset.split);
        const scores = await Promise.all(problem.candidates.map((c) => scoreAgainst(pool, prepared, c.code)));
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
    const prepared = await prepareGenerated(pool, problem, ['assert count_vowels("aa") == 2', 'assert count_vowels("y") == 1', 'assert count_vowels(']);
    expect(prepared.canonical.tests.map((t) => t.status)).toEqual(['pass', 'fail', 'error']);
    expect(prepared.canonical.uncompilable).toEqual([2]);
    expect(prepared.limitMs.every((ms) => ms >= 100)).toBe(true);
  });
});
