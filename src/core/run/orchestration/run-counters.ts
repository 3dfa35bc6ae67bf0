// A run's counters recomputed from its stored records, so a resumed run starts from exactly what is stored.
import { emptyProgress, type RunProgress } from '../run-types';
import type { CandidateRecord, GenerationRecord } from '../run-records';
import { generationSlot, resultSlot } from '../run-progress';
import { generationSlots, type WorkPlan } from './work-plan';

/** Counters of the finished generations and results that belong to the plan (failed requests do not count). */
export function progressFromRecords(plan: WorkPlan, generations: readonly GenerationRecord[], results: readonly CandidateRecord[]): RunProgress {
  const progress: RunProgress = {
    ...emptyProgress(plan.problems.length),
    generationsTotal: plan.generationsTotal,
    candidatesTotal: plan.candidatesTotal,
  };
  const finished = new Map(generations.filter((g) => g.error === null).map((g) => [generationSlot(g.taskId, g.shownRank, g.sampleIndex), g]));
  const executed = new Set(results.map((r) => resultSlot(r.taskId, r.rank)));
  for (const planned of plan.problems) {
    let complete = true;
    for (const slot of generationSlots(planned)) {
      const g = finished.get(generationSlot(slot.taskId, slot.shownRank, slot.sampleIndex));
      if (!g) {
        complete = false;
        continue;
      }
      progress.generationsDone++;
      progress.testsGenerated += g.tests.length;
      progress.malformedTests += g.malformedCount;
      progress.promptTokens += g.usage?.promptTokens ?? 0;
      progress.completionTokens += g.usage?.completionTokens ?? 0;
    }
    for (const rank of planned.ranks) {
      if (executed.has(resultSlot(planned.problem.taskId, rank))) progress.candidatesDone++;
      else complete = false;
    }
    if (complete) progress.problemsDone++;
  }
  return progress;
}
