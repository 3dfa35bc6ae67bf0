// The two worked examples of the default prompts, written for this project (not taken from any benchmark).
// Every assertion was checked against a reference implementation. The second candidate is deliberately wrong
// (it does not merge touching intervals) to show that tests follow the statement, not the candidate.

const COUNT_VOWELS = `def count_vowels(text: str) -> int:
    """Return how many vowels (a, e, i, o, u, in either case) appear in text."""`;

const COUNT_VOWELS_CANDIDATE = `def count_vowels(text: str) -> int:
    return sum(1 for c in text.lower() if c in "aeiou")`;

const COUNT_VOWELS_ASSERTS = [
  'assert count_vowels("") == 0',
  'assert count_vowels("rhythm") == 0',
  'assert count_vowels("Banana") == 3',
  'assert count_vowels("AEIOU aeiou") == 10',
  'assert count_vowels("Queueing!") == 5',
];

const MERGE_INTERVALS = `def merge_intervals(intervals: list[tuple[int, int]]) -> list[tuple[int, int]]:
    """Merge overlapping or touching closed intervals and return them sorted by start.
    The input may be in any order."""`;

const MERGE_INTERVALS_CANDIDATE = `def merge_intervals(intervals: list[tuple[int, int]]) -> list[tuple[int, int]]:
    out = []
    for a, b in sorted(intervals):
        if out and a < out[-1][1]:
            out[-1] = (out[-1][0], max(out[-1][1], b))
        else:
            out.append((a, b))
    return out`;

const MERGE_INTERVALS_ASSERTS = [
  'assert merge_intervals([]) == []',
  'assert merge_intervals([(5, 7)]) == [(5, 7)]',
  'assert merge_intervals([(1, 3), (2, 6), (8, 10)]) == [(1, 6), (8, 10)]',
  'assert merge_intervals([(8, 10), (1, 3)]) == [(1, 3), (8, 10)]',
  'assert merge_intervals([(1, 4), (4, 5)]) == [(1, 5)]',
  'assert merge_intervals([(1, 10), (2, 3), (4, 5)]) == [(1, 10)]',
];

/** One worked example: problem, a candidate (used by the instruction+solution variant) and its assertions. */
export interface WorkedExample {
  problem: string;
  candidate: string;
  assertions: readonly string[];
}

export const WORKED_EXAMPLES: readonly WorkedExample[] = [
  { problem: COUNT_VOWELS, candidate: COUNT_VOWELS_CANDIDATE, assertions: COUNT_VOWELS_ASSERTS },
  { problem: MERGE_INTERVALS, candidate: MERGE_INTERVALS_CANDIDATE, assertions: MERGE_INTERVALS_ASSERTS },
];

/** The tagged answer block of an example. */
export function taggedAssertions(assertions: readonly string[]): string {
  return assertions.map((a) => `<assertion>\n${a}\n</assertion>`).join('\n');
}
