// Bootstrap samples and percentile intervals for fixed resample index lists, against numpy (make_compare_goldens.py).
import { describe, expect, it } from 'vitest';
import { bootstrapIntervals, bootstrapSamples } from '../../../src/core/metrics/bootstrap';
import { groupProblemsBySplit } from '../../../src/core/metrics/group-problems';
import { resampleDrawsOf } from '../../../src/core/metrics/resample';
import { splitParts } from '../../../src/core/metrics/split-metrics';
import { METRIC_NAMES, splitTable } from '../../../src/core/metrics/split-table';
import { compareGoldens } from '../../fixtures/metrics/compare-goldens';

const DIGITS = 9;

describe.each(compareGoldens.bootstrap.map((c) => [c.name, c] as const))('bootstrap golden %s', (_name, golden) => {
  const problems = groupProblemsBySplit(golden.solutions).get(golden.split)!;
  const parts = splitParts(problems, golden.method);
  const draws = resampleDrawsOf(golden.indices, problems.length);

  it('recomputes every metric of every resample on the drawn problems', () => {
    expect(draws.count).toBe(golden.samples.length);
    const samples = bootstrapSamples(splitTable(parts), draws);
    golden.samples.forEach((row, r) => {
      row.forEach((value, m) => expect(samples[r * 6 + m], `resample ${r} ${METRIC_NAMES[m]}`).toBeCloseTo(value, DIGITS));
    });
  });

  it('takes the 2.5th and 97.5th percentiles as numpy does', () => {
    const intervals = bootstrapIntervals(parts, draws);
    for (const name of METRIC_NAMES) {
      expect(intervals[name].low, `${name} low`).toBeCloseTo(golden.intervals[name][0], DIGITS);
      expect(intervals[name].high, `${name} high`).toBeCloseTo(golden.intervals[name][1], DIGITS);
    }
  });

  it('draws problems with repeats, so the fixture exercises duplicates', () => {
    expect(golden.indices.some((list) => new Set(list).size < list.length)).toBe(true);
  });
});

describe('resampleDrawsOf', () => {
  it('refuses lists of the wrong length or with indices out of range', () => {
    expect(() => resampleDrawsOf([[0, 1]], 3)).toThrow(/2 indices, expected 3/);
    expect(() => resampleDrawsOf([[0, 3, 1]], 3)).toThrow(/outside 0..2/);
  });
});
