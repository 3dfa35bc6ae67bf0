// Resuming a reward or judge command from its own evaluation file: finished lines are kept, a cut-off tail is
// dropped, and a line from another dataset, split or problem set is refused with its line number.
import { describe, expect, it } from 'vitest';
import { EvalFileParseError } from '../../../src/core/run/eval-file-error';
import { formatEvalLine } from '../../../src/core/run/eval-file-write';
import { candidateFromSolution, EvalResumeError, resumeScoredEvalFile } from '../../../src/core/verifiers/eval-file-resume';
import { demoDataset } from '../run/run-fixtures';

const dataset = demoDataset();
const ids = ['Demo/0', 'Demo/1'];
const [c1, c2] = dataset.problems[0]!.candidates;
const line = (rank: number, ground: number, predicted: number, split: 'DEMO' | 'HE_base' = 'DEMO', taskId = 'Demo/0') =>
  formatEvalLine({ split, taskId, rank, groundScore: ground, predicted }, 'reward');

describe('resumeScoredEvalFile', () => {
  it('keeps finished lines and drops a cut-off last one', () => {
    const text = `${line(1, c1!.score, -2)}\n${line(2, c2!.score, -7.5)}\n${line(3, 0.5, 1).slice(0, 25)}`;
    const resume = resumeScoredEvalFile(text, dataset, 'DEMO', ids);
    expect(resume.solutions.map((s) => [s.rank, s.predicted])).toEqual([[1, -2], [2, -7.5]]);
    expect(resume.dropped).toBe(true);
    expect(resume.kept).toBe(`${line(1, c1!.score, -2)}\n${line(2, c2!.score, -7.5)}\n`);
    expect(candidateFromSolution('r', resume.solutions[1]!)).toMatchObject({ runId: 'r', taskId: 'Demo/0', rank: 2, predicted: -7.5, tests: [], total: 0 });
    expect(resumeScoredEvalFile('', dataset, 'DEMO', ids)).toEqual({ solutions: [], kept: '', dropped: false });
  });

  it('refuses lines that are not this run\'s, naming the line', () => {
    const refuse = (text: string) => () => resumeScoredEvalFile(text, dataset, 'DEMO', ids);
    expect(refuse(`${line(1, c1!.score, 1, 'HE_base')}\n`)).toThrow(new EvalResumeError(1, 'dataset HE_base, but this run scores DEMO'));
    expect(refuse(`${line(1, c1!.score, 1)}\n${line(1, 0.25, 1)}\n`)).toThrow(/line 2: Demo\/0 rank 1 has ground score 0.25, the dataset says 1 \(another dataset\?\)/);
    expect(refuse(`${line(1, c1!.score, 1)}\n${line(1, c1!.score, 2)}\n`)).toThrow(/line 2: Demo\/0 rank 1 appears twice/);
    expect(refuse(`${line(1, 1, 1, 'DEMO', 'Demo/5')}\n`)).toThrow(/line 1: Demo\/5 rank 1 is not a candidate of the problems scored now/);
    // A bad line in the middle is not a cut-off tail.
    expect(refuse(`{"dataset": \n${line(1, c1!.score, 1)}\n`)).toThrow(EvalFileParseError);
    expect(refuse(`${line(1, c1!.score, 1).replace('reward', 'rewards')}\n`)).toThrow(/missing field "reward.reward_score"/);
  });
});
