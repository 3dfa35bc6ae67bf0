// The ILF export: one JSON line per refinement, in the field names the issue fixes (a stable contract). Filter
// `passed` (and `with_feedback`) to get the refinements the ILF paper fine-tunes on. The CLI resumes from it.
import { booleanField, numberedLines, numberField, objectLine, rankField, stringField } from './jsonl-fields';
import { RefineFileError } from './refine-errors';

/** Who wrote a program's feedback: a person, or a model named after the colon. */
export type FeedbackAuthor = 'person' | `model:${string}`;

/** One refinement as exported. */
export interface IlfRecord {
  task_id: string;
  /** Rank of the wrong program in its dataset problem (0 for a program pasted in, not from the dataset). */
  rank: number;
  /** The wrong program that was refined. */
  program: string;
  /** The program's feedback (also on lines made without it, so the two halves of a pair read side by side). */
  feedback: string;
  feedback_author: FeedbackAuthor;
  /** Whether the prompt showed the feedback. */
  with_feedback: boolean;
  /** The refined program taken from the answer, or null when the answer held none (a failed refinement). */
  refinement: string | null;
  /** Every ground-truth test passed. */
  passed: boolean;
  /** Fraction of ground-truth tests passed (0 without a program). */
  score: number;
  /** The model that made the refinement. */
  model: string;
  /** Sampling seed of the request; the i-th refinement with and without feedback share it. */
  seed: number;
}

/** Field order of an export line. */
export const ILF_FIELDS = ['task_id', 'rank', 'program', 'feedback', 'feedback_author', 'with_feedback', 'refinement', 'passed', 'score', 'model', 'seed'] as const;

/** One export line (no newline). */
export function ilfLine(record: IlfRecord): string {
  return JSON.stringify(Object.fromEntries(ILF_FIELDS.map((f) => [f, record[f]])));
}

/** Every record of an export file; a malformed line is a RefineFileError naming it and its field. */
export function parseIlfFile(text: string): IlfRecord[] {
  return numberedLines(text).map(({ text: lineText, line }) => {
    const o = objectLine(lineText, line);
    const author = stringField(o, 'feedback_author', line);
    if (author !== 'person' && !/^model:./.test(author)) throw new RefineFileError(line, 'feedback_author', `expected "person" or "model:<name>", got ${JSON.stringify(author)}`);
    const refinement = o['refinement'] === null ? null : stringField(o, 'refinement', line);
    const rank = o['rank'] === 0 ? 0 : rankField(o, 'rank', line);
    return {
      task_id: stringField(o, 'task_id', line, { nonEmpty: true }),
      rank,
      program: stringField(o, 'program', line),
      feedback: stringField(o, 'feedback', line),
      feedback_author: author as FeedbackAuthor,
      with_feedback: booleanField(o, 'with_feedback', line),
      refinement,
      passed: booleanField(o, 'passed', line),
      score: numberField(o, 'score', line, { min: 0, max: 1 }),
      model: stringField(o, 'model', line),
      seed: numberField(o, 'seed', line, { min: -(2 ** 53), max: 2 ** 53, whole: true }),
    };
  });
}

/** Identity of one refinement: program, with or without feedback, seed. */
export function refinementKey(r: Pick<IlfRecord, 'task_id' | 'rank' | 'with_feedback' | 'seed'>): string {
  return `${r.task_id}\u0000${r.rank}\u0000${r.with_feedback ? 1 : 0}\u0000${r.seed}`;
}
