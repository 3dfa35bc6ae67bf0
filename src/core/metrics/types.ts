// Shapes of metric inputs and outputs.
import type { SplitName } from '../dataset/types';

/** How predicted scores are interpreted: generated-test pass fractions, or raw reward scores. */
export type PredictionMethod = 'utg' | 'reward';

/** One solution's truth and prediction, as in the authors' evaluation file. */
export interface ScoredSolution {
  split: SplitName;
  taskId: string;
  /** Ground-truth rank within its problem; 1 is best. */
  rank: number;
  /** Ground-truth fraction of tests passed. */
  groundScore: number;
  /** The verifier's score (pass fraction, or raw reward before normalization). */
  predicted: number;
}

/** The paper's six metrics for one split. This shape is the CLI's --json contract. */
export interface SplitMetrics {
  top1: number;
  bottom1: number;
  spearman: number;
  kendall: number;
  mae: number;
  r2: number;
  problems: number;
  solutions: number;
}
