// Problem filters: text words, score spread, candidate count, and the unfiltered fast path.
import { describe, expect, it } from 'vitest';
import { candidateCountRange, filterProblems, isOpenFilter, OPEN_FILTER, scoreSpread } from '../../../src/core/browse/problem-filter';

const problems = [
  { id: 'a', candidates: 3, minScore: 0, maxScore: 1, haystack: 'mbpp/1\nreverse a list' },
  { id: 'b', candidates: 5, minScore: 0.33, maxScore: 1, haystack: 'mbpp/2\ncount vowels in a string' },
  { id: 'c', candidates: 2, minScore: 0.9, maxScore: 1, haystack: 'mbpp/3\nsum a list of numbers' },
];
const ids = (list: readonly { id: string }[]) => list.map((p) => p.id);

describe('filterProblems', () => {
  it('returns the same array when nothing is filtered', () => {
    expect(filterProblems(problems, OPEN_FILTER)).toBe(problems);
    expect(isOpenFilter({ ...OPEN_FILTER, text: '  ' })).toBe(true);
  });

  it('keeps problems containing every word', () => {
    expect(ids(filterProblems(problems, { ...OPEN_FILTER, text: 'LIST' }))).toEqual(['a', 'c']);
    expect(ids(filterProblems(problems, { ...OPEN_FILTER, text: 'list sum' }))).toEqual(['c']);
  });

  it('filters by spread with displayed rounding (1 - 0.33 counts as 0.67)', () => {
    expect(scoreSpread(problems[1]!)).toBe(0.67);
    expect(ids(filterProblems(problems, { ...OPEN_FILTER, minSpread: 0.67 }))).toEqual(['a', 'b']);
    expect(ids(filterProblems(problems, { ...OPEN_FILTER, maxSpread: 0.5 }))).toEqual(['c']);
  });

  it('filters by candidate count and combines filters', () => {
    expect(ids(filterProblems(problems, { ...OPEN_FILTER, minCandidates: 3 }))).toEqual(['a', 'b']);
    expect(ids(filterProblems(problems, { ...OPEN_FILTER, minCandidates: 3, maxCandidates: 3, text: 'list' }))).toEqual(['a']);
    expect(candidateCountRange(problems)).toEqual({ min: 2, max: 5 });
    expect(candidateCountRange([])).toEqual({ min: 0, max: 0 });
  });
});
