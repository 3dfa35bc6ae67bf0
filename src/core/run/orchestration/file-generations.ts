// Tests written elsewhere (a file) as a run's finished generations, one record per test set: the file is not
// needed again, and the run resumes without it. The app's file runs and `verifier-lab score` both make them here.
import type { SamplingSettings } from '../run-config';
import { NO_CANDIDATE, type GenerationRecord } from '../run-records';
import { testsOfAnswer } from './generation-record';
import { FILE_EXTRACTION } from '../../tests/extract-assertions';

/** One test set of a task from a file: the tests, and the raw model answers they were taken from. */
export interface FileTestSet {
  tests: string[];
  responses: string[];
}

/** A task's test sets by the candidate rank its prompt showed (NO_CANDIDATE: one set for every candidate). */
export type FileTaskTests = ReadonlyMap<number, FileTestSet>;

/** True when some task tests each candidate on its own set (the instruction+solution variant). */
export function perCandidateFile(byTask: ReadonlyMap<string, FileTaskTests>): boolean {
  return [...byTask.values()].some((sets) => !sets.has(NO_CANDIDATE));
}

/**
 * The finished generations of a file run over `problemIds`. With per-candidate sets every candidate gets a
 * record (a task with only a shared set gives it to each); a candidate or problem the file has nothing for gets an
 * empty set (its candidates then score 0).
 */
export function fileGenerations(
  runId: string,
  /** The candidate ranks of a problem (asked only for per-candidate files). */
  ranksOf: (taskId: string) => readonly number[],
  problemIds: readonly string[],
  byTask: ReadonlyMap<string, FileTaskTests>,
  request: { model: string; sampling: SamplingSettings; startedAt: number },
): GenerationRecord[] {
  const perCandidate = perCandidateFile(byTask);
  const empty: FileTestSet = { tests: [], responses: [] };
  return problemIds.flatMap((taskId) => {
    const sets = byTask.get(taskId) ?? new Map<number, FileTestSet>();
    const shown = perCandidate ? ranksOf(taskId) : [NO_CANDIDATE];
    return shown.map((shownRank): GenerationRecord => {
      // In a per-candidate run, a task with one shared set tests every candidate on it.
      const set = sets.get(shownRank) ?? sets.get(NO_CANDIDATE) ?? empty;
      return {
        runId,
        taskId,
        shownRank,
        sampleIndex: 0,
        request: { backend: 'file', model: request.model, variant: perCandidate ? 'instruction+solution' : 'instruction', messages: [], sampling: { ...request.sampling } },
        rawResponse: set.responses.join('\n\n'),
        tests: [...set.tests],
        malformedCount: set.responses.reduce((n, r) => n + testsOfAnswer(r, FILE_EXTRACTION).malformed, 0),
        usage: null,
        timings: { startedAt: request.startedAt, firstTokenMs: null, totalMs: 0 },
        finishReason: null,
        error: null,
      };
    });
  });
}
