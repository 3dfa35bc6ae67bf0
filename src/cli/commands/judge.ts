// `verifier-lab judge DATASET --base-url URL --model M --out EVAL.jsonl`: a chat model judges every candidate on a
// stated scale (our prompt, or --template), kept as the authors' evaluation file like a reward model's scores.
import { judgeScaleIssue } from '../../core/verifiers/judge-answer';
import { DEFAULT_JUDGE_SETTINGS, defaultSampling, type JudgeSettings } from '../../core/verifiers/verifier-kind';
import { judgeTemplateIssues } from '../../llm/prompts/score-messages';
import { decodePromptTemplate, defaultJudgeTemplateText } from '../../run/prompt-template-text';
import { parseCommandArgs } from '../command-args';
import { CliUsageError, type CliIo, type ExitCode } from '../cli-io';
import type { ScoringDeps, ScoringJob } from '../scoring-run';
import { numberOption, readTemplateOption } from './generate-options';
import { runScoring, SCORING_HELP, SCORING_OPTIONS, scoringCommand, scoringJob } from './scoring-options';

const sampling = defaultSampling('judge');
const usage = `Usage: verifier-lab judge DATASET.jsonl --base-url URL --model M [--api-key-env VAR] [--scale MIN,MAX]
                            [--template FILE] [--samples K] [--concurrency N] --out EVAL.jsonl [--json]

Asks a chat model on an OpenAI-compatible endpoint to judge every candidate (an LLM judge): our prompt shows the
problem and one candidate and asks for its correctness on a scale, ending in a last line "Score: N". The answer is
read strictly (reasoning up to the last </think> dropped, then that line, N within the scale); an answer without
it is asked again, up to three answers, then the command stops with the candidate named (run it again to retry).
The raw score (the mean over --samples) goes to reward.reward_score and is normalized per problem like a reward.
Progress goes to stderr; Ctrl-C stops and keeps what is finished.

Options:
  --scale MIN,MAX        the score scale (default ${DEFAULT_JUDGE_SETTINGS.min},${DEFAULT_JUDGE_SETTINGS.max})
  --template FILE        judge prompt: JSON {"system","user"} or plain text (the user message); placeholders
                         {{problem}}, {{solution}}, {{min_score}}, {{max_score}}
  --samples K            answers per candidate, averaged (default 1); answer k uses seed + k
  --temperature T        default ${sampling.temperature};  --top-p P  default ${sampling.topP};  --max-tokens N  default ${sampling.maxTokens}
  --seed S               per-request seed base (default: none)
${SCORING_HELP}

Exit codes: 0 done, 1 stopped (answers without a score, an API error after retries, or Ctrl-C; run again to
continue), 2 bad input.
`;

export const judgeCommand = scoringCommand({ name: 'judge', summary: 'Score every candidate with an LLM judge (OpenAI-compatible); resumable evaluation file', usage }, judgeJob);

/** The command with injectable signal, environment and HTTP (tests). */
export function runJudge(args: string[], io: CliIo, deps: ScoringDeps = {}): Promise<ExitCode> {
  return runScoring(judgeJob, args, io, deps);
}

async function judgeJob(args: string[]): Promise<ScoringJob> {
  const { values, positionals } = parseCommandArgs(args, {
    ...SCORING_OPTIONS,
    scale: { type: 'string' },
    template: { type: 'string' },
    samples: { type: 'string', default: '1' },
    temperature: { type: 'string', default: String(sampling.temperature) },
    'top-p': { type: 'string', default: String(sampling.topP) },
    'max-tokens': { type: 'string', default: String(sampling.maxTokens) },
    seed: { type: 'string' },
  });
  const judge = scaleOption(values.scale);
  const promptTemplate = values.template === undefined ? defaultJudgeTemplateText() : await readTemplateOption(values.template);
  const issues = judgeTemplateIssues(decodePromptTemplate(promptTemplate, 'instruction+solution'));
  if (issues.length > 0) throw new CliUsageError(`--template: ${issues.join('; ')}`);
  return scoringJob('judge', values, positionals, (endpoint) => ({
    backend: 'openai',
    ...endpoint,
    fileName: null,
    variant: 'instruction+solution',
    testsPerProblem: 1,
    samplesPerProblem: numberOption('--samples', values.samples, 1, true),
    sampling: {
      temperature: numberOption('--temperature', values.temperature, 0, false),
      topP: numberOption('--top-p', values['top-p'], 0, false),
      maxTokens: numberOption('--max-tokens', values['max-tokens'], 1, true),
      seed: values.seed === undefined ? null : numberOption('--seed', values.seed, -(2 ** 31), true),
    },
    promptTemplate,
    kind: 'judge',
    judge,
  }));
}

function scaleOption(text: string | undefined): JudgeSettings {
  if (text === undefined) return { ...DEFAULT_JUDGE_SETTINGS };
  const parts = text.split(',').map((part) => Number(part.trim()));
  const scale = { min: parts[0] ?? Number.NaN, max: parts[1] ?? Number.NaN };
  const issue = parts.length === 2 ? judgeScaleIssue(scale) : 'give two numbers';
  if (issue !== null) throw new CliUsageError(`--scale must be MIN,MAX (got "${text}"): ${issue}`);
  return scale;
}
