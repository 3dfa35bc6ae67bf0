// Ground truth on the real benchmarks in ../shared/data (skipped with a notice when absent): canonical
// solutions pass their own tests. HumanEval+ / MBPP+ run on every 8th problem by default; set
// VERIFIER_LAB_FULL_DATA=1 for all of them (measured 15-25 minutes on a busy 2-core machine: a few MBPP+
// inputs run for seconds in Pyodide and are killed at the 10 s canonical limit).
import { existsSync, readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { gunzipSync } from 'node:zlib';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { timeLimitsFromCanonical } from '../../src/core/run/time-limits';
import type { CompareMode } from '../../src/core/run/types';
import { createNodePool } from '../../src/engine/node-pool';
import type { EnginePool } from '../../src/engine/pool-types';

const DATA = fileURLToPath(new URL('../../../shared/data/', import.meta.url));
const present = existsSync(DATA);
const FULL = process.env.VERIFIER_LAB_FULL_DATA === '1';
if (!present) console.log(`notice: ${DATA} is absent; real-data engine checks are skipped`);

/** Known, explained exceptions per mode: task -> reason. Anything else failing fails the test. */
const PAPER_EXCEPTIONS: Record<string, string> = {
  // The authors compare abs(float(a) - float(b)) <= atol when atol is set: inf - inf is nan, so an
  // output of inf never equals itself (utils in their generate_solutions.py); kept as they ran it.
  'Mbpp/137': 'prints inf on some inputs and atol is set: inf - inf is nan',
  'Mbpp/300': 'prints inf on 24 of 116 inputs and atol is set: inf - inf is nan',
};
const EVALPLUS_EXCEPTIONS: Record<string, string> = {
  // The find_zero oracle |poly(x)| <= 1e-4 is ill-conditioned for large roots; Pyodide's floating-point
  // results differ from native CPython's in the last bits and 6 of 888 inputs land just above atol.
  'HumanEval/32': 'find_zero oracle: Pyodide float results differ from native CPython on ill-conditioned inputs',
};

const lines = (file: string) => {
  const raw = readFileSync(DATA + file);
  return (file.endsWith('.gz') ? gunzipSync(raw) : raw).toString('utf8').split('\n').filter(Boolean);
};
/** Metadata only: JS JSON has no Infinity/NaN (MBPP+ inputs use them); Python re-parses the real line. */
const meta = (line: string) => JSON.parse(line.replace(/([[,:]\s*)-?(?:Infinity|NaN)(?=\s*[,\]}])/g, '$10'));

let pool: EnginePool;
beforeAll(async () => {
  if (!present) return;
  pool = createNodePool({ size: 2 });
  await pool.ready();
});
afterAll(() => pool?.close());

/** Run `work` over `items`, at most `limit` at a time (all expected outputs at once would not fit in memory). */
async function eachLimited<T>(items: T[], limit: number, work: (item: T) => Promise<void>): Promise<void> {
  let next = 0;
  const lane = async () => {
    while (next < items.length) await work(items[next++]);
  };
  await Promise.all(Array.from({ length: limit }, lane));
}

async function reproduce(file: string, compare: CompareMode): Promise<string[]> {
  const all = lines(file);
  const chosen = FULL ? all : all.filter((_, i) => i % 8 === 0);
  const failures: string[] = [];
  const unavailable: string[] = [];
  await eachLimited(chosen, 4, async (line) => {
      const p = meta(line);
      const canonical = `${p.prompt}\n${p.canonical_solution}`;
      const inputs = { key: `${file}:${p.task_id}`, source: line, sets: ['base', 'plus'] as ('base' | 'plus')[] };
      const common = { taskId: p.task_id, entryPoint: p.entry_point, inputs, compare };
      // A few MBPP+ inputs print hundreds of MB (Mbpp/255 prints 1 GB natively): those have no ground truth.
      const expected = await pool.expect({ ...common, canonical, limitMs: 10_000, budgetMs: 600_000 });
      expected.outputs.forEach((o, i) => o === null && unavailable.push(`${p.task_id}#${i}: ${expected.errors[i]}`));
      // Generous limits: this checks outputs, not timing, on a shared machine.
      const limitMs = timeLimitsFromCanonical(expected.ms, { minMs: 2000, factor: 10 });
      const tests = { kind: 'io' as const, ...common, atol: p.atol ?? 0, expected };
      const r = await pool.score({ code: canonical, tests, compare, limitMs, budgetMs: 600_000 });
      const notPassed = r.tests.map((t, i) => ({ ...t, i })).filter((t) => t.status !== 'pass' && expected.outputs[t.i] !== null);
      const excused = (compare === 'paper' ? PAPER_EXCEPTIONS : EVALPLUS_EXCEPTIONS)[p.task_id];
      if (notPassed.length && !excused) {
        failures.push(`${p.task_id}: ${notPassed.length}/${r.total}, e.g. #${notPassed[0].i} ${notPassed[0].status} ${notPassed[0].message}`);
      }
  });
  if (unavailable.length) console.log(`notice: ${file} (${compare}): ${unavailable.length} inputs without a canonical output:\n  ${unavailable.join('\n  ')}`);
  return failures;
}

describe.skipIf(!present)('real benchmarks', () => {
  it('every HumanEval canonical solution passes its check(): 164/164', async () => {
    const problems = lines('humaneval/HumanEval.jsonl.gz').map((l) => JSON.parse(l));
    const results = await Promise.all(
      problems.map((p) =>
        pool.score({
          code: p.prompt + p.canonical_solution,
          tests: { kind: 'check', test: p.test, entryPoint: p.entry_point },
          compare: 'paper',
          limitMs: 30_000,
          budgetMs: 60_000,
        }),
      ),
    );
    expect(problems).toHaveLength(164);
    expect(results.filter((r) => r.score !== 1).length).toBe(0);
  });

  it('every MBPP reference solution passes its test_list and challenge_test_list: 974/974', async () => {
    const problems = lines('mbpp/mbpp.jsonl').map((l) => JSON.parse(l));
    const failures: string[] = [];
    await Promise.all(
      problems.flatMap((p) =>
        [p.test_list as string[], p.challenge_test_list as string[]]
          .filter((list) => list.length)
          .map(async (list) => {
            // Task 123 takes 2.6 s natively and about twice that in Pyodide: limits are generous here.
            const tests = { kind: 'assert' as const, setup: p.test_setup_code, asserts: list };
            const r = await pool.score({ code: p.code, tests, compare: 'paper', limitMs: 30_000, budgetMs: 120_000 });
            if (r.score !== 1) failures.push(`${p.task_id}: ${r.tests.find((t) => t.status !== 'pass')?.message}`);
          }),
      ),
    );
    expect(problems).toHaveLength(974);
    expect(failures).toEqual([]);
  });

  for (const compare of ['paper', 'evalplus'] as const) {
    it(`HumanEval+ canonical solutions reproduce their own outputs (${compare})`, async () => {
      expect(await reproduce('evalplus/HumanEvalPlus-v0.1.10.jsonl.gz', compare)).toEqual([]);
    }, 900_000);

    it(`MBPP+ canonical solutions reproduce their own outputs (${compare})`, async () => {
      expect(await reproduce('evalplus/MbppPlus-v0.2.0.jsonl.gz', compare)).toEqual([]);
    }, 900_000);
  }
});
