// Re-verification runs a disagreeing candidate's timed-out tests a second time, and reports what the second
// run found; disagreements without timeouts are not re-run.
import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { verifyDataset } from '../../../src/build/verify-dataset';
import { datasetTestPlan, planTestCount } from '../../../src/core/build/test-plan';
import { parseDatasetText } from '../../../src/core/dataset/parse-dataset';
import type { CandidateResult, ScoreRequest, TestStatus } from '../../../src/core/run/types';
import { describeDisagreement, timingNote } from '../../../src/core/verify/verify-compare';
import type { EnginePool } from '../../../src/engine/pool-types';

const text = readFileSync(new URL('../../../static-datasets/demo/Demo-R.jsonl', import.meta.url), 'utf8');
const dataset = parseDatasetText(text.split('\n')[0]!, { name: 'Demo-R' });
const problem = dataset.problems[0]!;
const n = planTestCount(datasetTestPlan(problem, dataset.split));

function result(statuses: TestStatus[]): CandidateResult {
  const passed = statuses.filter((s) => s === 'pass').length;
  const tests = statuses.map((status) => ({ status, message: status === 'pass' ? '' : status, ms: 1 }));
  return { tests, passed, total: tests.length, score: passed / tests.length, compare: 'paper', uncompilable: [], compileError: null, budgetExhausted: false, restarts: 0, ms: tests.length };
}

/** A pool that answers each candidate's successive runs from a script: its stored score unless told otherwise. */
function scriptedPool(script: Map<string, TestStatus[][]>): EnginePool & { calls: Map<string, number>; order: string[]; requests: ScoreRequest[] } {
  const calls = new Map<string, number>();
  const order: string[] = [];
  const requests: ScoreRequest[] = [];
  const storedRun = (code: string): TestStatus[] => {
    const c = problem.candidates.find((x) => x.code === code);
    const pass = c ? Math.round(c.score * n) : n; // the canonical solution passes everything
    return Array.from({ length: n }, (_, i) => (i < pass ? 'pass' : 'fail'));
  };
  return {
    calls,
    order,
    requests,
    ready: async () => [],
    async score(request: ScoreRequest) {
      requests.push(request);
      const k = (calls.get(request.code) ?? 0) + 1;
      calls.set(request.code, k);
      order.push(request.code);
      return result(script.get(request.code)?.[k - 1] ?? storedRun(request.code));
    },
    programKeys: async (codes: readonly string[]) => codes.map(() => null), // no two programs share a run here
    expect: async () => {
      throw new Error('no io tests here');
    },
    stats: () => ({ size: 1, workersStarted: 1, watchdogKills: 0, crashes: 0, recycled: 0, readyInfo: [] }),
    close: async () => {},
  };
}

describe('verify re-checks timing disagreements', () => {
  const [, second, third] = problem.candidates;
  const allPass: TestStatus[] = Array.from({ length: n }, () => 'pass');
  const oneTimeout: TestStatus[] = ['timeout', ...allPass.slice(1)];

  it('re-runs a disagreement with a timeout and keeps the second result', async () => {
    // rank 1 (canonical, stored 1.0) times out once, then passes; rank 2 (stored 11 of 12) has two tests time
    // out on both runs, so it still disagrees after the re-check.
    expect(Math.round(second!.score * n)).toBe(n - 1);
    const twoTimeouts = Array.from({ length: n }, (_, i): TestStatus => (i < 2 ? 'timeout' : 'pass'));
    const script = new Map([
      [problem.candidates[0]!.code, [allPass, oneTimeout, allPass]], // [prepare run, first, second]
      [second!.code, [twoTimeouts, twoTimeouts]],
    ]);
    const pool = scriptedPool(script);
    const { summary, outcomes } = await verifyDataset(pool, dataset, { compare: 'paper' });
    expect(pool.calls.get(problem.candidates[0]!.code)).toBe(3);
    expect(pool.calls.get(second!.code)).toBe(2);
    expect(pool.calls.get(third!.code)).toBe(1); // agreed at once: not re-run
    expect(outcomes[0]).toMatchObject({ agree: true, rechecked: true, timeouts: 0 });
    expect(outcomes[0]!.firstRun).toEqual({ rounded: 0.92, passed: 11, timeouts: 1 });
    expect(outcomes[1]).toMatchObject({ agree: false, rechecked: true, timeouts: 2 });
    // Re-checks run after every first run, one at a time, and run again only the tests that timed out.
    expect(pool.order.slice(-2)).toEqual([problem.candidates[0]!.code, second!.code]);
    expect(pool.requests.slice(-2).map((r) => r.only)).toEqual([[0], [0, 1]]);
    expect(summary).toMatchObject({ agree: problem.candidates.length - 1, disagree: 1, agreedOnRecheck: 1, timingDisagreements: 1 });
    expect(describeDisagreement(outcomes[1]!)).toMatch(/10\/12 passed, 2 timed out; first run 0\.83 with 2 timed out\); #0 timeout/);
    expect(timingNote(summary)).toBe(
      '1 candidate agreed only on a second run after timeouts; 1 of the 1 disagreements had tests time out on both runs, enough to explain the gap (near a time limit the outcome follows machine load).',
    );
  });

  it('does not re-run a disagreement its timeouts cannot explain', async () => {
    // Stored 11 of 12; one timeout and five failures: even if the timeout had passed, 7 of 12.
    const mostlyWrong = Array.from({ length: n }, (_, i): TestStatus => (i === 0 ? 'timeout' : i < 6 ? 'fail' : 'pass'));
    const pool = scriptedPool(new Map([[second!.code, [mostlyWrong]]]));
    const { summary, outcomes } = await verifyDataset(pool, dataset, { compare: 'paper' });
    expect(pool.calls.get(second!.code)).toBe(1);
    expect(outcomes[1]).toMatchObject({ agree: false, rechecked: false, timeouts: 1 });
    expect(summary).toMatchObject({ disagree: 1, timingDisagreements: 0, agreedOnRecheck: 0 });
  });

  it('does not re-run a disagreement without timeouts', async () => {
    const wrong: TestStatus[] = ['fail', ...allPass.slice(1)];
    const pool = scriptedPool(new Map([[problem.candidates[0]!.code, [allPass, wrong, allPass]]]));
    const { summary, outcomes } = await verifyDataset(pool, dataset, { compare: 'paper' });
    expect(pool.calls.get(problem.candidates[0]!.code)).toBe(2);
    expect(outcomes[0]).toMatchObject({ agree: false, rechecked: false, timeouts: 0 });
    expect(summary).toMatchObject({ disagree: 1, timingDisagreements: 0, agreedOnRecheck: 0 });
    expect(timingNote(summary)).toBeNull();
  });
});
