// Shared by the batch-refinement e2e files: the demo problem refined, its feedback texts, and the ILF export's lines.
import type { Download } from 'playwright-core';
import { demo } from './demo-data';

/** Demo/0: wrong programs of rank 2, 3 and 4. */
export const problem = demo.problems[0]!;
export const WRONG = problem.candidates.filter((c) => c.rank !== 1 && c.score < 1).map((c) => c.rank);
/** Feedback that shows the fix (the mock refiner answers with the program it shows). */
export const FIX = `Count every vowel, in either case. Like this:\n\`\`\`python\n${problem.canonicalSolution.trim()}\n\`\`\``;
export const VAGUE = 'Something is off with the counting; look at it again.';

/** One line of the ILF export. */
export interface IlfLine {
  task_id: string;
  rank: number;
  feedback: string;
  feedback_author: string;
  with_feedback: boolean;
  refinement: string | null;
  passed: boolean;
  model: string;
  seed: number;
}

/** The lines of a downloaded ILF export. */
export async function linesOf(download: Download): Promise<IlfLine[]> {
  let text = '';
  for await (const chunk of await download.createReadStream()) text += String(chunk);
  return text.split('\n').filter((l) => l !== '').map((l) => JSON.parse(l) as IlfLine);
}
