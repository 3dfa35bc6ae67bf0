// Resume bookkeeping: which generation and execution slots are finished, and one problem's progress from them.
import { NO_CANDIDATE } from './run-records';

/** Finished slots as opaque keys; build and test them with the slot functions below. */
export type FinishedSlots = ReadonlySet<string>;

/** Key of a generation slot (JSON, so task ids may contain any character). */
export function generationSlot(taskId: string, shownRank: number, sampleIndex: number): string {
  return JSON.stringify([taskId, shownRank, sampleIndex]);
}

/** Key of an executed-candidate slot. */
export function resultSlot(taskId: string, rank: number): string {
  return JSON.stringify([taskId, rank]);
}

/** Where one problem stands. */
export type ProblemPhase = 'pending' | 'generating' | 'executing' | 'done';

/** One problem's progress within a run. */
export interface ProblemProgress {
  taskId: string;
  phase: ProblemPhase;
  generationsDone: number;
  generationsTotal: number;
  candidatesDone: number;
  candidatesTotal: number;
}

/**
 * Progress of one problem. `shownRanks` lists the prompts' candidate ranks: [NO_CANDIDATE] for the
 * 'instruction' variant, every candidate rank for 'instruction+solution'.
 */
export function problemProgress(
  taskId: string,
  candidateRanks: readonly number[],
  samplesPerPrompt: number,
  generations: FinishedSlots,
  results: FinishedSlots,
  shownRanks: readonly number[] = [NO_CANDIDATE],
): ProblemProgress {
  let generationsDone = 0;
  for (const shown of shownRanks) {
    for (let sample = 0; sample < samplesPerPrompt; sample++) {
      if (generations.has(generationSlot(taskId, shown, sample))) generationsDone++;
    }
  }
  const candidatesDone = candidateRanks.filter((rank) => results.has(resultSlot(taskId, rank))).length;
  const generationsTotal = shownRanks.length * samplesPerPrompt;
  const candidatesTotal = candidateRanks.length;
  const phase: ProblemPhase =
    candidatesDone === candidatesTotal && generationsDone === generationsTotal
      ? 'done'
      : generationsDone === 0 && candidatesDone === 0
        ? 'pending'
        : generationsDone < generationsTotal
          ? 'generating'
          : 'executing';
  return { taskId, phase, generationsDone, generationsTotal, candidatesDone, candidatesTotal };
}
