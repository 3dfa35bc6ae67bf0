// `verifier-lab compare A.jsonl B.jsonl`: two evaluations of the same problems, metric by metric: B - A with its
// paired-bootstrap interval and how often B is better, then the problems where they disagree most.
import { compareEvaluations, type SplitComparison } from '../../core/compare/compare-files';
import { CompareInputError } from '../../core/compare/paired';
import { DEFAULT_RESAMPLES } from '../../core/metrics/bootstrap';
import { METRIC_NAMES } from '../../core/metrics/split-table';
import { fileArgs, parseCommandArgs } from '../command-args';
import { CliUsageError, defineCommand } from '../cli-io';
import { alignedTable } from '../format-metrics';
import { methodOption, readEvalFile } from '../read-eval-file';
import { resamplesOption, seedOption } from './compare-options';

const usage = `Usage: verifier-lab compare A.jsonl B.jsonl [--method-a utg|reward] [--method-b utg|reward]
                              [--resamples N] [--seed S] [--json | --markdown]

Compares two evaluation files of the same problems (two verifiers, two prompt variants, two runs), split by split
for the splits both hold: each of Top-1, Bottom-1, Spearman, Kendall, MAE, R^2 for A and B, the difference B - A,
its 95% paired-bootstrap interval (problems resampled with replacement, the same drawn problems for both) and the
share of resamples where B is better (for MAE: lower); then the problems where the two disagree most (largest
per-problem Spearman gap, then Top-1 gap). A shared split must hold the same problems and candidates in both.

Options:
  --method-a M     how A's predictions are read: utg (average_test_score, default) or reward (reward.reward_score)
  --method-b M     the same for B
  --resamples N    bootstrap resamples (default ${DEFAULT_RESAMPLES})
  --seed S         PRNG seed, 0 to 4294967295 (default 0)
  --json           print one object keyed by split: {"top1": {"a", "b", "diff", "lo", "hi", "p_better"}, ... for the
                   six metrics, "problems": n, "disagreements": [{"task_id", "spearman_a", "spearman_b", "top1_a",
                   "top1_b"}, ...]}
  --markdown       print a Markdown table per split
  -h, --help       show this text

Exit codes: 0 ok, 2 bad input (usage, unreadable file, malformed line, no shared split, different problems),
1 unexpected error.
`;

export const compareCommand = defineCommand({ name: 'compare', summary: 'Paired comparison of two evaluation files: B - A per metric with bootstrap intervals', usage }, async (args, io) => {
  const { values, positionals } = parseCommandArgs(args, {
    'method-a': { type: 'string', default: 'utg' },
    'method-b': { type: 'string', default: 'utg' },
    resamples: { type: 'string' },
    seed: { type: 'string' },
    json: { type: 'boolean', default: false },
    markdown: { type: 'boolean', default: false },
  });
  const [fileA, fileB] = fileArgs(positionals, ['A.jsonl', 'B.jsonl']) as [string, string];
  if (values.json && values.markdown) throw new CliUsageError('--json and --markdown exclude each other');
  const methodA = methodOption(values['method-a'], '--method-a');
  const methodB = methodOption(values['method-b'], '--method-b');
  const resamples = resamplesOption(values.resamples, DEFAULT_RESAMPLES);
  const seed = seedOption(values.seed);
  const solutionsA = await readEvalFile(fileA, methodA, '--method-a');
  const solutionsB = await readEvalFile(fileB, methodB, '--method-b');
  for (const [file, solutions] of [[fileA, solutionsA], [fileB, solutionsB]] as const) if (solutions.length === 0) throw new CliUsageError(`${file}: no evaluation lines`);
  let result;
  try {
    result = compareEvaluations({ solutions: solutionsA, method: methodA }, { solutions: solutionsB, method: methodB }, { resamples, seed });
  } catch (error) {
    if (error instanceof CompareInputError) throw new CliUsageError(`${fileA} vs ${fileB}: ${error.message}`);
    throw error;
  }
  for (const split of result.onlyA) io.stderr(`compare: ${split} is only in ${fileA}; left out\n`);
  for (const split of result.onlyB) io.stderr(`compare: ${split} is only in ${fileB}; left out\n`);
  if (values.json) io.stdout(`${JSON.stringify(compareJson(result.splits), null, 2)}\n`);
  else if (values.markdown) io.stdout(result.splits.map(markdownTable).join('\n'));
  else io.stdout(`A: ${fileA} (method ${methodA})\nB: ${fileB} (method ${methodB})\n${resamples} paired resamples of problems, seed ${seed}\n\n${result.splits.map(textTable).join('\n')}`);
  return 0;
});

/** The --json contract (additive changes only): per split, the six metrics, then problems and disagreements. */
export function compareJson(splits: readonly SplitComparison[]) {
  return Object.fromEntries(
    splits.map((s) => [
      s.split,
      {
        ...Object.fromEntries(METRIC_NAMES.map((name) => {
          const m = s.metrics[name];
          return [name, { a: m.a, b: m.b, diff: m.diff, lo: m.lo, hi: m.hi, p_better: m.pBetter }];
        })),
        problems: s.problems,
        disagreements: s.disagreements.map((d) => ({ task_id: d.taskId, spearman_a: d.spearmanA, spearman_b: d.spearmanB, top1_a: d.top1A, top1_b: d.top1B })),
      },
    ]),
  );
}

const HEADER = ['metric', 'A', 'B', 'B - A', '95% CI', 'P(B better)'];

function rows(s: SplitComparison): string[][] {
  return METRIC_NAMES.map((name) => {
    const m = s.metrics[name];
    return [name, m.a.toFixed(4), m.b.toFixed(4), signed(m.diff), `[${signed(m.lo)}, ${signed(m.hi)}]`, m.pBetter.toFixed(3)];
  });
}

function textTable(s: SplitComparison): string {
  const worst = s.disagreements.slice(0, 5).map((d) => `  ${d.taskId}: spearman ${d.spearmanA.toFixed(2)} vs ${d.spearmanB.toFixed(2)}, top1 ${d.top1A.toFixed(2)} vs ${d.top1B.toFixed(2)}`);
  const disagree = worst.length === 0 ? 'The two agree on every problem.\n' : `Most disagreement (A vs B):\n${worst.join('\n')}\n`;
  return `${s.split} (${s.problems} problems)\n${alignedTable(HEADER, rows(s))}${disagree}`;
}

function markdownTable(s: SplitComparison): string {
  const line = (cells: readonly string[]) => `| ${cells.join(' | ')} |`;
  return [`**${s.split}** (${s.problems} problems)`, '', line(HEADER), line(['---', ...HEADER.slice(1).map(() => '---:')]), ...rows(s).map(line), ''].join('\n');
}

function signed(x: number): string {
  return `${x >= 0 ? '+' : '-'}${Math.abs(x).toFixed(4)}`;
}
