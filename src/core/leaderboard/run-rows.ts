// The rows of a stored run, by its kind: the one place a run's kind picks its leaderboard builder (a new run kind
// adds its case here and a builder beside tests-run-rows.ts).
import { isScoreKind, ranksCandidates, verifierKind } from '../verifiers/verifier-kind';
import type { RowSource } from './row-types';
import { scoreRunRows } from './score-run-rows';
import { testsRunRows, type TestsRunData } from './tests-run-rows';

export function runRows(data: TestsRunData): RowSource[] {
  const kind = verifierKind(data.run.verifier);
  // A refinement run ranks nothing: it has no row (its report is on its own page).
  if (!ranksCandidates(kind)) return [];
  return isScoreKind(kind) ? scoreRunRows(data, kind) : testsRunRows(data);
}
