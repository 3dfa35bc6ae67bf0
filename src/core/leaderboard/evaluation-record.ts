// An imported evaluation file (the authors' format) as the leaderboard keeps it: parsed, checked, and stored whole.
import type { SplitName } from '../dataset/types';
import type { PredictionMethod, ScoredSolution } from '../metrics/types';

/** One stored evaluation file. */
export interface StoredEvaluation {
  /** Random id. */
  id: string;
  /** Display name (the file name without extension unless the user named it). */
  name: string;
  fileName: string;
  /** How the predictions are read: pass fractions (utg) or rewards min-max normalized per problem (reward). */
  method: PredictionMethod;
  /** Epoch milliseconds. */
  addedAt: number;
  /** Splits present, in report order. */
  splits: SplitName[];
  solutions: ScoredSolution[];
}
