// The judge's answer is read strictly: only a last line "Score: N" after any reasoning, N on the run's scale.
import { describe, expect, it } from 'vitest';
import { judgeScaleIssue, readJudgeAnswer } from '../../../src/core/verifiers/judge-answer';
import { ScoreAnswerError } from '../../../src/core/verifiers/score-answer-error';

const SCALE = { min: 0, max: 10 };

describe('judge answers', () => {
  it('reads the last line "Score: N"', () => {
    expect(readJudgeAnswer('The loop skips the last element.\nScore: 3', SCALE)).toBe(3);
    expect(readJudgeAnswer('Looks right.\n\nscore: 9.5\n\n', SCALE)).toBe(9.5);
    expect(readJudgeAnswer('Fine.\n**Score: 7**', SCALE)).toBe(7);
    expect(readJudgeAnswer('Score: 0', SCALE)).toBe(0);
    expect(readJudgeAnswer('Score: 10.', SCALE)).toBe(10);
  });

  it('never counts a score inside the reasoning', () => {
    const answer = '<think>\nMaybe Score: 10.\n</think>\nIt fails on empty input.\nScore: 2';
    expect(readJudgeAnswer(answer, SCALE)).toBe(2);
    expect(() => readJudgeAnswer('<think>\nScore: 10\n</think>\nIt is correct.', SCALE)).toThrow(/does not end with a line "Score: N"/);
    // A reasoning block cut off before it closed holds no answer at all.
    expect(() => readJudgeAnswer('<think>\nScore: 8\n', SCALE)).toThrow(/empty/);
  });

  it('refuses scores out of range and anything that is not the stated format', () => {
    expect(() => readJudgeAnswer('Score: 11', SCALE)).toThrow(new ScoreAnswerError('the score 11 is outside the scale 0 to 10'));
    expect(() => readJudgeAnswer('Score: -1', SCALE)).toThrow(/outside the scale/);
    expect(() => readJudgeAnswer('Score: 5 out of 10', SCALE)).toThrow(/does not end with/);
    expect(() => readJudgeAnswer('Score: 5\nThanks for asking!', SCALE)).toThrow(/Thanks for asking/);
    expect(() => readJudgeAnswer('I would give it a 7.', SCALE)).toThrow(ScoreAnswerError);
    expect(() => readJudgeAnswer('Score: seven', SCALE)).toThrow(ScoreAnswerError);
    expect(() => readJudgeAnswer('', SCALE)).toThrow(/empty/);
    expect(readJudgeAnswer('Score: 4', { min: 1, max: 5 })).toBe(4);
  });

  it('checks a scale', () => {
    expect(judgeScaleIssue(SCALE)).toBeNull();
    expect(judgeScaleIssue({ min: 5, max: 5 })).toMatch(/must be below/);
    expect(judgeScaleIssue({ min: 0, max: Number.NaN })).toMatch(/numbers/);
  });
});
