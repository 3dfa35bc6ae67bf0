// Plain-language explanations of the paper's six metrics, shown beside every metrics table header and on the Learn
// page. Our own words; the exact definitions are in README "Metric semantics".
import type { MetricName } from '../../../core/metrics/types';

export interface MetricHelpText {
  /** What it measures, in one or two sentences. */
  what: string;
  /** Its range and which way is better. */
  range: string;
  /** One more thing worth knowing (ties, negative values), or null. */
  note: string | null;
}

export const METRIC_HELP: Record<MetricName, MetricHelpText> = {
  top1: {
    what: 'How often the verifier puts the truly best solution of a problem at the top. Averaged over problems.',
    range: '0% to 100%; higher is better.',
    note: 'Ties get 1/|group| credit: if the verifier gives its highest score to 3 solutions and the best one is among them, the problem counts 1/3, as if the verifier picked one of the three at random.',
  },
  bottom1: {
    what: 'How often the verifier puts the truly worst solution of a problem at the bottom. Averaged over problems.',
    range: '0% to 100%; higher is better.',
    note: 'Ties get 1/|group| credit, as for Top-1: a tie of 2 at the lowest score that holds the worst solution counts 1/2.',
  },
  spearman: {
    what: 'How well the verifier’s order of a problem’s solutions matches the true order, from the ranks alone (Spearman’s rho). Averaged over problems.',
    range: '−1 (exactly reversed) to 1 (same order); 0 means no relation; higher is better.',
    note: 'A problem where the coefficient is undefined, e.g. every solution got the same score, counts as 0.',
  },
  kendall: {
    what: 'The share of solution pairs the verifier orders the right way minus the share it orders the wrong way, with a correction for ties (Kendall’s tau-b). Averaged over problems.',
    range: '−1 to 1; higher is better. Usually closer to 0 than Spearman for the same data.',
    note: 'Undefined coefficients (all scores tied) count as 0.',
  },
  mae: {
    what: 'Mean absolute error: how far the verifier’s score is from the true score (fraction of ground-truth tests passed), on average over all solutions of the dataset.',
    range: '0 (exact) to 1; lower is better.',
    note: 'Reward scores are first stretched to 0..1 within each problem (min-max), so only their spread inside a problem matters.',
  },
  r2: {
    what: 'R²: how much of the spread of the true scores the verifier’s scores explain, over all solutions of the dataset: 1 − (squared errors) / (spread of the true scores around their mean).',
    range: 'At most 1 (perfect); 0 is no better than always guessing the average true score; higher is better.',
    note: 'R² can be negative: a verifier whose scores are further from the truth than that constant guess has squared errors larger than the spread, so 1 − (more than 1) is below 0.',
  },
};
