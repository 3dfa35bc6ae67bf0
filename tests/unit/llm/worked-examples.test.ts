// The prompts' worked examples: their assertions hold for a correct reference, and they never show a demo problem.
import { spawnSync } from 'node:child_process';
import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { WORKED_EXAMPLES } from '../../../src/llm/prompts/worked-examples';

// Correct references, written independently of the examples' candidates.
const REFERENCES = `
def is_leap_year(year):
    if year % 400 == 0:
        return True
    return year % 4 == 0 and year % 100 != 0

def longest_common_prefix(words):
    if not words:
        return ""
    shortest = min(words, key=len)
    for i, ch in enumerate(shortest):
        if any(w[i] != ch for w in words):
            return shortest[:i]
    return shortest
`;

const functionName = (code: string) => /def\s+(\w+)/.exec(code)?.[1];
const python = spawnSync('python3', ['--version']);

describe('worked examples', () => {
  it.skipIf(python.status !== 0)('every assertion passes on a correct reference', () => {
    const program = REFERENCES + WORKED_EXAMPLES.flatMap((e) => [...e.assertions, ...e.tenAssertions]).join('\n') + '\nprint("all passed")\n';
    const run = spawnSync('python3', ['-c', program], { encoding: 'utf8' });
    expect(run.stderr).toBe('');
    expect(run.stdout.trim()).toBe('all passed');
  });

  it('the paper-structure answers have ten distinct assertions each, starting with the default ones', () => {
    for (const e of WORKED_EXAMPLES) {
      expect(new Set(e.tenAssertions).size).toBe(10);
      expect(e.tenAssertions.slice(0, e.assertions.length)).toEqual(e.assertions);
    }
  });

  it('the deliberately wrong second candidate fails at least one assertion', () => {
    const ex = WORKED_EXAMPLES[1]!;
    const program = ex.candidate + '\nfailed = 0\n' +
      ex.assertions.map((a) => `try:\n    ${a}\nexcept Exception:\n    failed += 1`).join('\n') + '\nprint(failed)\n';
    const run = spawnSync('python3', ['-c', program], { encoding: 'utf8' });
    expect(Number(run.stdout.trim())).toBeGreaterThan(0);
  });

  it('share no function with the bundled demo dataset', () => {
    const demo = readFileSync(new URL('../../../static-datasets/demo/Demo-R.jsonl', import.meta.url), 'utf8');
    const demoNames = new Set(demo.split('\n').filter(Boolean).map((l) => functionName(JSON.parse(l).code)));
    for (const ex of WORKED_EXAMPLES) expect(demoNames.has(functionName(ex.problem))).toBe(false);
  });
});
