// `verifier-lab metrics FILE.jsonl [--method utg|reward] [--ci [--resamples N] [--seed S]] [--json]`: the paper's
// six metrics of an evaluation file, optionally with bootstrap intervals.
import { intervalsBySplit } from '../../core/compare/split-intervals';
import { DEFAULT_RESAMPLES } from '../../core/metrics/bootstrap';
import { computeMetricsBySplit } from '../../core/metrics/split-metrics';
import { fileArgs, parseCommandArgs } from '../command-args';
import { CliUsageError, defineCommand } from '../cli-io';
import { formatIntervalsTable, formatMetricsTable, metricsJson } from '../format-metrics';
import { methodOption, readEvalFile } from '../read-eval-file';
import { resamplesOption, seedOption } from './compare-options';

const usage = `Usage: verifier-lab metrics FILE.jsonl [--method utg|reward] [--ci [--resamples N] [--seed S]] [--json]

Top-1, Bottom-1, Spearman, Kendall tau-b, MAE and R^2 per split of an evaluation file
(one JSON line per solution: dataset, task_id, rank, ground_average_test_score, and the prediction).

Options:
  --method utg     predictions are generated-test pass fractions in "average_test_score" (default)
  --method reward  predictions are raw rewards in "reward.reward_score", min-max normalized per problem
  --json           print one JSON object keyed by split with top1, bottom1, spearman, kendall, mae, r2,
                   problems, solutions
  --ci             add 95% bootstrap intervals: problems resampled with replacement, every metric recomputed on
                   the drawn problems (MAE and R^2 pooled over their solutions), percentile interval; with --json
                   each split gets "ci": {"top1": [lo, hi], "bottom1": ..., "spearman", "kendall", "mae", "r2"}
  --resamples N    bootstrap resamples (default ${DEFAULT_RESAMPLES}; with --ci)
  --seed S         PRNG seed, 0 to 4294967295 (default 0; the same seed gives the same intervals; with --ci)
  -h, --help       show this text

Exit codes: 0 ok, 2 bad input (usage, unreadable file, malformed line), 1 unexpected error.
`;

export const metricsCommand = defineCommand({ name: 'metrics', summary: 'Top-1, Bottom-1, Spearman, Kendall, MAE and R^2 per split of an evaluation file', usage }, async (args, io) => {
  const { values, positionals } = parseOptions(args);
  const [file] = fileArgs(positionals, ['FILE.jsonl']) as [string];
  const method = methodOption(values.method);
  if (!values.ci && (values.resamples !== undefined || values.seed !== undefined)) throw new CliUsageError('--resamples and --seed need --ci');
  const solutions = await readEvalFile(file, method);
  if (solutions.length === 0) throw new CliUsageError(`${file}: no evaluation lines`);
  const metrics = computeMetricsBySplit(solutions, method);
  if (!values.ci) {
    io.stdout(values.json ? `${JSON.stringify(metricsJson(metrics), null, 2)}\n` : `${file} (method ${method})\n\n${formatMetricsTable(metrics)}`);
    return 0;
  }
  const resamples = resamplesOption(values.resamples, DEFAULT_RESAMPLES);
  const seed = seedOption(values.seed);
  const ci = intervalsBySplit(solutions, method, { resamples, seed });
  if (values.json) {
    const json = Object.fromEntries(Object.entries(metricsJson(metrics)).map(([split, m]) => [split, { ...m, ci: ci[split as keyof typeof ci] }]));
    io.stdout(`${JSON.stringify(json, null, 2)}\n`);
  } else {
    const about = `95% bootstrap intervals (${resamples} resamples of problems, seed ${seed})`;
    io.stdout(`${file} (method ${method})\n\n${formatMetricsTable(metrics)}\n${about}\n\n${formatIntervalsTable(ci)}`);
  }
  return 0;
});

function parseOptions(args: string[]) {
  return parseCommandArgs(args, {
    method: { type: 'string', default: 'utg' },
    json: { type: 'boolean', default: false },
    ci: { type: 'boolean', default: false },
    resamples: { type: 'string' },
    seed: { type: 'string' },
  });
}
