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

/** The six metric names, in the paper's table order. */
export type MetricName = 'top1' | 'bottom1' | 'spearman' | 'kendall' | 'mae' | 'r2';

/** One problem's solutions, grouped by (split, taskId) as the authors' evaluation groups them. */
export interface ProblemGroup {
  split: SplitName;
  taskId: string;
  /** In input order. */
  solutions: ScoredSolution[];
}

/** Ranking metrics of one problem; an undefined correlation is already counted as 0. */
export interface ProblemMetrics {
  top1: number;
  bottom1: number;
  spearman: number;
  kendall: number;
}

/** Metrics per split, keyed in SPLIT_ORDER; splits with no solutions are absent. */
export type MetricsBySplit = Partial<Record<SplitName, SplitMetrics>>;
