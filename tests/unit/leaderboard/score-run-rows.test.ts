// Reward and judge runs on the leaderboard: one row per run, the kind in its facts, the raw scores read as rewards.
import { describe, expect, it } from 'vitest';
import { runRows } from '../../../src/core/leaderboard/run-rows';
import type { CandidateRecord } from '../../../src/core/run/run-records';
import { draftRun } from '../../../src/core/run/run-types';
import { demoDataset, runInput, verifier } from '../run/run-fixtures';

const dataset = demoDataset();
const problem = dataset.problems[0]!;

function runOf(overrides: Parameters<typeof verifier>[0]) {
  return { ...draftRun(runInput(dataset, 'c'.repeat(64), { problemIds: ['Demo/0', 'Demo/1'], verifier: verifier(overrides) }), 'rid', 5), status: 'paused' as const };
}

const results: CandidateRecord[] = problem.candidates.map((c, i) => ({ runId: 'rid', taskId: problem.taskId, rank: c.rank, tests: [], passed: 0, total: 0, predicted: -i * 1.5, uncompilable: [], compileError: null, ms: 0 }));

describe('rows of scoring runs', () => {
  it('a reward run: one row, its kind and attribute in the facts, the finished problems as rewards', () => {
    const rows = runRows({ run: runOf({ kind: 'reward', model: 'nemotron-reward', reward: { weights: { helpfulness: 0.5, correctness: 2 } } }), dataset, results });
    expect(rows).toHaveLength(1);
    const [row] = rows;
    expect(row!.kind).toBe('reward');
    expect(row!.facts).toEqual({ datasets: ['Demo-R'], backend: 'OpenAI-compatible (reward model)', model: 'nemotron-reward', variant: '—', scorer: 'reward model: 0.5 x helpfulness + 2 x correctness' });
    expect(row!.input).toEqual({ kind: 'solutions', method: 'reward', solutions: problem.candidates.map((c, i) => ({ split: 'DEMO', taskId: 'Demo/0', rank: c.rank, groundScore: c.score, predicted: -i * 1.5 })) });
    expect(row!.note).toBe('1 of 2 problems finished; the numbers cover those.');
  });

  it('a judge run names its scale; without the dataset the stored metrics are shown', () => {
    const run = { ...runOf({ kind: 'judge', backend: 'webllm', judge: { min: 1, max: 5 } }), metrics: { DEMO: { top1: 1, bottom1: 0, spearman: 0.5, kendall: 0.4, mae: 0.2, r2: 0.1, problems: 1, solutions: 4 } } };
    const [row] = runRows({ run, dataset: null, results: [] });
    expect(row!.facts.scorer).toBe('LLM judge: 1 to 5');
    expect(row!.facts.backend).toBe('WebLLM (LLM judge)');
    expect(row!.input).toBeNull();
    expect(row!.known).toEqual({ DEMO: { metrics: run.metrics.DEMO, intervals: null } });
  });

  it('a tests run keeps its three scorer rows', () => {
    expect(runRows({ run: runOf({}), dataset, results: [] }).map((r) => r.kind)).toEqual(['tests', 'tests', 'tests']);
  });
});
