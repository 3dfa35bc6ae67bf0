// Reads a benchmark file with ground truth: HumanEval, HumanEval+, MBPP, MBPP+ (public JSONL formats) or a
// ranking set in the official line schema (our own format), whose rank-1 solution is then the canonical one.
import { DatasetParseError, missingField } from '../dataset/errors';
import { FieldReader, isJsonObject, type JsonObject } from '../dataset/fields';
import { parseJsonLine } from '../dataset/json-line';
import { detectFamily } from '../dataset/problem-record';
import { rawObjectEntries, rawObjectText } from '../dataset/raw-json';
import { codeFieldFor } from '../dataset/solutions';
import { splitForDatasetName } from '../dataset/split-name';
import { BuildInputError, inFile } from './build-errors';
import { jsonlLines } from './jsonl-lines';
import { rawInputEntries } from './raw-inputs';
import { joinPromptBody } from './program-text';
import type { Benchmark, BenchmarkKind, BenchmarkProblem } from './types';

const KIND_LABEL: Record<BenchmarkKind, string> = {
  humaneval: 'HumanEval (prompt, canonical_solution, test)',
  'humaneval-plus': 'HumanEval+ (prompt, canonical_solution, base_input)',
  mbpp: 'MBPP (text, code, test_list)',
  'mbpp-plus': 'MBPP+ (Mbpp/ task ids, base_input)',
};

/** Parses a whole benchmark file. Throws BuildInputError naming the line; never returns part of a file. */
export function parseBenchmarkText(text: string, name: string): Benchmark {
  let kind: BenchmarkKind | undefined;
  let ranked: boolean | undefined;
  const problems: BenchmarkProblem[] = [];
  const lineOfTask = new Map<string, number>();
  for (const { line, text: lineText } of jsonlLines(text)) {
    try {
      const parsed = readLine(lineText, line);
      if (kind !== undefined && parsed.kind !== kind) {
        throw new DatasetParseError(line, '', `expected ${KIND_LABEL[kind]} like the lines before, found ${KIND_LABEL[parsed.kind]}`);
      }
      if (ranked !== undefined && parsed.ranked !== ranked) {
        throw new DatasetParseError(line, 'all_solutions', 'either every line or none has all_solutions');
      }
      kind = parsed.kind;
      ranked = parsed.ranked;
      const earlier = lineOfTask.get(parsed.problem.taskId);
      if (earlier !== undefined) {
        throw new DatasetParseError(line, 'task_id', `task_id "${parsed.problem.taskId}" already appeared on line ${earlier}`);
      }
      lineOfTask.set(parsed.problem.taskId, line);
      problems.push(parsed.problem);
    } catch (error) {
      throw inFile(name, error);
    }
  }
  if (kind === undefined) throw new BuildInputError(name, 0, '', 'no problems in the file');
  const rankedSplit = ranked ? splitForDatasetName(name) : undefined;
  return { name, kind, problems, ...(rankedSplit === undefined ? {} : { rankedSplit }) };
}

function readLine(text: string, line: number): { kind: BenchmarkKind; ranked: boolean; problem: BenchmarkProblem } {
  const value = parseJsonLine(text, line);
  if (!isJsonObject(value)) throw new DatasetParseError(line, '', 'line is not a JSON object');
  const ranked = Object.hasOwn(value, 'all_solutions');
  let entries = rawObjectEntries(text).filter((e) => e.key !== 'all_solutions');
  let record: JsonObject = value;
  if (ranked && !Object.hasOwn(value, 'base_input')) {
    // The authors' filter copies the inputs to the top level; accept them from the first solution too.
    const hoisted = rawInputEntries(text);
    if (hoisted.length > 0) {
      entries = [...entries, ...hoisted];
      record = { ...value, ...Object.fromEntries(hoisted.map((e) => [e.key, parseJsonLine(e.raw, line)])) };
    }
  }
  const kind = detectKind(record, line);
  const reader = new FieldReader(record, line);
  const canonical = ranked ? rankOneCode(reader, kind) : undefined;
  const problem = kind === 'mbpp' ? mbppProblem(reader, canonical) : humanEvalProblem(reader, kind, canonical);
  return { kind, ranked, problem: { ...problem, record: rawObjectText(entries), line } };
}

/** Which benchmark format a record's keys belong to. */
function detectKind(record: JsonObject, line: number): BenchmarkKind {
  const family = detectFamily(record);
  const taskId = record['task_id'];
  if (Object.hasOwn(record, 'base_input')) {
    const mbppId = typeof taskId === 'string' && /^mbpp\//i.test(taskId);
    return mbppId || family === 'mbpp' || Object.hasOwn(record, 'assertion') ? 'mbpp-plus' : 'humaneval-plus';
  }
  if (family === 'mbpp') return 'mbpp';
  if (family === 'humaneval') return 'humaneval';
  throw new DatasetParseError(line, '', `unknown benchmark format: expected ${Object.values(KIND_LABEL).join(', ')} keys`);
}

function rankOneCode(line: FieldReader, kind: BenchmarkKind): string {
  const codeKey = codeFieldFor(kind === 'mbpp' ? 'mbpp' : 'humaneval');
  const list = line.array('all_solutions');
  for (let i = 0; i < list.length; i++) {
    const item = list[i];
    if (isJsonObject(item) && item['rank'] === 1) {
      return new FieldReader(item, line.line, `all_solutions[${i}]`).object('solution').string(codeKey);
    }
  }
  throw new DatasetParseError(line.line, 'all_solutions', 'no solution has rank 1 (the canonical solution)');
}

function mbppProblem(line: FieldReader, canonical: string | undefined): Omit<BenchmarkProblem, 'record' | 'line'> {
  const entryPoint = line.has('entry_point') ? line.string('entry_point') : undefined;
  return {
    taskId: line.taskId('task_id'),
    prompt: line.string('text'),
    ...(entryPoint === undefined ? {} : { entryPoint }),
    canonical: canonical ?? line.string('code'),
    inputs: null,
    atol: 0,
    asserts: {
      setup: line.optionalString('test_setup_code', ''),
      list: line.stringArray('test_list'),
      challenge: line.optionalStringArray('challenge_test_list'),
    },
  };
}

function humanEvalProblem(line: FieldReader, kind: BenchmarkKind, canonical: string | undefined): Omit<BenchmarkProblem, 'record' | 'line'> {
  const prompt = line.string('prompt');
  const withInputs = kind === 'humaneval-plus' || kind === 'mbpp-plus';
  const plus = withInputs ? plusInputCount(line) : 0;
  if (!canonical && !line.has('canonical_solution')) throw missingField(line.line, 'canonical_solution');
  return {
    taskId: line.taskId('task_id'),
    prompt,
    entryPoint: line.string('entry_point'),
    canonical: canonical ?? joinPromptBody(prompt, line.string('canonical_solution')),
    inputs: withInputs ? { base: line.array('base_input').length, plus } : null,
    atol: line.optionalNumber('atol', 0),
    ...(line.has('test') && typeof line.obj['test'] === 'string' ? { checkProgram: line.string('test') } : {}),
  };
}

/** MBPP+ v0.2.0 writes an empty object for a task without plus inputs (Mbpp/793); EvalPlus reads it as none. */
function plusInputCount(line: FieldReader): number {
  const value = line.has('plus_input') ? line.obj['plus_input'] : null;
  if (value === null || (isJsonObject(value) && Object.keys(value).length === 0)) return 0;
  return line.array('plus_input').length;
}
