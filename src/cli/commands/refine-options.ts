// Usage text and option parsing of `verifier-lab refine` (kept apart so the command file stays short).
import { parseCommandArgs } from '../command-args';
import { ENGINE_OPTION_SPECS, REMEASURE_HELP } from './engine-options';

export const refineUsage = `Usage: verifier-lab refine DATASET --base-url URL --model M (--feedback FILE.jsonl | --feedback-model M2)
                           --out OUT.jsonl [options]

Refines wrong programs with natural-language feedback (the inference half of ILF, Chen et al. 2023): for each
program, k refinements from a prompt holding the task, the program and its feedback; every refinement is
re-tested on the problem's ground truth in the engine, exactly as "verify" runs a candidate. The program of an
answer is its last fenced Python block, or the whole answer when it is only code; an answer without one is a
failed refinement. OUT gets one JSON line per refinement: {task_id, rank, program, feedback, feedback_author,
with_feedback, refinement, passed, score, model, seed}; keep "passed" lines for an ILF fine-tuning set.
Re-running with the same --out resumes (finished refinements are kept, their feedback reused).
Progress goes to stderr; Ctrl-C stops and keeps what is finished.

Options:
  --base-url URL         OpenAI-compatible server, e.g. http://127.0.0.1:11434/v1
  --model M              the model that writes refinements
  --api-key-env VAR      read the API key from environment variable VAR (default: send none)
  --feedback FILE.jsonl  lines {"task_id", "rank", "feedback"}: only those programs are refined
  --feedback-model M2    draft feedback with M2 (same server) for every wrong candidate (score < 1)
  --k N                  refinements per program (default 4); refinement i uses seed + i
  --temperature T        default 1.0;  --max-tokens N  default 4096
  --seed S               seed of refinement 0 (default 0)
  --problems IDS         only these task ids (comma or space separated)
  --baseline             also make the k refinements without the feedback (same seeds)
  --template FILE        refinement prompt: JSON {"system","user"} or plain text; {{problem}}, {{program}}, {{feedback}}
  --feedback-template FILE  drafting prompt; {{problem}}, {{program}}, {{failures}}
  --compare MODE         io tests: paper (default) or evalplus
  --workers N            Python workers (default: one per core)
  --limit-floor-ms N     per-test time limit floor (default 100, the paper's 0.1 s)
  --limit-factor X       per-test limit as a multiple of the canonical time (default 4)
${REMEASURE_HELP}
  --out OUT.jsonl        the ILF export (appended to; required)
  --json                 print {"with_feedback": {programs, refinements, pass@1, pass@k, repaired},
                         "without_feedback": {...}, "split": S, "repair_rate": {...}} (the second and
                         the last only with --baseline; repair_rate holds 95% bootstrap intervals)
  -h, --help             show this text

Exit codes: 0 done, 1 stopped (an API error after retries, or Ctrl-C; run again to continue), 2 bad input.
`;

export function refineOptions(args: string[]) {
  return parseCommandArgs(args, {
    'base-url': { type: 'string' },
    model: { type: 'string' },
    'api-key-env': { type: 'string' },
    feedback: { type: 'string' },
    'feedback-model': { type: 'string' },
    k: { type: 'string', default: '4' },
    temperature: { type: 'string', default: '1' },
    'max-tokens': { type: 'string', default: '4096' },
    seed: { type: 'string', default: '0' },
    problems: { type: 'string' },
    baseline: { type: 'boolean', default: false },
    template: { type: 'string' },
    'feedback-template': { type: 'string' },
    ...ENGINE_OPTION_SPECS,
    out: { type: 'string' },
    json: { type: 'boolean', default: false },
  });
}
