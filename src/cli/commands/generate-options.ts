// Usage text and option parsing of `verifier-lab generate` (kept apart so the command file stays short).
import { readFile } from 'node:fs/promises';
import { parseCommandArgs } from '../command-args';
import { CliUsageError } from '../cli-io';
import { PAPER_SAMPLING, type VerifierConfig } from '../../core/run/run-config';
import { RequestExtrasError, parseExtraBody, parseReasoningEffort } from '../../core/run/request-extras';

export const generateUsage = `Usage: verifier-lab generate DATASET.jsonl --base-url URL --model M --out TESTS.jsonl [options]

Asks an OpenAI-compatible chat model for test assertions of every problem (the paper's prompt, or your
template) and writes one JSON line per request: {task_id, tests, response, shown_rank, sample_index, model,
finish_reason, malformed, usage}. "verifier-lab score DATASET --tests TESTS.jsonl" and the app's "from file"
backend read it. Re-running with the same --out resumes: finished problems are skipped and a cut-off last
problem is asked again. Progress goes to stderr; Ctrl-C stops and keeps what is finished.
DATASET is JSON Lines (.gz accepted) or Parquet (as the Hugging Face viewer exports it; told apart by content).

Options:
  --backend openai       the only backend outside the browser (default): any OpenAI-compatible server
  --base-url URL         e.g. https://api.openai.com/v1 or http://127.0.0.1:11434/v1
  --model M              model name as the server knows it
  --api-key-env VAR      read the API key from environment variable VAR (default: send none)
  --tests N              assertions asked for per request (default 10, as in the paper)
  --variant V            instruction (default) or instruction+solution (one request per candidate)
  --samples K            requests per prompt (default 1); request k uses seed + k
  --temperature T        default 1.0;  --top-p P  default 1.0;  --max-tokens N  default 16000
  --seed S               per-request seed base (default: none)
  --reasoning-effort L   send reasoning_effort L (none, low, medium or high) with every request (default: not sent)
  --extra-body JSON      a JSON object merged into every request body, e.g. '{"top_k": 20}'; it wins over the
                         fields set here (temperature, max_tokens, reasoning_effort, ...) but may not set model
                         or messages
  --fenced-fallback      also take asserts from Python code fences when an answer has no <assertion> tags
                         (default: tags only, as the paper parsed)
  --problems IDS         only these task ids (comma or space separated)
  --limit N              only the first N problems
  --preset P             prompt preset: default (ours) or paper-structure (one user message, worked examples
                         of ten assertions; with the default --tests 10 it is the paper's setup)
  --template FILE        prompt template: JSON {"system","user"} or plain text (the user message); not with --preset
  --concurrency N        requests in flight (default 4)
  --out FILE             output JSONL (appended to; required)
  -h, --help             show this text

Exit codes: 0 done, 1 stopped (an API error after retries, or Ctrl-C; run again to continue), 2 bad input.
`;

export function generationOptions(args: string[]) {
  return parseCommandArgs(args, {
    backend: { type: 'string', default: 'openai' },
    'base-url': { type: 'string' },
    model: { type: 'string' },
    'api-key-env': { type: 'string' },
    tests: { type: 'string', default: '10' },
    variant: { type: 'string', default: 'instruction' },
    samples: { type: 'string', default: '1' },
    temperature: { type: 'string', default: '1' },
    'top-p': { type: 'string', default: '1' },
    'max-tokens': { type: 'string', default: String(PAPER_SAMPLING.maxTokens) },
    'reasoning-effort': { type: 'string' },
    'extra-body': { type: 'string' },
    'fenced-fallback': { type: 'boolean', default: false },
    seed: { type: 'string' },
    problems: { type: 'string' },
    limit: { type: 'string' },
    preset: { type: 'string' },
    template: { type: 'string' },
    concurrency: { type: 'string', default: '4' },
    out: { type: 'string' },
  });
}

/** A numeric option at least `min` (a whole number when `integer`), or a CliUsageError naming it. */
export function numberOption(name: string, text: string, min: number, integer: boolean): number {
  const value = Number(text);
  if (text.trim() === '' || !Number.isFinite(value) || value < min || (integer && !Number.isInteger(value))) {
    throw new CliUsageError(`${name} must be ${integer ? 'a whole number' : 'a number'} >= ${min} (got "${text}")`);
  }
  return value;
}

/** The reasoning options as verifier fields; a bad value is a CliUsageError naming the option. */
export function requestOptions(values: { 'reasoning-effort'?: string | undefined; 'extra-body'?: string | undefined; 'fenced-fallback'?: boolean | undefined }): Pick<VerifierConfig, 'reasoningEffort' | 'extraBody' | 'fencedFallback'> {
  const option = <T>(name: string, read: () => T): T => {
    try {
      return read();
    } catch (error) {
      if (error instanceof RequestExtrasError) throw new CliUsageError(`${name}: ${error.message}`);
      throw error;
    }
  };
  const effort = values['reasoning-effort'];
  const extra = values['extra-body'];
  return {
    ...(effort !== undefined ? { reasoningEffort: option('--reasoning-effort', () => parseReasoningEffort(effort)) } : {}),
    ...(extra !== undefined ? { extraBody: option('--extra-body', () => parseExtraBody(extra)) } : {}),
    fencedFallback: values['fenced-fallback'] ?? false,
  };
}

/** The text of a --template FILE, or a CliUsageError naming it. */
export async function readTemplateOption(path: string): Promise<string> {
  try {
    return await readFile(path, 'utf8');
  } catch {
    throw new CliUsageError(`--template: cannot read ${path}`);
  }
}
