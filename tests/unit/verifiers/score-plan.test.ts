// Reward and judge runs in the plan and the records: one slot per (candidate, sample) whatever the variant, a
// scored candidate needs no more answers, and a candidate's record is the mean raw score of its answers.
import { describe, expect, it } from 'vitest';
import { generationSlots, pendingGenerations, planRun } from '../../../src/core/run/orchestration/work-plan';
import { generationSlot, resultSlot } from '../../../src/core/run/run-progress';
import { readGeneration } from '../../../src/core/run/record-read';
import type { GenerationRecord } from '../../../src/core/run/run-records';
import { readRun } from '../../../src/core/run/run-read';
import { draftRun } from '../../../src/core/run/run-types';
import { MissingScoreError, scoredCandidate } from '../../../src/core/verifiers/score-records';
import { isScoreKind, predictionMethod, verifierKind } from '../../../src/core/verifiers/verifier-kind';
import { demoDataset, runInput, verifier } from '../run/run-fixtures';

const dataset = demoDataset();

function answer(shownRank: number, sampleIndex: number, score: number | undefined, error: string | null = null): GenerationRecord {
  return {
    runId: 'r', taskId: 'Demo/0', shownRank, sampleIndex, tests: [], error, malformedCount: 0, rawResponse: `reward:${score}`, usage: null, finishReason: 'stop',
    request: { backend: 'openai', model: 'm', variant: 'instruction+solution', messages: [], sampling: { temperature: 0, topP: 1, maxTokens: 10, seed: null } },
    timings: { startedAt: 0, firstTokenMs: null, totalMs: 5 },
    ...(score === undefined ? {} : { score }),
  };
}

describe('scoring kinds in the plan', () => {
  it('ask once per candidate and sample, even when the stored variant says instruction', () => {
    const plan = planRun(['Demo/0'], verifier({ kind: 'judge', variant: 'instruction', samplesPerProblem: 2 }), dataset);
    const ranks = dataset.problems[0]!.candidates.map((c) => c.rank);
    expect(plan.problems[0]!.scored).toBe(true);
    expect(generationSlots(plan.problems[0]!).map((s) => [s.shownRank, s.sampleIndex])).toEqual(ranks.flatMap((r) => [[r, 0], [r, 1]]));
    expect(plan.generationsTotal).toBe(ranks.length * 2);
    expect(planRun(['Demo/0'], verifier({ variant: 'instruction' }), dataset).problems[0]!.scored).toBe(false);
  });

  it('need no answer for a candidate already scored (a resume from an evaluation file)', () => {
    const planned = planRun(['Demo/0'], verifier({ kind: 'reward', samplesPerProblem: 1 }), dataset).problems[0]!;
    const finished = new Set([generationSlot('Demo/0', 2, 0)]);
    const scored = new Set([resultSlot('Demo/0', 1)]);
    expect(pendingGenerations(planned, finished, scored).map((s) => s.shownRank)).toEqual(planned.ranks.filter((r) => r > 2));
    // A test run's results never stand in for its generations.
    const tests = planRun(['Demo/0'], verifier({ variant: 'instruction+solution', samplesPerProblem: 1 }), dataset).problems[0]!;
    expect(pendingGenerations(tests, finished, scored).map((s) => s.shownRank)).toEqual(tests.ranks.filter((r) => r !== 2));
  });

  it('read rewards and judge scores the same way: raw, normalized per problem', () => {
    expect(verifierKind({})).toBe('tests');
    expect([isScoreKind('tests'), isScoreKind('reward'), isScoreKind('judge')]).toEqual([false, true, true]);
    expect([predictionMethod('tests'), predictionMethod('reward'), predictionMethod('judge')]).toEqual(['utg', 'reward', 'reward']);
  });
});

describe('scored records', () => {
  it('make a candidate from the mean raw score of its answers, with no tests', () => {
    const record = scoredCandidate('r', 'Demo/0', 2, [answer(2, 0, -3), answer(2, 1, -4.5), answer(3, 0, 9), answer(2, 2, undefined, 'no usable score: x')]);
    expect(record).toEqual({ runId: 'r', taskId: 'Demo/0', rank: 2, tests: [], passed: 0, total: 0, predicted: -3.75, uncompilable: [], compileError: null, ms: 15 });
    expect(() => scoredCandidate('r', 'Demo/0', 4, [answer(2, 0, 1)])).toThrow(MissingScoreError);
  });

  it('keep score and attributes through the record reader, and refuse a bad one', () => {
    const g = { ...answer(1, 0, -3.25), attributes: { reward: -3.25 } };
    expect(readGeneration(g)).toEqual(g);
    expect(readGeneration(answer(1, 0, undefined))).not.toHaveProperty('score');
    expect(() => readGeneration({ ...g, score: 'high' })).toThrow(/generation.score: expected a finite number/);
    expect(() => readGeneration({ ...g, attributes: { reward: null } })).toThrow(/generation.attributes.reward/);
  });

  it('keep the kind and its settings in the run record; old runs read as test runs', () => {
    const make = (overrides: Parameters<typeof verifier>[0]) => draftRun(runInput(dataset, 'b'.repeat(64), { verifier: verifier(overrides) }), 'id', 1);
    const reward = make({ kind: 'reward', reward: { weights: { helpfulness: 0.5, correctness: 2 } } });
    expect(readRun(reward).verifier).toMatchObject({ kind: 'reward', reward: { weights: { helpfulness: 0.5, correctness: 2 } } });
    const judge = make({ kind: 'judge', judge: { min: 1, max: 5 } });
    expect(readRun(judge).verifier).toMatchObject({ kind: 'judge', judge: { min: 1, max: 5 } });
    const old = make({});
    expect(readRun(old).verifier).not.toHaveProperty('kind');
    expect(() => readRun({ ...judge, verifier: { ...judge.verifier, judge: { min: 5, max: 1 } } })).toThrow(/run.verifier.judge: the scale's minimum/);
    expect(() => readRun({ ...judge, verifier: { ...judge.verifier, kind: 'oracle' } })).toThrow(/run.verifier.kind: expected one of tests, reward, judge/);
    expect(() => readRun({ ...reward, verifier: { ...reward.verifier, reward: { weights: {} } } })).toThrow(/run.verifier.reward.weights: names no attribute/);
  });
});
