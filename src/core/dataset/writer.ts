// Writes problems back out as official-schema JSON lines. Works on the raw text of the source record,
// so untouched fields (EvalPlus inputs with huge integers) are copied byte for byte.
import { detectFamily } from './problem-record';
import { pyJsonFloat } from './py-json-float';
import { rawArrayItems, rawObjectEntries, rawObjectText, withRawEntry, type RawEntry } from './raw-json';
import { codeFieldFor } from './solutions';
import type { Candidate, Dataset, Problem } from './types';

// Ground-truth inputs live at the top level only; the authors removed them from solution records.
const TOP_LEVEL_ONLY = new Set(['all_solutions', 'base_input', 'plus_input', 'test_list', 'challenge_test_list']);

/** One official line for a parsed problem (its candidates, its source record). Round-trips unchanged lines exactly. */
export function formatDatasetLine(problem: Problem): string {
  return formatRankedLine(problem.source, problem.candidates);
}

/** The whole dataset as JSONL text, one line per problem, newline-terminated. */
export function formatDataset(dataset: Dataset): string {
  return dataset.problems.map((p) => `${formatDatasetLine(p)}\n`).join('');
}

/**
 * An official line from a benchmark record's JSON text (with or without all_solutions) and ranked
 * candidates. Solution records found in the base record (matched by rank) are reused; others are the
 * base record minus its test inputs, with the code field set to the candidate's program.
 */
export function formatRankedLine(baseRecord: string, candidates: readonly Candidate[]): string {
  const entries = rawObjectEntries(baseRecord);
  const family = detectFamily(Object.fromEntries(entries.map((e) => [e.key, true])));
  if (family === undefined) throw new TypeError('formatRankedLine: record has neither HumanEval nor MBPP keys');
  const codeKey = codeFieldFor(family);
  const previous = previousSolutions(entries);
  const template = entries.filter((e) => !TOP_LEVEL_ONLY.has(e.key));

  const solutions = [...candidates]
    .sort((a, b) => a.rank - b.rank)
    .map((c) => {
      const old = previous.get(c.rank);
      const record = withRaw(old?.record ?? template, codeKey, c.code, JSON.stringify(c.code));
      let entry = old?.entry ?? [];
      entry = withRaw(entry, 'rank', c.rank, String(c.rank));
      entry = withRaw(entry, 'average_test_score', c.score, pyJsonFloat(c.score));
      entry = withRaw(entry, 'average_time_taken', c.timeTaken, pyJsonFloat(c.timeTaken));
      return rawObjectText(withRawEntry(entry, 'solution', rawObjectText(record)));
    });
  return rawObjectText(withRawEntry(entries, 'all_solutions', `[${solutions.join(', ')}]`));
}

/** Solution entries of the base record by rank, as raw members (entry and its solution record). */
function previousSolutions(entries: readonly RawEntry[]): Map<number, { entry: RawEntry[]; record: RawEntry[] }> {
  const out = new Map<number, { entry: RawEntry[]; record: RawEntry[] }>();
  const list = entries.find((e) => e.key === 'all_solutions');
  if (list === undefined) return out;
  for (const item of rawArrayItems(list.raw)) {
    const entry = rawObjectEntries(item);
    const rank = entry.find((e) => e.key === 'rank');
    const solution = entry.find((e) => e.key === 'solution');
    if (rank === undefined || solution === undefined) continue;
    out.set(JSON.parse(rank.raw) as number, { entry, record: rawObjectEntries(solution.raw) });
  }
  return out;
}

/** Sets a member unless its current raw text already decodes to the same value (keeps the bytes). */
function withRaw(entries: readonly RawEntry[], key: string, value: unknown, raw: string): RawEntry[] {
  const current = entries.find((e) => e.key === key);
  if (current !== undefined && sameJsonValue(current.raw, value)) return [...entries];
  return withRawEntry(entries, key, raw);
}

function sameJsonValue(raw: string, value: unknown): boolean {
  try {
    return Object.is(JSON.parse(raw.replace(/^-?Infinity$/, (m) => m.replace('Infinity', '1e999'))), value);
  } catch {
    return false;
  }
}
