// The options `reward` and `judge` share (endpoint, key, problems, output) and the job they build from them.
import { splitForDatasetName } from '../../core/dataset/split-name';
import { selectProblems } from '../../core/run/problem-subset';
import type { VerifierConfig } from '../../core/run/run-config';
import { fileArgs, splitOption } from '../command-args';
import { readDatasetInput } from '../read-dataset-file';
import { runScoringJob, type ScoringDeps, type ScoringJob } from '../scoring-run';
import { withSigint } from '../cli-cancel';
import { CliUsageError, defineCommand, type CliCommand, type CliIo, type ExitCode } from '../cli-io';
import { numberOption } from './generate-options';

/** parseArgs options common to the scoring commands. */
export const SCORING_OPTIONS = {
  'base-url': { type: 'string' },
  model: { type: 'string' },
  'api-key-env': { type: 'string' },
  split: { type: 'string' },
  problems: { type: 'string' },
  limit: { type: 'string' },
  concurrency: { type: 'string', default: '4' },
  out: { type: 'string' },
  json: { type: 'boolean', default: false },
} as const;

/** Their help lines. */
export const SCORING_HELP = `  --base-url URL         the OpenAI-compatible endpoint, e.g. https://integrate.api.nvidia.com/v1 (required)
  --model M              model name as the server knows it (required)
  --api-key-env VAR      read the API key from environment variable VAR (default: send none)
  --split S              HE_base, HE_plus, MBPP_base, MBPP_plus, DEMO (or HE-R, HE-R+, MBPP-R, MBPP-R+);
                         default: from the file name
  --problems IDS         only these task ids (comma or space separated);  --limit N  only the first N problems
  --concurrency N        requests in flight (default 4)
  --out EVAL.jsonl       the evaluation file (required): one line per solution with dataset, task_id, rank,
                         ground_average_test_score and reward.reward_score (the raw score); re-running with the same
                         --out resumes: only the candidates not in it are asked
  --json                 print the metrics as \`verifier-lab metrics --method reward --json\` does
  -h, --help             show this text`;

type CommonValues = { [K in keyof typeof SCORING_OPTIONS]?: (typeof SCORING_OPTIONS)[K]['type'] extends 'boolean' ? boolean : string };

/** The job of a scoring command from its common options and the kind's own verifier fields. */
export async function scoringJob(
  name: string,
  values: CommonValues,
  positionals: string[],
  verifier: (endpoint: Pick<VerifierConfig, 'baseUrl' | 'model'>) => VerifierConfig,
): Promise<ScoringJob> {
  const [file] = fileArgs(positionals, ['DATASET.jsonl']) as [string];
  if (!values['base-url'] || !values.model) throw new CliUsageError('--base-url and --model are required');
  if (!values.out) throw new CliUsageError('--out EVAL.jsonl is required');
  const concurrency = numberOption('--concurrency', values.concurrency ?? '4', 1, true);
  const forced = values.split === undefined ? splitForDatasetName(file) : splitOption(values.split);
  const { dataset, sha256 } = await readDatasetInput(file, forced ? { split: forced } : {});
  const selection = selectProblems(dataset, values.problems ?? '', values.limit === undefined ? 0 : numberOption('--limit', values.limit, 0, true));
  if (selection.unknown.length > 0) throw new CliUsageError(`--problems: unknown task ids ${selection.unknown.slice(0, 5).join(', ')}`);
  return {
    name,
    dataset,
    sha256,
    problemIds: selection.ids,
    verifier: verifier({ baseUrl: values['base-url'], model: values.model }),
    keyVar: values['api-key-env'],
    concurrency,
    out: values.out,
    json: values.json === true,
  };
}

/** A scoring command: Ctrl-C stops it and keeps the scored candidates; `job` reads its arguments (tests call it). */
export function scoringCommand(about: Omit<CliCommand, 'run'>, job: (args: string[]) => Promise<ScoringJob>): CliCommand {
  return defineCommand(about, (args, io) =>
    withSigint(
      () => io.stderr(`${about.name}: stopping; scored candidates are kept in the output file\n`),
      (signal) => runScoring(job, args, io, { signal, env: process.env }),
    ),
  );
}

/** Reads the arguments into a job and runs it (the commands' testable entry). */
export async function runScoring(job: (args: string[]) => Promise<ScoringJob>, args: string[], io: CliIo, deps: ScoringDeps = {}): Promise<ExitCode> {
  return runScoringJob(await job(args), io, deps);
}
