// Reads a line's all_solutions list into candidates sorted by rank, validating every entry.
import { badField, DatasetParseError } from './errors';
import { FieldReader, isJsonObject } from './fields';
import type { Candidate, SchemaFamily } from './types';

/** The key of a solution record that holds the candidate's complete program. */
export function codeFieldFor(family: SchemaFamily): 'canonical_solution' | 'code' {
  return family === 'humaneval' ? 'canonical_solution' : 'code';
}

/** Candidates of one line, ascending by rank; ranks unique, rank 1 present. */
export function readCandidates(line: FieldReader, family: SchemaFamily): Candidate[] {
  const list = line.array('all_solutions');
  if (list.length === 0) throw new DatasetParseError(line.line, 'all_solutions', 'field "all_solutions" is empty');

  const codeKey = codeFieldFor(family);
  const seen = new Map<number, number>();
  const candidates = list.map((item, i): Candidate => {
    const path = `all_solutions[${i}]`;
    if (!isJsonObject(item)) throw badField(line.line, path, 'an object', item);
    const entry = new FieldReader(item, line.line, path);

    const rank = entry.number('rank');
    if (!Number.isInteger(rank) || rank < 1) throw badField(line.line, entry.at('rank'), 'an integer >= 1', rank);
    const earlier = seen.get(rank);
    if (earlier !== undefined) {
      throw new DatasetParseError(line.line, entry.at('rank'), `rank ${rank} appears twice (all_solutions[${earlier}] and [${i}])`);
    }
    seen.set(rank, i);

    const score = entry.number('average_test_score');
    if (!(score >= 0 && score <= 1)) throw badField(line.line, entry.at('average_test_score'), 'a number in [0, 1]', score);
    const timeTaken = entry.number('average_time_taken');
    if (!(timeTaken >= 0)) throw badField(line.line, entry.at('average_time_taken'), 'a number >= 0', timeTaken);

    const code = entry.object('solution').string(codeKey);
    return { rank, score, timeTaken, code };
  });

  if (!seen.has(1)) throw new DatasetParseError(line.line, 'all_solutions', 'no solution has rank 1 (the canonical solution)');
  return candidates.sort((a, b) => a.rank - b.rank);
}
