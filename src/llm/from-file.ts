// Importer for generated tests from a JSONL file (existing verifier outputs turned into runs). One line is one of:
//   {task_id, tests: string[]}                 tests as they are
//   {task_id, response: string | string[]}     raw model output(s), through the core assertion extractor
//   {task_id, solution: string[]}              Reflexion's GPT-4 test files (a list of asserts, not code)
//   {prompt, samples: string[]}                CodeT's files: no task_id; joined on the prompt text, split on "assert"
// Lines for the same task are merged in file order. Errors name the 1-based line. Reading files is the caller's job.

import { FILE_EXTRACTION, extractAssertions, type AssertionSource } from '../core/tests/extract-assertions';
import { codetEntryPoint, codetTestCases } from './from-file-codet';
import { errorMessage } from '../core/error-message';

/** How a line gave its tests. */
export type ImportedLineFormat = 'tests' | 'response' | 'solution' | 'samples';

/** The tests of one problem. */
export interface ImportedProblemTests {
  taskId: string;
  tests: string[];
  /** Raw responses, kept for inspection (response lines only). */
  responses: string[];
  /** Per response: where the extractor found the assertions ('none' = nothing usable). */
  responseSources: AssertionSource[];
  /** 1-based lines that contributed. */
  lines: number[];
}

export interface ImportedTestFile {
  /** In order of first appearance. */
  problems: ImportedProblemTests[];
  formats: ImportedLineFormat[];
  /** Non-blank lines read. */
  lineCount: number;
}

export interface ImportOptions {
  /** Prompt text -> task_id, for lines without task_id (CodeT). */
  promptToTaskId?: ReadonlyMap<string, string>;
  /** Keep only the first N tests of each CodeT sample (CodeT used 5); default all. */
  testsPerSample?: number;
}

/** A line that cannot be imported. */
export class TestFileParseError extends Error {
  override readonly name = 'TestFileParseError';
  readonly kind = 'parse' as const;
  readonly line: number;

  constructor(line: number, detail: string) {
    super(`line ${line}: ${detail}`);
    this.line = line;
  }
}

type Json = Record<string, unknown>;

const isStringArray = (v: unknown): v is string[] => Array.isArray(v) && v.every((x) => typeof x === 'string');

/** Parse a whole JSONL text. Throws TestFileParseError at the first bad line. */
export function parseGeneratedTests(text: string, options: ImportOptions = {}): ImportedTestFile {
  const byTask = new Map<string, ImportedProblemTests>();
  const formats = new Set<ImportedLineFormat>();
  let lineCount = 0;
  const lines = text.split('\n');
  for (let i = 0; i < lines.length; i++) {
    const raw = lines[i]!.trim();
    if (raw === '') continue;
    lineCount++;
    const line = i + 1;
    let json: unknown;
    try {
      json = JSON.parse(raw);
    } catch (e) {
      throw new TestFileParseError(line, `not valid JSON (${errorMessage(e)})`);
    }
    if (typeof json !== 'object' || json === null || Array.isArray(json)) throw new TestFileParseError(line, 'expected a JSON object');
    const record = json as Json;
    const taskId = taskIdOf(record, line, options);
    let entry = byTask.get(taskId);
    if (!entry) {
      entry = { taskId, tests: [], responses: [], responseSources: [], lines: [] };
      byTask.set(taskId, entry);
    }
    entry.lines.push(line);
    formats.add(addTests(record, entry, line, options));
  }
  return { problems: [...byTask.values()], formats: [...formats], lineCount };
}

function taskIdOf(record: Json, line: number, options: ImportOptions): string {
  const id = record['task_id'];
  if (typeof id === 'string' && id !== '') return id;
  if (typeof id === 'number' && Number.isInteger(id)) return String(id);
  if (id !== undefined) throw new TestFileParseError(line, '"task_id" must be a non-empty string or an integer');
  const prompt = record['prompt'];
  if (typeof prompt !== 'string') throw new TestFileParseError(line, 'no "task_id" and no "prompt" to join on');
  if (!options.promptToTaskId) throw new TestFileParseError(line, 'no "task_id": joining on "prompt" needs the prompts of the problems');
  const joined = options.promptToTaskId.get(prompt);
  if (joined === undefined) {
    throw new TestFileParseError(line, `the prompt matches none of the ${options.promptToTaskId.size} known prompts (starts ${JSON.stringify(prompt.slice(0, 60))})`);
  }
  return joined;
}

function addTests(record: Json, entry: ImportedProblemTests, line: number, options: ImportOptions): ImportedLineFormat {
  const push = (tests: readonly string[]): void => {
    for (const t of tests) if (t.trim() !== '') entry.tests.push(t.trim());
  };
  if ('tests' in record) {
    if (!isStringArray(record['tests'])) throw new TestFileParseError(line, '"tests" must be an array of strings');
    push(record['tests']);
    return 'tests';
  }
  if ('response' in record) {
    const r = record['response'];
    const responses = typeof r === 'string' ? [r] : isStringArray(r) ? r : null;
    if (!responses) throw new TestFileParseError(line, '"response" must be a string or an array of strings');
    for (const response of responses) {
      const { assertions, source } = extractAssertions(response, FILE_EXTRACTION);
      entry.responses.push(response);
      entry.responseSources.push(source);
      push(assertions);
    }
    return 'response';
  }
  if ('samples' in record) {
    if (!isStringArray(record['samples'])) throw new TestFileParseError(line, '"samples" must be an array of strings');
    const entryPoint = typeof record['entry_point'] === 'string' ? record['entry_point'] : codetEntryPoint(String(record['prompt'] ?? ''));
    for (const sample of record['samples']) push(codetTestCases(sample, entryPoint, options.testsPerSample));
    return 'samples';
  }
  if (isStringArray(record['solution'])) {
    push(record['solution']);
    return 'solution';
  }
  throw new TestFileParseError(line, 'expected "tests", "response", "samples", or "solution" as a list of asserts');
}

/** prompt -> task_id from problem records (e.g. CodeT's HumanEval_for_test_case_generation.jsonl lines). */
export function promptIndex(records: Iterable<{ task_id: string; prompt: string }>): Map<string, string> {
  const index = new Map<string, string>();
  for (const r of records) index.set(r.prompt, r.task_id);
  return index;
}
