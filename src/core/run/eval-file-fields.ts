// Field names of the authors' evaluation file (one JSON line per solution) and where each method's prediction lives.
import type { SplitName } from '../dataset/types';
import type { PredictionMethod } from '../metrics/types';

/** Accepted `dataset` values: the authors' four, plus DEMO for the bundled dataset. */
export const EVAL_SPLITS: readonly SplitName[] = ['HE_base', 'HE_plus', 'MBPP_base', 'MBPP_plus', 'DEMO'];

/** Path of the predicted score per method: `average_test_score` (utg) or nested `reward.reward_score`. */
export const PREDICTION_FIELD: Record<PredictionMethod, readonly string[]> = {
  utg: ['average_test_score'],
  reward: ['reward', 'reward_score'],
};

/** The dotted name used in error messages, e.g. "reward.reward_score". */
export function predictionFieldName(method: PredictionMethod): string {
  return PREDICTION_FIELD[method].join('.');
}
