// Scorers: ways to turn one problem's execution matrix into a predicted score per candidate, with no new
// generation or execution. Each sees only the tests it is given (all of them, or a scaling draw's subset).
import { ZERO_TESTS_SCORE } from '../run/orchestration/candidate-tests';
import type { PredictionMethod } from '../metrics/types';
import type { MatrixProblem } from './execution-matrix';

/**
 * - 'fraction' (the paper's): the fraction of its tests a candidate passes. With the instruction + solution
 *   variant each candidate is scored on the tests written while it was shown, which is the paper's reading of
 *   that variant.
 * - 'codet' (CodeT's dual execution agreement): candidates passing exactly the same tests form a group, each
 *   scored (group size) x (tests passed); a raw score, min-max normalized per problem for MAE/R^2 as a reward.
 *   Does not apply to the instruction + solution variant: agreement needs candidates run on the same tests, and
 *   there each ran its own, so equal pass patterns say nothing about agreement.
 * - 'valid-only': the fraction passed of the valid tests only, those the rank-1 (canonical) solution passes;
 *   a wrong test no longer counts against correct code. With no valid test every candidate scores
 *   ZERO_TESTS_SCORE; a problem without a rank-1 candidate keeps all its tests. Does not apply to the
 *   instruction + solution variant: the canonical solution ran only its own tests, so the validity of the
 *   tests written for other candidates is unknown.
 */
export type ScorerName = 'fraction' | 'codet' | 'valid-only';

export const SCORER_NAMES: readonly ScorerName[] = ['fraction', 'codet', 'valid-only'];

/** How a scorer's scores enter MAE and R^2: pass fractions as is, CodeT's raw scores normalized per problem. */
export function scorerMethod(scorer: ScorerName): PredictionMethod {
  return scorer === 'codet' ? 'reward' : 'utg';
}

/** A scorer asked of a matrix it does not apply to. */
export class ScorerInputError extends Error {
  override readonly name = 'ScorerInputError';
}

/**
 * Scores of a problem's candidates (paired with `problem.ranks`) on the tests `columns` (indices into the shared
 * tests; all tests when omitted). With per-candidate tests (`shared` false) only 'fraction' applies, and
 * `columnsPerRow` may give each candidate its own subset.
 */
export function scoreProblem(problem: MatrixProblem, scorer: ScorerName, columns?: ArrayLike<number>, columnsPerRow?: ReadonlyArray<ArrayLike<number>>): number[] {
  if (!problem.shared && scorer !== 'fraction') throw new ScorerInputError(`the ${scorer} scorer needs candidates run on shared tests (the instruction variant); this run gave each candidate its own tests`);
  const rows = problem.pass;
  const cols = (row: number) => columnsPerRow?.[row] ?? columns ?? allColumns(rows[row].length);
  if (scorer === 'fraction') return rows.map((row, i) => fractionPassed(row, cols(i)));
  const use = cols(0);
  if (scorer === 'codet') return codetScores(rows, use);
  const canonical = problem.ranks.indexOf(1);
  if (canonical < 0) return rows.map((row) => fractionPassed(row, use));
  const valid: number[] = [];
  for (let j = 0; j < use.length; j += 1) if (rows[canonical][use[j]] === 1) valid.push(use[j]);
  return rows.map((row) => fractionPassed(row, valid));
}

function fractionPassed(row: Uint8Array, columns: ArrayLike<number>): number {
  if (columns.length === 0) return ZERO_TESTS_SCORE;
  let passed = 0;
  for (let j = 0; j < columns.length; j += 1) passed += row[columns[j]];
  return passed / columns.length;
}

function codetScores(rows: readonly Uint8Array[], columns: ArrayLike<number>): number[] {
  const signatures = rows.map((row) => {
    let text = '';
    for (let j = 0; j < columns.length; j += 1) text += row[columns[j]] === 1 ? '1' : '0';
    return text;
  });
  const sizes = new Map<string, number>();
  for (const s of signatures) sizes.set(s, (sizes.get(s) ?? 0) + 1);
  return signatures.map((s) => sizes.get(s)! * [...s].filter((c) => c === '1').length);
}

function allColumns(n: number): Uint32Array {
  return Uint32Array.from({ length: n }, (_, j) => j);
}
