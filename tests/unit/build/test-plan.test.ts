// Test plans per split, output split names, and the slim io inputs source.
import { describe, expect, it } from 'vitest';
import { parseBenchmarkText } from '../../../src/core/build/benchmark-read';
import { BuildRequestError } from '../../../src/core/build/build-errors';
import { ioInputsSource } from '../../../src/core/build/raw-inputs';
import { benchmarkTestPlan, datasetTestPlan, outputSplit, planTestCount } from '../../../src/core/build/test-plan';
import { parseDatasetText } from '../../../src/core/dataset/parse-dataset';
import { buildFixture } from './fixtures';
import { fixtureText } from '../dataset/fixtures';

describe('outputSplit', () => {
  it('maps benchmark kinds and build splits to evaluation splits', () => {
    expect(outputSplit({ kind: 'humaneval-plus' }, 'base')).toBe('HE_base');
    expect(outputSplit({ kind: 'humaneval-plus' }, 'plus')).toBe('HE_plus');
    expect(outputSplit({ kind: 'humaneval' }, 'base')).toBe('HE_base');
    expect(outputSplit({ kind: 'mbpp' }, 'base')).toBe('MBPP_base');
    expect(outputSplit({ kind: 'mbpp', rankedSplit: 'DEMO' }, 'base')).toBe('DEMO');
    expect(outputSplit({ kind: 'mbpp-plus' }, 'plus')).toBe('MBPP_plus');
  });

  it('refuses splits a benchmark cannot give, saying what to use instead', () => {
    expect(() => outputSplit({ kind: 'humaneval' }, 'plus')).toThrow(/HumanEval\+/);
    expect(() => outputSplit({ kind: 'mbpp' }, 'plus')).toThrow(BuildRequestError);
    expect(() => outputSplit({ kind: 'mbpp-plus' }, 'base')).toThrow(/original MBPP/);
  });
});

describe('benchmarkTestPlan', () => {
  it('runs asserts for MBPP and base/base+plus inputs for HumanEval+', () => {
    const mbpp = parseBenchmarkText(buildFixture('tiny-mbpp.jsonl'), 'm').problems[0]!;
    expect(benchmarkTestPlan(mbpp, 'base')).toMatchObject({ kind: 'assert', asserts: expect.arrayContaining(['assert add(1, 2) == 3']) });
    const he = parseBenchmarkText(buildFixture('tiny-heplus.jsonl'), 'h').problems[0]!;
    const base = benchmarkTestPlan(he, 'base');
    expect(base).toMatchObject({ kind: 'io', sets: ['base'], baseCount: 3, plusCount: 0, entryPoint: 'double' });
    const plus = benchmarkTestPlan(he, 'plus');
    expect(plus).toMatchObject({ sets: ['base', 'plus'], baseCount: 3, plusCount: 4 });
    expect(planTestCount(plus)).toBe(7);
    // Only the inputs travel to the workers, big integers as written.
    expect(plus.kind === 'io' && plus.source).toBe('{"task_id": "H/0", "base_input": [[1], [2], [3]], "plus_input": [[0], [-4], [100000000000000000000], [7]]}');
  });
});

describe('datasetTestPlan', () => {
  it('re-verifies an HE-R+ line on base + plus and an HE-R line on base only', () => {
    const plus = parseDatasetText(fixtureText('he-mini.jsonl'), { name: 'HE-R+' });
    const base = parseDatasetText(fixtureText('he-mini.jsonl'), { name: 'HE-R' });
    const p = datasetTestPlan(plus.problems[0]!, plus.split);
    const b = datasetTestPlan(base.problems[0]!, base.split);
    expect(p.kind === 'io' && p.sets).toEqual(['base', 'plus']);
    expect(b.kind === 'io' && b.sets).toEqual(['base']);
    expect(p.kind === 'io' && p.source).not.toContain('all_solutions');
  });

  it('adds MBPP challenge tests to test_list', () => {
    const d = parseDatasetText(fixtureText('mbpp-mini.jsonl'), { name: 'MBPP-R' });
    const withChallenge = d.problems.find((p) => p.tests.kind === 'assert' && (p.tests.challenge?.length ?? 0) > 0);
    const tests = withChallenge?.tests;
    expect(tests?.kind).toBe('assert');
    if (tests?.kind !== 'assert') return;
    expect(planTestCount(datasetTestPlan(withChallenge!, d.split))).toBe(tests.asserts.length + tests.challenge!.length);
  });
});

describe('ioInputsSource', () => {
  it('takes the inputs from the first solution when the top level has none', () => {
    const line = '{"task_id": "X", "all_solutions": [{"rank": 1, "solution": {"base_input": [[1]], "plus_input": [[123456789012345678901]]}}]}';
    expect(ioInputsSource(line, 'X')).toBe('{"task_id": "X", "base_input": [[1]], "plus_input": [[123456789012345678901]]}');
  });
});
