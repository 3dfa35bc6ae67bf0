// Filtering by facts, the split column groups shown, and sorting by any column with missing numbers last.
import { describe, expect, it } from 'vitest';
import { factValues, filterRows, NO_FILTERS, sortRows, visibleSplits } from '../../../src/core/leaderboard/table-view';
import { facts, metrics, row } from './fixtures';

const a = row('alpha', { DEMO: { metrics: metrics({ top1: 0.9, mae: 0.3 }), intervals: null } }, { facts: facts({ scorer: 'fraction', model: 'm1' }) });
const b = row('beta', { DEMO: { metrics: metrics({ top1: 0.6, mae: 0.1 }), intervals: null }, HE_base: { metrics: metrics({}), intervals: null } }, { facts: facts({ datasets: ['Demo-R', 'HE-R'], scorer: 'CodeT', model: 'm2' }) });
const c = row('Gamma', {}, { facts: facts({ scorer: 'valid-only', variant: 'instruction+solution' }) });
const d = row('delta', { DEMO: { metrics: metrics({ top1: 0.9, mae: 0.2 }), intervals: null } });

describe('filterRows and factValues', () => {
  it('keeps rows matching every filter; a dataset matches any of a row’s datasets', () => {
    expect(filterRows([a, b, c], NO_FILTERS)).toEqual([a, b, c]);
    expect(filterRows([a, b, c], { ...NO_FILTERS, datasets: 'HE-R' })).toEqual([b]);
    expect(filterRows([a, b, c], { ...NO_FILTERS, datasets: 'Demo-R', scorer: 'CodeT' })).toEqual([b]);
    expect(filterRows([a, b, c], { ...NO_FILTERS, variant: 'instruction+solution' })).toEqual([c]);
    expect(filterRows([a, b, c], { ...NO_FILTERS, model: 'nope' })).toEqual([]);
  });

  it('lists the distinct values of each fact, sorted', () => {
    expect(factValues([a, b, c])).toEqual({
      datasets: ['Demo-R', 'HE-R'],
      backend: ['file'],
      model: ['m1', 'm2', 'tests.jsonl'],
      variant: ['instruction', 'instruction+solution'],
      scorer: ['CodeT', 'fraction', 'valid-only'],
    });
  });
});

describe('visibleSplits', () => {
  it('shows every split some row has, in report order, or only the filtered dataset', () => {
    expect(visibleSplits([a, b, c])).toEqual(['HE_base', 'DEMO']);
    expect(visibleSplits([a, b, c], 'Demo-R')).toEqual(['DEMO']);
    expect(visibleSplits([c])).toEqual([]);
  });
});

describe('sortRows', () => {
  const top1 = { kind: 'number', split: 'DEMO', key: 'top1' } as const;
  it('sorts by a metric either way, stable on ties, rows without the number last', () => {
    expect(sortRows([c, a, b, d], { column: top1, direction: 'descending' }).map((r) => r.name)).toEqual(['alpha', 'delta', 'beta', 'Gamma']);
    expect(sortRows([c, a, b, d], { column: top1, direction: 'ascending' }).map((r) => r.name)).toEqual(['beta', 'alpha', 'delta', 'Gamma']);
    expect(sortRows([a, d], { column: { kind: 'number', split: 'DEMO', key: 'mae' }, direction: 'ascending' }).map((r) => r.name)).toEqual(['delta', 'alpha']);
    expect(sortRows([a, b], { column: { kind: 'number', split: 'HE_base', key: 'problems' }, direction: 'ascending' }).map((r) => r.name)).toEqual(['beta', 'alpha']);
  });

  it('sorts by name, case-insensitively by locale', () => {
    expect(sortRows([c, a, b, d], { column: { kind: 'name' }, direction: 'ascending' }).map((r) => r.name)).toEqual(['alpha', 'beta', 'delta', 'Gamma']);
    expect(sortRows([c, a, b, d], { column: { kind: 'name' }, direction: 'descending' }).map((r) => r.name)).toEqual(['Gamma', 'delta', 'beta', 'alpha']);
  });
});
