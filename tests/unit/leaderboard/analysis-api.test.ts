// The analysis API the worker exposes, driven directly: its cells equal the CLI's metrics and intervals (golden-
// tested in tests/unit/metrics), paired and scaling results equal the core functions', failures come back as data.
import { describe, expect, it } from 'vitest';
import { createAnalysisApi, rowCells } from '../../../src/core/compare/analysis-api';
import type { AnalysisInput } from '../../../src/core/compare/analysis-input';
import { compareEvaluations } from '../../../src/core/compare/compare-files';
import { scalingCurve } from '../../../src/core/compare/scaling';
import { intervalsBySplit } from '../../../src/core/compare/split-intervals';
import { computeMetricsBySplit } from '../../../src/core/metrics/split-metrics';
import { METRIC_NAMES } from '../../../src/core/metrics/split-table';
import type { ScoredSolution } from '../../../src/core/metrics/types';
import { testsRunRows } from '../../../src/core/leaderboard/tests-run-rows';
import { compareGoldens } from '../../fixtures/metrics/compare-goldens';
import { dataset, demoRecords, demoRun } from './fixtures';

const api = createAnalysisApi();
const golden = compareGoldens.bootstrap[0]!;
const fileInput: AnalysisInput = { kind: 'solutions', solutions: golden.solutions, method: golden.method };

describe('rowCells', () => {
  it('gives the metrics and the intervals the CLI gives for the same solutions, seed and resamples', () => {
    const result = api.rowCells(fileInput, { resamples: 300, seed: 5 });
    expect(result.ok).toBe(true);
    if (!result.ok) return;
    const metrics = computeMetricsBySplit(golden.solutions, golden.method);
    const intervals = intervalsBySplit(golden.solutions, golden.method, { resamples: 300, seed: 5 });
    expect(Object.keys(result.value)).toEqual(Object.keys(metrics));
    for (const [split, cell] of Object.entries(result.value)) {
      expect(cell.metrics).toEqual(metrics[split as keyof typeof metrics]);
      expect(cell.intervals).toEqual(intervals[split as keyof typeof intervals]);
    }
  });

  it('is deterministic for a seed and defaults to 2,000 resamples, seed 0', () => {
    expect(rowCells(fileInput)).toEqual(rowCells(fileInput, { resamples: 2000, seed: 0 }));
    expect(rowCells(fileInput, { seed: 1 })).not.toEqual(rowCells(fileInput, { seed: 2 }));
  });

  it('scores a run matrix with each scorer and reports a bad input as data', () => {
    const rows = testsRunRows({ run: demoRun(3), dataset, results: demoRecords(3) });
    for (const row of rows) expect(api.rowCells(row.input!, { resamples: 50 }).ok).toBe(true);
    const bad: AnalysisInput = { kind: 'solutions', solutions: [{ split: 'DEMO', taskId: 'x', rank: 1, groundScore: Number.NaN, predicted: 1 }], method: 'utg' };
    expect(api.rowCells(bad)).toEqual({ ok: false, error: 'DEMO x: groundScore is not a finite number (NaN)' });
    expect(api.rowCells({ kind: 'solutions', solutions: [], method: 'utg' })).toEqual({ ok: true, value: {} });
  });
});

describe('paired', () => {
  const a = compareGoldens.paired.a;
  const b = compareGoldens.paired.b;
  const split = compareGoldens.paired.split;
  it('equals compareEvaluations on the chosen split', () => {
    const result = api.paired({ kind: 'solutions', solutions: a, method: 'utg' }, { kind: 'solutions', solutions: b, method: 'utg' }, split, { resamples: 400, seed: 3 });
    const expected = compareEvaluations({ solutions: a, method: 'utg' }, { solutions: b, method: 'utg' }, { resamples: 400, seed: 3 }).splits.find((s) => s.split === split);
    expect(result).toEqual({ ok: true, value: expected });
  });

  it('says when the rows do not hold the same problems, or lack the split', () => {
    const fewer = a.filter((s) => s.taskId !== a[0]!.taskId);
    const result = api.paired({ kind: 'solutions', solutions: a, method: 'utg' }, { kind: 'solutions', solutions: fewer, method: 'utg' }, split);
    expect(result.ok === false && result.error).toMatch(/different problems/);
    const other: ScoredSolution[] = a.map((s) => ({ ...s, split: split === 'HE_plus' ? 'MBPP_plus' : 'HE_plus' }));
    expect(api.paired({ kind: 'solutions', solutions: a, method: 'utg' }, { kind: 'solutions', solutions: other, method: 'utg' }, split)).toEqual({ ok: false, error: `both rows need finished problems on ${split}` });
  });

  it('compares two scorers of one run on the same problems', () => {
    const [fraction, codet] = testsRunRows({ run: demoRun(4), dataset, results: demoRecords(4) });
    const result = api.paired(fraction!.input!, codet!.input!, 'DEMO', { resamples: 100 });
    expect(result.ok && result.value.problems).toBe(4);
  });
});

describe('scalingCurves', () => {
  it('gives scalingCurve\'s means for each requested row, inside a band over the draws', () => {
    const rows = testsRunRows({ run: demoRun(4), dataset, results: demoRecords(4) });
    const requests = rows.map((r) => ({ id: r.id, input: r.input as Extract<AnalysisInput, { kind: 'matrix' }> }));
    const result = api.scalingCurves(requests, [1, 2, 4], { draws: 20, seed: 9 });
    expect(result.ok).toBe(true);
    if (!result.ok) return;
    requests.forEach(({ id, input }, i) => {
      const curve = scalingCurve('DEMO', input.problems, [1, 2, 4], { draws: 20, seed: 9, scorer: input.scorer });
      const series = result.value[i]!;
      expect({ ...series, points: series.points.map(({ k, metrics }) => ({ k, metrics })) }).toEqual({ id, split: 'DEMO', scorer: input.scorer, points: [...curve].map(([k, metrics]) => ({ k, metrics })) });
      // A mean of equal draws can differ from them in the last bit, hence the 1e-12.
      for (const point of series.points) for (const name of METRIC_NAMES) expect(point.low[name] - 1e-12 <= point.metrics[name] && point.metrics[name] <= point.high[name] + 1e-12).toBe(true);
    });
  });

  it('reports a row without problems or a bad k as data', () => {
    const empty = { kind: 'matrix' as const, split: 'DEMO' as const, problems: [], scorer: 'fraction' as const };
    expect(api.scalingCurves([{ id: 'r', input: empty }], [1])).toEqual({ ok: false, error: 'r: no complete problem to draw tests from' });
    const one = { ...empty, problems: [{ taskId: 't', ranks: [1, 2], truth: [1, 0], pass: [Uint8Array.of(1), Uint8Array.of(0)], shared: true }] };
    expect(api.scalingCurves([{ id: 'r', input: one }], [0])).toEqual({ ok: false, error: 'k must be a positive integer (got 0)' });
  });
});
