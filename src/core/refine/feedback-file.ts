// The feedback file of batch refinement: one JSON line per wrong program, {"task_id", "rank", "feedback"}.
// Read whole or not at all: the first bad line is a RefineFileError naming the line and the field.
import { numberedLines, objectLine, rankField, stringField } from './jsonl-fields';
import { RefineFileError } from './refine-errors';

/** Feedback a person (or a model, elsewhere) wrote on one wrong program of a dataset. */
export interface ProgramFeedback {
  taskId: string;
  rank: number;
  feedback: string;
}

/** The key of a program within a dataset. */
export function programKey(taskId: string, rank: number): string {
  return `${taskId}\u0000${rank}`;
}

/** Every line of a feedback file; a program named twice is an error (which of the two was meant?). */
export function parseFeedbackFile(text: string): ProgramFeedback[] {
  const seen = new Map<string, number>();
  return numberedLines(text).map(({ text: lineText, line }) => {
    const o = objectLine(lineText, line);
    const entry = { taskId: stringField(o, 'task_id', line, { nonEmpty: true }), rank: rankField(o, 'rank', line), feedback: stringField(o, 'feedback', line, { nonEmpty: true }) };
    const key = programKey(entry.taskId, entry.rank);
    const earlier = seen.get(key);
    if (earlier !== undefined) throw new RefineFileError(line, 'rank', `${entry.taskId} rank ${entry.rank} already has feedback on line ${earlier}`);
    seen.set(key, line);
    return entry;
  });
}
