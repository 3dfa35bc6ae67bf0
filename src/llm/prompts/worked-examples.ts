// The two worked examples of the default prompts, written for this project (not taken from any benchmark).
// Every assertion was checked against a reference implementation. The second candidate is deliberately wrong
// (it fails on an empty list) to show that tests follow the statement, not the candidate. Neither example
// may share a function with the bundled demo dataset (a unit test checks), or demo runs would see answers.

const LEAP_YEAR = `def is_leap_year(year: int) -> bool:
    """Return True when year is a leap year in the Gregorian calendar: divisible by 4,
    except centuries, which must be divisible by 400."""`;

const LEAP_YEAR_CANDIDATE = `def is_leap_year(year: int) -> bool:
    return year % 4 == 0 and (year % 100 != 0 or year % 400 == 0)`;

const LEAP_YEAR_ASSERTS = [
  'assert is_leap_year(2024) is True',
  'assert is_leap_year(2023) is False',
  'assert is_leap_year(1900) is False',
  'assert is_leap_year(2000) is True',
  'assert is_leap_year(4) is True',
];

const LEAP_YEAR_MORE = [
  'assert is_leap_year(2100) is False',
  'assert is_leap_year(2400) is True',
  'assert is_leap_year(1996) is True',
  'assert is_leap_year(1999) is False',
  'assert is_leap_year(1600) is True',
];

const COMMON_PREFIX = `def longest_common_prefix(words: list[str]) -> str:
    """Return the longest string that every word in words starts with.
    Return an empty string when words is empty or nothing is shared."""`;

const COMMON_PREFIX_CANDIDATE = `def longest_common_prefix(words: list[str]) -> str:
    prefix = words[0]
    for w in words[1:]:
        while not w.startswith(prefix):
            prefix = prefix[:-1]
    return prefix`;

const COMMON_PREFIX_ASSERTS = [
  'assert longest_common_prefix([]) == ""',
  'assert longest_common_prefix(["solo"]) == "solo"',
  'assert longest_common_prefix(["flame", "flask", "flat"]) == "fla"',
  'assert longest_common_prefix(["abc", "xyz"]) == ""',
  'assert longest_common_prefix(["same", "same"]) == "same"',
  'assert longest_common_prefix(["prefix", "pre", "press"]) == "pre"',
];

const COMMON_PREFIX_MORE = [
  'assert longest_common_prefix(["", "abc"]) == ""',
  'assert longest_common_prefix(["interview", "internet", "interval"]) == "inter"',
  'assert longest_common_prefix(["ab", "a"]) == "a"',
  'assert longest_common_prefix(["Case", "case"]) == ""',
];

/** One worked example: problem, a candidate (used by the instruction+solution variant) and its assertions. */
export interface WorkedExample {
  problem: string;
  candidate: string;
  /** The default prompts' answer (5 and 6 assertions). */
  assertions: readonly string[];
  /** The paper-structure preset's answer: ten assertions, the first ones those of `assertions`. */
  tenAssertions: readonly string[];
}

export const WORKED_EXAMPLES: readonly WorkedExample[] = [
  { problem: LEAP_YEAR, candidate: LEAP_YEAR_CANDIDATE, assertions: LEAP_YEAR_ASSERTS, tenAssertions: [...LEAP_YEAR_ASSERTS, ...LEAP_YEAR_MORE] },
  { problem: COMMON_PREFIX, candidate: COMMON_PREFIX_CANDIDATE, assertions: COMMON_PREFIX_ASSERTS, tenAssertions: [...COMMON_PREFIX_ASSERTS, ...COMMON_PREFIX_MORE] },
];

/** The tagged answer block of an example. */
export function taggedAssertions(assertions: readonly string[]): string {
  return assertions.map((a) => `<assertion>\n${a}\n</assertion>`).join('\n');
}
