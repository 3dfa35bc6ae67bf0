// Reads an LLM judge's answer strictly: reasoning is dropped (everything up to the last </think>, as for tests),
// then the last non-empty line must be "Score: N" (markdown emphasis around it tolerated) with N on the run's
// scale. A number anywhere else, in the reasoning or in the prose, never counts.
import { answerText } from '../tests/extract-assertions';
import type { JudgeSettings } from './verifier-kind';
import { ScoreAnswerError } from './score-answer-error';

const SCORE_LINE = /^score\s*:\s*([+-]?(?:\d+(?:\.\d*)?|\.\d+))$/i;

/** The score of one judge answer; ScoreAnswerError when its last line is not "Score: N" within the scale. */
export function readJudgeAnswer(output: string, scale: JudgeSettings): number {
  const lines = answerText(output).split('\n').map((line) => line.trim()).filter((line) => line !== '');
  const last = lines.at(-1);
  if (last === undefined) throw new ScoreAnswerError('the answer is empty (after any reasoning)');
  const match = SCORE_LINE.exec(last.replace(/^[*_`\s]+|[*_`\s.]+$/g, ''));
  if (!match) throw new ScoreAnswerError(`the answer does not end with a line "Score: N" (its last line: ${JSON.stringify(last.slice(0, 80))})`);
  const score = Number(match[1]);
  if (score < scale.min || score > scale.max) throw new ScoreAnswerError(`the score ${score} is outside the scale ${scale.min} to ${scale.max}`);
  return score;
}

/** A usable scale: finite ends with min < max. */
export function judgeScaleIssue(scale: JudgeSettings): string | null {
  if (!Number.isFinite(scale.min) || !Number.isFinite(scale.max)) return 'the scale ends must be numbers';
  return scale.min < scale.max ? null : `the scale's minimum (${scale.min}) must be below its maximum (${scale.max})`;
}
