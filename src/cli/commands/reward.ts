// `verifier-lab reward DATASET --base-url URL --model M --out EVAL.jsonl`: a reward model scores every candidate
// (the problem as the user turn, the program as the assistant turn), kept as the authors' evaluation file.
import { DEFAULT_REWARD_SETTINGS, defaultSampling, type RewardSettings } from '../../core/verifiers/verifier-kind';
import { parseRewardWeights, RewardWeightsError } from '../../core/verifiers/reward-weights';
import { parseCommandArgs } from '../command-args';
import { CliUsageError, type CliIo, type ExitCode } from '../cli-io';
import type { ScoringDeps, ScoringJob } from '../scoring-run';
import { runScoring, SCORING_HELP, SCORING_OPTIONS, scoringCommand, scoringJob } from './scoring-options';

const usage = `Usage: verifier-lab reward DATASET.jsonl --base-url URL --model M [--api-key-env VAR] [--attribute NAME]
                             [--concurrency N] --out EVAL.jsonl [--json]

Scores every candidate of the dataset with a reward model served on an OpenAI-compatible chat-completions
endpoint, as NVIDIA NIM serves Llama-3.1-Nemotron-70B-Reward and Nemotron-4-340B-Reward: the problem statement is
the user turn, the candidate's program the assistant turn. The answer's name:value pairs are read from the message
content ("reward:-3.25") or, when the content is empty, from choices[0].logprobs.content. The raw scalar goes to
the evaluation file; the metrics min-max normalize it per problem (the paper's rule). An answer without the
attribute stops the command with the candidate named (run it again to retry; finished candidates are kept).
Progress goes to stderr; Ctrl-C stops and keeps what is finished.
DATASET is JSON Lines (.gz accepted) or Parquet (as the Hugging Face viewer exports it; told apart by content).

Options:
  --attribute NAME       the attribute to read (default "${Object.keys(DEFAULT_REWARD_SETTINGS.weights)[0]}")
  --weights N=W,...      instead, a weighted sum of attributes, e.g. helpfulness=0.5,correctness=2
${SCORING_HELP}

Exit codes: 0 done, 1 stopped (an answer without a score, an API error after retries, or Ctrl-C; run again to
continue), 2 bad input.
`;

export const rewardCommand = scoringCommand({ name: 'reward', summary: 'Score every candidate with a reward model (OpenAI-compatible, NIM shapes); resumable evaluation file', usage }, rewardJob);

/** The command with injectable signal, environment and HTTP (tests). */
export function runReward(args: string[], io: CliIo, deps: ScoringDeps = {}): Promise<ExitCode> {
  return runScoring(rewardJob, args, io, deps);
}

async function rewardJob(args: string[]): Promise<ScoringJob> {
  const { values, positionals } = parseCommandArgs(args, { ...SCORING_OPTIONS, attribute: { type: 'string' }, weights: { type: 'string' } });
  const reward = rewardSettings(values.attribute, values.weights);
  return scoringJob('reward', values, positionals, (endpoint) => ({
    backend: 'openai',
    ...endpoint,
    fileName: null,
    variant: 'instruction+solution',
    testsPerProblem: 1,
    samplesPerProblem: 1,
    sampling: defaultSampling('reward'),
    promptTemplate: '',
    kind: 'reward',
    reward,
  }));
}

/** --attribute or --weights (not both) as the run's reward settings (the app's field reads the same text). */
export function rewardSettings(attribute: string | undefined, weights: string | undefined): RewardSettings {
  if (attribute !== undefined && weights !== undefined) throw new CliUsageError('give --attribute or --weights, not both');
  if (attribute === undefined && weights === undefined) return { weights: { ...DEFAULT_REWARD_SETTINGS.weights } };
  const flag = attribute !== undefined ? '--attribute' : '--weights';
  const text = attribute ?? weights!;
  if (attribute !== undefined && attribute.includes('=')) throw new CliUsageError(`--attribute: "${attribute}" is one attribute name (weights go to --weights)`);
  try {
    return parseRewardWeights(text);
  } catch (error) {
    if (error instanceof RewardWeightsError) throw new CliUsageError(`${flag}: ${error.message}`);
    throw error;
  }
}
