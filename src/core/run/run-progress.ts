// Resume bookkeeping: the keys of generation and execution slots, so finished ones can be told apart.

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
