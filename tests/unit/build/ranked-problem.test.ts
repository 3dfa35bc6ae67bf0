// One problem's output line: selection by the authors' rules, official schema, loadable by the parser.
import { describe, expect, it } from 'vitest';
import { parseBenchmarkText } from '../../../src/core/build/benchmark-read';
import { rankingSetStats } from '../../../src/core/build/dataset-stats';
import { rankedProblem } from '../../../src/core/build/ranked-problem';
import { parseDatasetText } from '../../../src/core/dataset/parse-dataset';
import { buildFixture } from './fixtures';

describe('rankedProblem', () => {
  it('writes an MBPP line with the canonical at rank 1 and candidates by descending score', () => {
    const problem = parseBenchmarkText(buildFixture('tiny-mbpp.jsonl'), 'tiny-mbpp.jsonl').problems[0]!;
    const pool = [
      { code: 'def add(a, b):\n    return a - b\n', score: 0.25, timeTaken: 0.001 },
      { code: 'def add(a, b):\n    return a * b\n', score: 0.5, timeTaken: 0.001 },
      { code: 'slow twin', score: 0.5, timeTaken: 0.002 }, // same rounded score, slower: deduped away
      { code: 'boom', score: 0, timeTaken: 0.001, allErrored: true }, // dropped by combine
      { code: 'right too', score: 1, timeTaken: 0 }, // rounds to 1.0 like the canonical: dropped
    ];
    const { line, picks } = rankedProblem(problem, 0.0005, pool);
    expect(picks.map((p) => [p.rank, p.score, p.poolIndex])).toEqual([
      [1, 1, undefined],
      [2, 0.5, 1],
      [3, 0.25, 0],
    ]);
    const d = parseDatasetText(`${line}\n`, { name: 'built' });
    expect(d.split).toBe('MBPP_base');
    const p = d.problems[0]!;
    expect(p.candidates.map((c) => [c.rank, c.score, c.code])).toEqual([
      [1, 1, 'def add(a, b):\n    return a + b\n'],
      [2, 0.5, 'def add(a, b):\n    return a * b\n'],
      [3, 0.25, 'def add(a, b):\n    return a - b\n'],
    ]);
    expect(p.candidates[0]!.timeTaken).toBe(0.0005);
    // Ground truth stays at the top level only.
    const obj = JSON.parse(line);
    expect(obj.test_list).toHaveLength(4);
    expect(obj.all_solutions[1].solution.test_list).toBeUndefined();
    expect(obj.all_solutions[1].solution.text).toBe(obj.text);
  });

  it('writes HumanEval+ lines whose inputs keep big integers and whose rank 1 is prompt + canonical body', () => {
    const problem = parseBenchmarkText(buildFixture('tiny-heplus.jsonl'), 'tiny-heplus.jsonl').problems[0]!;
    const { line } = rankedProblem(problem, 0.001, [{ code: 'def double(x):\n    return x\n', score: 1 / 7, timeTaken: 0.001 }]);
    expect(line).toContain('[100000000000000000000]');
    const d = parseDatasetText(line, { name: 'HE-R+' });
    expect(d.problems[0]!.tests).toEqual({ kind: 'io', baseCount: 3, plusCount: 4, atol: 0 });
    expect(d.problems[0]!.candidates.map((c) => c.score)).toEqual([1, 0.14]);
    expect(d.problems[0]!.canonicalSolution).toBe('def double(x):\n    """Return 2 * x."""\n    return 2 * x\n');
    // The top-level canonical_solution stays the benchmark's body, as in the authors' files.
    expect(JSON.parse(line).canonical_solution).toBe('    return 2 * x\n');
  });
});

describe('rankingSetStats', () => {
  it('averages scores over every solution and tests per problem for the split', () => {
    const problem = parseBenchmarkText(buildFixture('tiny-heplus.jsonl'), 'h').problems[0]!;
    const { line } = rankedProblem(problem, 0.001, [{ code: 'c', score: 0.5, timeTaken: 0.001 }]);
    expect(rankingSetStats(parseDatasetText(line, { name: 'HE-R+' }))).toEqual({ problems: 1, solutions: 2, avgScore: 0.75, avgTests: 7 });
    expect(rankingSetStats(parseDatasetText(line, { name: 'HE-R' })).avgTests).toBe(3);
  });
});
