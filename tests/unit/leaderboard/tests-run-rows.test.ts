// A tests run becomes three rows (fraction, CodeT, valid-only) over the problems it finished; the
// instruction + solution variant gets reasons instead of CodeT/valid-only numbers; a missing dataset keeps the
// stored metrics without intervals.
import { describe, expect, it } from 'vitest';
import { scoredSolutionsOf } from '../../../src/core/compare/analysis-input';
import { NOT_APPLICABLE, testsRunRows } from '../../../src/core/leaderboard/tests-run-rows';
import { computeMetricsBySplit } from '../../../src/core/metrics/split-metrics';
import { dataset, demoRecords, demoRun, metrics } from './fixtures';

describe('testsRunRows', () => {
  it('gives one row per scorer with the facts the filters use', () => {
    const rows = testsRunRows({ run: demoRun(3), dataset, results: demoRecords(3) });
    expect(rows.map((r) => [r.id, r.name, r.facts.scorer, r.kind])).toEqual([
      ['run:run-1:fraction', 'demo run', 'fraction', 'tests'],
      ['run:run-1:codet', 'demo run · CodeT', 'CodeT', 'tests'],
      ['run:run-1:valid-only', 'demo run · valid-only', 'valid-only', 'tests'],
    ]);
    expect(rows[0]!.facts).toEqual({ datasets: ['Demo-R'], backend: 'OpenAI-compatible', model: 'oracle-writer', variant: 'instruction', scorer: 'fraction' });
    expect(rows.every((r) => r.note === null && r.input?.kind === 'matrix')).toBe(true);
  });

  it('scores the fraction row exactly as the run scored its candidates', () => {
    const results = demoRecords(3);
    const [fraction] = testsRunRows({ run: demoRun(3), dataset, results });
    const { solutions, method } = scoredSolutionsOf(fraction!.input!);
    const expected = results.map((r) => ({ split: 'DEMO' as const, taskId: r.taskId, rank: r.rank, groundScore: dataset.problems.find((p) => p.taskId === r.taskId)!.candidates.find((c) => c.rank === r.rank)!.score, predicted: r.predicted }));
    expect(computeMetricsBySplit(solutions, method)).toEqual(computeMetricsBySplit(expected, 'utg'));
  });

  it('covers only the problems whose every candidate has a result, and says so', () => {
    const results = demoRecords(3).filter((r) => !(r.taskId === 'Demo/2' && r.rank === 2));
    const [fraction] = testsRunRows({ run: demoRun(3), dataset, results });
    expect(fraction!.note).toBe('2 of 3 problems finished; the numbers cover those.');
    expect(fraction!.input?.kind === 'matrix' && fraction!.input.problems.map((p) => p.taskId)).toEqual(['Demo/0', 'Demo/1']);
  });

  it('explains why CodeT and valid-only do not apply to the instruction + solution variant', () => {
    const rows = testsRunRows({ run: demoRun(2, {}, 'instruction+solution'), dataset, results: demoRecords(2) });
    expect(rows[0]!.input?.kind).toBe('matrix');
    expect(rows[1]!.input).toBeNull();
    expect(rows[1]!.note).toBe(NOT_APPLICABLE.codet);
    expect(rows[2]!.note).toBe(NOT_APPLICABLE['valid-only']);
    expect(rows[2]!.facts.variant).toBe('instruction+solution');
  });

  it('shows the stored metrics without intervals when the dataset is not stored here', () => {
    const stored = { DEMO: metrics({ top1: 0.75 }) };
    const rows = testsRunRows({ run: demoRun(2, { metrics: stored }), dataset: null, results: [] });
    expect(rows[0]!.known).toEqual({ DEMO: { metrics: stored.DEMO, intervals: null } });
    expect(rows[0]!.note).toMatch(/not stored in this browser: the stored metrics are shown, without intervals/);
    expect(rows[1]!.known).toBeNull();
  });
});
