// `verifier-lab verify DATASET.jsonl... [--split S] [--compare paper|evalplus] [--json]`: re-executes every
// candidate on its own ground truth and reports agreement with the stored scores, per split.
import { splitForDatasetName } from '../../core/dataset/split-name';
import type { CompareMode } from '../../core/run/types';
import { describeDisagreement, disagreements, reuseNote, timingNote } from '../../core/verify/verify-compare';
import type { VerifySummary } from '../../core/verify/verify-types';
import { verifyDataset, type VerifyProgress, type VerifyResult } from '../../build/verify-dataset';
import { CancelledError } from '../cli-cancel';
import { fileArgs, parseCommandArgs, splitOption } from '../command-args';
import { CliUsageError, type CliIo, type ExitCode } from '../cli-io';
import { formatElapsed, throttledProgress } from '../cli-progress';
import { readDatasetFile } from '../read-dataset-file';
import { type EngineCommandDeps, ENGINE_OPTION_SPECS, compareOption, commandCanonicalCache, limitRuleOptions, openPool, REMEASURE_HELP, engineCommand, workersOption } from './engine-options';

const usage = `Usage: verifier-lab verify DATASET.jsonl... [--split S] [--compare paper|evalplus] [--json]

Re-executes every candidate of each dataset on its own ground-truth tests (base split: the base tests;
"+" split: base + plus inputs, combined as the paper's combine step) and reports agreement with the
stored scores (equal after rounding to 2 decimals), plus every disagreement with its diff.
Progress goes to stderr; Ctrl-C cancels cleanly.
DATASET is JSON Lines (.gz accepted) or Parquet (as the Hugging Face viewer exports it; told apart by content).

Options:
  --split S            HE_base, HE_plus, MBPP_base, MBPP_plus, DEMO (or HE-R, HE-R+, MBPP-R, MBPP-R+);
                       default: from the file name
  --compare MODE       io tests: paper (printed output, the authors' harness; default) or evalplus
  --workers N          Python workers (default: one per core)
  --limit-floor-ms N   per-test time limit floor (default 100, the paper's 0.1 s)
  --limit-factor X     per-test limit as a multiple of the canonical time (default 4)
${REMEASURE_HELP}
  --show N             disagreements listed per file (default 20; all in --json)
  --strict             exit 1 when any candidate disagrees
  --json               print {files: [{file, summary, disagreements}]} on stdout
  -h, --help           show this text

Exit codes: 0 done, 1 cancelled / unexpected error / disagreement with --strict, 2 bad input.
`;

export const verifyCommand = engineCommand(
  { name: 'verify', summary: 'Re-execute every candidate on its ground truth and report agreement with the stored scores', usage, stopping: 'cancelling' },
  runVerify,
);

/** The command with injectable pool and signal (tests). */
export async function runVerify(args: string[], io: CliIo, deps: EngineCommandDeps = {}): Promise<ExitCode> {
  const { values, positionals } = parseOptions(args);
  if (positionals.length === 0) throw new CliUsageError('expected at least one DATASET.jsonl (see --help)');
  const compare = compareOption(values.compare);
  const rule = limitRuleOptions(values['limit-floor-ms'], values['limit-factor']);
  const show = values.show === undefined ? 20 : Number(values.show);
  if (!Number.isInteger(show) || show < 0) throw new CliUsageError(`--show must be a whole number (got "${values.show}")`);
  const forced = values.split === undefined ? undefined : splitOption(values.split);

  // Parse every file first: bad input fails before any worker starts.
  const datasets = [];
  for (const file of positionals) {
    const split = forced ?? splitForDatasetName(file);
    datasets.push({ file, dataset: await readDatasetFile(file, split ? { split } : {}) });
  }

  const canonicalCache = commandCanonicalCache(deps, values['remeasure-canonical']);
  const pool = (deps.createPool ?? openPool)(workersOption(values.workers));
  const results: { file: string; result: VerifyResult }[] = [];
  try {
    for (const { file, dataset } of datasets) {
      const report = throttledProgress<VerifyProgress>(io.stderr, (p, ms) =>
        `verify ${file}: ${p.problemsDone}/${p.problemsTotal} problems, ${p.candidatesDone}/${p.candidatesTotal} candidates, ${p.disagree} disagreeing (${formatElapsed(ms)})`,
      );
      const result = await verifyDataset(pool, dataset, { compare, rule, canonicalCache, signal: deps.signal, onProgress: (p) => report(p, p.problemsDone === p.problemsTotal) });
      results.push({ file, result });
    }
  } catch (error) {
    if (deps.signal?.aborted || error instanceof CancelledError) {
      io.stderr(`verify: cancelled; nothing was reported\n`);
      return 1;
    }
    throw error;
  } finally {
    await pool.close();
  }

  if (values.json) {
    const files = results.map(({ file, result }) => ({ file, ms: result.ms, summary: result.summary, disagreements: disagreements(result.outcomes) }));
    io.stdout(`${JSON.stringify({ compare, files }, jsonNumbers, 2)}\n`);
  } else {
    io.stdout(formatReport(results, compare, show));
  }
  const disagreeing = results.some(({ result }) => result.summary.disagree + result.summary.skipped > 0);
  return values.strict && disagreeing ? 1 : 0;
}

function formatReport(results: { file: string; result: VerifyResult }[], compare: CompareMode, show: number): string {
  const header = ['file', 'split', 'problems', 'candidates', 'agree', 'disagree', 'skipped', 'agreement', 'mean |diff|', 'max |diff|', 'time'];
  const rows = results.map(({ file, result }) => summaryRow(file, result.summary, result.ms));
  const widths = header.map((h, i) => Math.max(h.length, ...rows.map((r) => r[i]!.length)));
  const line = (cells: string[]) => cells.map((c, i) => (i < 2 ? c.padEnd(widths[i]!) : c.padStart(widths[i]!))).join('  ');
  const out = [`Re-verification (compare ${compare})`, '', line(header), ...rows.map(line), ''];
  for (const { file, result } of results) {
    const timing = timingNote(result.summary);
    if (timing) out.push(`${file}: ${timing} Re-run on a quieter machine, or raise the floor with --limit-floor-ms.`, '');
    const reuse = reuseNote(result.summary);
    if (reuse) out.push(`${file}: ${reuse}`, '');
    const list = disagreements(result.outcomes);
    if (list.length === 0) continue;
    out.push(`Disagreements in ${file} (${list.length}${list.length > show ? `, first ${show}` : ''}):`);
    for (const o of list.slice(0, show)) out.push(`  ${describeDisagreement(o)}`);
    out.push('');
  }
  return `${out.join('\n')}\n`;
}

function summaryRow(file: string, s: VerifySummary, ms: number): string[] {
  const pct = Number.isNaN(s.agreement) ? 'n/a' : `${(100 * s.agreement).toFixed(1)}%`;
  const diff = (x: number) => (Number.isNaN(x) ? 'n/a' : x.toFixed(3));
  return [file, s.split, String(s.problems), String(s.candidates), String(s.agree), String(s.disagree), String(s.skipped), pct, diff(s.meanAbsDiff), diff(s.maxAbsDiff), formatElapsed(ms)];
}

/** JSON has no NaN: unknown numbers become null. */
function jsonNumbers(_key: string, value: unknown): unknown {
  return typeof value === 'number' && !Number.isFinite(value) ? null : value;
}


function parseOptions(args: string[]) {
  return parseCommandArgs(args, {
    split: { type: 'string' },
    ...ENGINE_OPTION_SPECS,
    show: { type: 'string' },
    strict: { type: 'boolean', default: false },
    json: { type: 'boolean', default: false },
  });
}
