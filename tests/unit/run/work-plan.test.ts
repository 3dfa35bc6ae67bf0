// The run plan: slots per variant, what is pending given finished slots, test sets, and counters from records.
import { describe, expect, it } from 'vitest';
import { candidateRecord, testSetOffsets, testsOfSet, ZERO_TESTS_SCORE } from '../../../src/core/run/orchestration/candidate-tests';
import { progressFromRecords } from '../../../src/core/run/orchestration/run-counters';
import { runMetrics, scoredSolutions } from '../../../src/core/run/orchestration/run-solutions';
import { generationSlots, pendingCandidates, pendingGenerations, planRun, RunPlanError, testSetOf } from '../../../src/core/run/orchestration/work-plan';
import { generationSlot, resultSlot } from '../../../src/core/run/run-progress';
import { NO_CANDIDATE, type CandidateRecord, type GenerationRecord } from '../../../src/core/run/run-records';
import type { CandidateResult, TestStatus } from '../../../src/core/run/types';
import { computeMetricsBySplit } from '../../../src/core/metrics/split-metrics';
import { demoDataset } from './run-fixtures';

const dataset = demoDataset();
const ids = ['Demo/0', 'Demo/1'];

function gen(taskId: string, shownRank: number, sampleIndex: number, tests: string[], error: string | null = null): GenerationRecord {
  return {
    runId: 'r', taskId, shownRank, sampleIndex, tests, error, malformedCount: 1, rawResponse: '', usage: { promptTokens: 10, completionTokens: 5 }, finishReason: 'stop',
    request: { backend: 'openai', model: 'm', variant: 'instruction', messages: [], sampling: { temperature: 1, topP: 1, maxTokens: 10, seed: null } },
    timings: { startedAt: 0, firstTokenMs: null, totalMs: 0 },
  };
}

function result(statuses: TestStatus[]): CandidateResult {
  const tests = statuses.map((status) => ({ status, message: '', ms: 1 }));
  return { tests, passed: 0, total: 0, score: 0, compare: 'paper', uncompilable: [], compileError: null, budgetExhausted: false, restarts: 0, ms: 3 };
}

describe('planRun', () => {
  it('has one slot per sample for the instruction variant, one per candidate and sample with the solution', () => {
    const a = planRun(ids, { variant: 'instruction', samplesPerProblem: 3 }, dataset);
    expect(a.generationsTotal).toBe(6);
    expect(generationSlots(a.problems[0]!)).toEqual([0, 1, 2].map((sampleIndex) => ({ taskId: 'Demo/0', shownRank: NO_CANDIDATE, sampleIndex })));
    const b = planRun(ids, { variant: 'instruction+solution', samplesPerProblem: 2 }, dataset);
    const candidates = dataset.problems[0]!.candidates.length + dataset.problems[1]!.candidates.length;
    expect(b.generationsTotal).toBe(candidates * 2);
    expect(b.candidatesTotal).toBe(candidates);
    expect(testSetOf(a.problems[0]!, 3)).toBe(NO_CANDIDATE);
    expect(testSetOf(b.problems[0]!, 3)).toBe(3);
  });

  it('rejects unknown task ids and bad sample counts', () => {
    expect(() => planRun(['Demo/0', 'Nope/1'], { variant: 'instruction', samplesPerProblem: 1 }, dataset)).toThrow(RunPlanError);
    expect(() => planRun(ids, { variant: 'instruction', samplesPerProblem: 0 }, dataset)).toThrow(/samples per problem/);
  });

  it('lists pending work from finished slots', () => {
    const plan = planRun(ids, { variant: 'instruction', samplesPerProblem: 2 }, dataset);
    const p = plan.problems[0]!;
    const gens = new Set([generationSlot('Demo/0', NO_CANDIDATE, 1)]);
    const res = new Set([resultSlot('Demo/0', 1), resultSlot('Demo/0', 3)]);
    expect(pendingGenerations(p, gens)).toEqual([{ taskId: 'Demo/0', shownRank: NO_CANDIDATE, sampleIndex: 0 }]);
    expect(pendingCandidates(p, res)).toEqual(p.ranks.filter((r) => r !== 1 && r !== 3));
  });
});

describe('tests and scores', () => {
  it('joins a set\'s finished generations by sample index, skipping failed ones and other sets', () => {
    const records = [gen('T', 0, 1, ['b1', 'b2']), gen('T', 0, 0, ['a1']), gen('T', 0, 2, ['x'], 'server: boom'), gen('T', 2, 0, ['other'])];
    expect(testsOfSet(records, 0)).toEqual(['a1', 'b1', 'b2']);
    expect(testsOfSet(records, 2)).toEqual(['other']);
  });

  it('says where each finished generation starts in its set\'s test list (the order of a candidate\'s results)', () => {
    const records = [gen('T', 0, 2, ['c1']), gen('T', 0, 1, ['b1', 'b2']), gen('T', 0, 0, ['a1']), gen('T', 0, 3, ['x'], 'server: boom'), gen('T', 2, 0, ['other'])];
    const offsets = testSetOffsets(records, 0);
    expect([...offsets].sort((a, b) => a[0] - b[0])).toEqual([[0, 0], [1, 1], [2, 3]]);
    const joined = testsOfSet(records, 0);
    for (const g of records.filter((r) => r.shownRank === 0 && r.error === null)) {
      g.tests.forEach((t, i) => expect(joined[offsets.get(g.sampleIndex)! + i]).toBe(t));
    }
  });

  it('scores a candidate by the fraction of tests passed; no tests gives the zero-tests score', () => {
    const r = candidateRecord('r', 'T', 2, result(['pass', 'fail', 'pass', 'timeout']));
    expect([r.passed, r.total, r.predicted]).toEqual([2, 4, 0.5]);
    expect(candidateRecord('r', 'T', 2, result([])).predicted).toBe(ZERO_TESTS_SCORE);
  });
});

describe('metrics from stored results', () => {
  const plan = planRun(ids, { variant: 'instruction', samplesPerProblem: 1 }, dataset);
  const record = (taskId: string, rank: number, predicted: number): CandidateRecord => ({ runId: 'r', taskId, rank, tests: [], passed: 0, total: 0, predicted, uncompilable: [], compileError: null, ms: 0 });

  it('uses only problems whose candidates are all executed', () => {
    const p0 = dataset.problems[0]!;
    const full = p0.candidates.map((c) => record('Demo/0', c.rank, 1 - c.rank / 10));
    const partial = [record('Demo/1', 1, 1)];
    const solutions = scoredSolutions(plan, 'DEMO', [...partial, ...full]);
    expect(solutions.map((s) => s.taskId)).toEqual(p0.candidates.map(() => 'Demo/0'));
    expect(solutions.map((s) => s.groundScore)).toEqual(p0.candidates.map((c) => c.score));
    expect(runMetrics(plan, 'DEMO', [...partial, ...full])).toEqual(computeMetricsBySplit(solutions, 'utg'));
    expect(runMetrics(plan, 'DEMO', partial)).toBeNull();
  });

  it('recomputes counters from records, ignoring failed requests and slots outside the plan', () => {
    const gens = [gen('Demo/0', 0, 0, ['a', 'b']), gen('Demo/1', 0, 0, ['c'], 'auth: no'), gen('Demo/9', 0, 0, ['z'])];
    const results = dataset.problems[0]!.candidates.map((c) => record('Demo/0', c.rank, 0));
    const progress = progressFromRecords(plan, gens, results);
    expect(progress).toMatchObject({ problemsTotal: 2, problemsDone: 1, generationsTotal: 2, generationsDone: 1, testsGenerated: 2, malformedTests: 1, promptTokens: 10, completionTokens: 5 });
    expect(progress.candidatesDone).toBe(results.length);
  });
});
