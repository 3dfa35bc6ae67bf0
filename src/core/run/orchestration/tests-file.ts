// The generated-tests file the CLI writes (`verifier-lab generate`) and resumes: one JSON line per request,
// {task_id, tests, response, ...}, as the from-file importer and `verifier-lab score --tests` read it. A task's
// lines are appended together, so a killed process leaves at most one incomplete task, at the end.
import type { GenerationRecord } from '../run-records';

/** One line of the file. `shown_rank` is 0 unless the prompt showed a candidate (instruction+solution). */
export interface TestsFileLine {
  task_id: string;
  tests: string[];
  response: string;
  shown_rank: number;
  sample_index: number;
  model: string;
  finish_reason: string | null;
  malformed: number;
  usage: { prompt_tokens: number; completion_tokens: number } | null;
  /** The API's separate reasoning text, when it returned one (never read for tests). */
  reasoning?: string;
}

/** The line of a finished generation (no newline). */
export function testsFileLine(g: GenerationRecord): string {
  const line: TestsFileLine = {
    task_id: g.taskId,
    tests: g.tests,
    response: g.rawResponse,
    shown_rank: g.shownRank,
    sample_index: g.sampleIndex,
    model: g.request.model,
    finish_reason: g.finishReason,
    malformed: g.malformedCount,
    usage: g.usage && { prompt_tokens: g.usage.promptTokens, completion_tokens: g.usage.completionTokens },
    ...(g.reasoning ? { reasoning: g.reasoning } : {}),
  };
  return JSON.stringify(line);
}

/** A file that is not one this command wrote (so resuming could lose someone's data). */
export class TestsFileResumeError extends Error {
  override readonly name = 'TestsFileResumeError';
}

/** What to keep of a partial file. */
export interface TestsFileResume {
  /** The text to keep: every line of the complete tasks, each ending in a newline. */
  kept: string;
  /** Tasks with all their lines present. */
  finished: Set<string>;
  /** Lines dropped: an unterminated last line, and the lines of an incomplete last task. */
  dropped: number;
}

/**
 * Reads a partial output file. `expected(taskId)` is how many lines a complete task has (undefined for a task
 * the run does not have, which is an error). A last line without its newline (a kill mid-write) is dropped and
 * redone, as is a last task with too few lines.
 */
export function resumeTestsFile(text: string, expected: (taskId: string) => number | undefined): TestsFileResume {
  const parts = text.split('\n');
  const tail = parts.pop()!; // text after the last newline: '' for a clean file
  let dropped = tail.trim() === '' ? 0 : 1;
  const groups: { taskId: string; lines: string[] }[] = [];
  parts.forEach((raw, i) => {
    if (raw.trim() === '') return;
    let taskId: unknown;
    try {
      taskId = (JSON.parse(raw) as { task_id?: unknown }).task_id;
    } catch {
      throw new TestsFileResumeError(`line ${i + 1} is not JSON; refusing to resume into a file this command did not write`);
    }
    if (typeof taskId !== 'string' || expected(taskId) === undefined) {
      throw new TestsFileResumeError(`line ${i + 1}: task ${JSON.stringify(taskId)} is not one of this run's problems`);
    }
    const last = groups.at(-1);
    if (last?.taskId === taskId) last.lines.push(raw);
    else if (groups.some((g) => g.taskId === taskId)) throw new TestsFileResumeError(`line ${i + 1}: task ${taskId} appears twice, apart`);
    else groups.push({ taskId, lines: [raw] });
  });
  const finished = new Set<string>();
  let kept = '';
  groups.forEach((g, i) => {
    const want = expected(g.taskId)!;
    if (g.lines.length === want) {
      finished.add(g.taskId);
      kept += g.lines.map((l) => `${l}\n`).join('');
    } else if (i === groups.length - 1 && g.lines.length < want) {
      dropped += g.lines.length;
    } else {
      throw new TestsFileResumeError(`task ${g.taskId} has ${g.lines.length} lines, expected ${want}`);
    }
  });
  return { kept, finished, dropped };
}
