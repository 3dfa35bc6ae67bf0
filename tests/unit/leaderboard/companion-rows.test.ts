// A run and its copy on the companion split (testsFrom) become one row per scorer with both splits, whose cells are
// exactly the two runs' cells; anything else (no link, another verifier, a deleted source, other benchmarks) stays apart.
import { describe, expect, it } from 'vitest';
import { rowCells } from '../../../src/core/compare/analysis-api';
import { inputForSplit, matrixOfSplit, scoredSolutionsOf } from '../../../src/core/compare/analysis-input';
import { joinCompanionRows } from '../../../src/core/leaderboard/companion-rows';
import { testsRunRows } from '../../../src/core/leaderboard/tests-run-rows';
import type { Run } from '../../../src/core/run/run-types';
import { dataset, demoRecords, demoRun } from './fixtures';

const base = demoRun(3, { id: 'base', name: 'HE-R run', split: 'HE_base' });
const plus = demoRun(3, { id: 'plus', name: 'HE-R+ copy', split: 'HE_plus', testsFrom: 'base' });
// The copy's results differ from the source's (other candidates in a real HE-R+), so the two splits' numbers differ.
const plusRecords = demoRecords(3).map((r) => ({ ...r, runId: 'plus', predicted: r.rank === 1 ? 0 : r.predicted }));
const rowsOf = (run: Run, records = demoRecords(3)) => testsRunRows({ run, dataset, results: records });

describe('joinCompanionRows', () => {
  it('folds the copy into the source: one row per scorer with both splits, in the source row’s place', () => {
    const sources = [...rowsOf(base), ...rowsOf(plus, plusRecords)];
    const joined = joinCompanionRows(sources, [base, plus]);
    expect(joined.map((r) => r.id)).toEqual(['run:base:fraction', 'run:base:codet', 'run:base:valid-only']);
    for (const row of joined) {
      expect(row.facts.datasets).toEqual(['HE-R', 'HE-R+']);
      expect(row.input?.kind).toBe('splits');
      expect(row.detail).toContain('HE-R+ scored by “HE-R+ copy” with the same tests');
    }
    const [fraction] = joined;
    const alone = [rowsOf(base)[0]!, rowsOf(plus, plusRecords)[0]!];
    const options = { resamples: 200, seed: 3 };
    expect(rowCells(fraction!.input!, options)).toEqual({ ...rowCells(alone[0]!.input!, options), ...rowCells(alone[1]!.input!, options) });
    expect(scoredSolutionsOf(inputForSplit(fraction!.input!, 'HE_plus'))).toEqual(scoredSolutionsOf(alone[1]!.input!));
    expect(matrixOfSplit(fraction!.input, 'HE_base')).toEqual(alone[0]!.input);
    expect(matrixOfSplit(fraction!.input, 'MBPP_base')).toBeNull();
    expect(fraction!.version).not.toBe(alone[0]!.version);
  });

  it('leaves rows apart without the link, across verifiers, benchmarks, or when the source is gone', () => {
    const unlinked = { ...plus, testsFrom: undefined } as Run;
    const otherModel = { ...plus, verifier: { ...plus.verifier, model: 'another' } };
    const mbpp = { ...plus, split: 'MBPP_plus' as const };
    for (const [copy, runs] of [
      [unlinked, [base, unlinked]],
      [otherModel, [base, otherModel]],
      [mbpp, [base, mbpp]],
      [plus, [plus]],
    ] as [Run, Run[]][]) {
      const sources = [...(runs.includes(base) ? rowsOf(base) : []), ...rowsOf(copy, plusRecords)];
      expect(joinCompanionRows(sources, runs)).toEqual(sources);
    }
  });

  it('joins one copy only: a second copy of the same source keeps its own rows', () => {
    const second = { ...plus, id: 'plus2', name: 'second copy' };
    const sources = [...rowsOf(base), ...rowsOf(plus, plusRecords), ...rowsOf(second)];
    const joined = joinCompanionRows(sources, [base, plus, second]);
    expect(joined.map((r) => r.id)).toEqual([
      'run:base:fraction', 'run:base:codet', 'run:base:valid-only',
      'run:plus2:fraction', 'run:plus2:codet', 'run:plus2:valid-only',
    ]);
  });
});
