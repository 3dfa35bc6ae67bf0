// The one error of reading a score from a model's answer (a reward model's or a judge's): the answer is kept and
// shown, the candidate is not scored, and resume asks again. Never a silent 0.

/** An answer with no usable score; `message` says what was wrong in the user's terms. */
export class ScoreAnswerError extends Error {
  override readonly name = 'ScoreAnswerError';
}
