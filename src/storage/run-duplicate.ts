// Duplicating a run with changed settings. When the verifier is unchanged, its finished generations are reused, so only execution reruns.
// A copy on another dataset (HE-R's run scored on HE-R+: same problems, other candidates and ground truth) reuses
// them too when each was written from the problem alone; tests written for one shown candidate are not reused.
import { ranksCandidates, verifierKind } from '../core/verifiers/verifier-kind';
import type { ExecutionConfig, VerifierConfig } from '../core/run/run-config';
import type { SplitName } from '../core/dataset/types';
import { companionSplits } from '../core/dataset/split-name';
import { readRun } from '../core/run/run-read';
import { NO_CANDIDATE, type GenerationRecord } from '../core/run/run-records';
import { draftRun, type Run } from '../core/run/run-types';
import type { StampOptions } from './runs-repo';
import { runKeyRange, type LabDb } from './schema';
import { RunNotFoundError } from './storage-errors';
import { queued, writeTransaction } from './write-transaction';

/** Settings that differ in the copy; anything absent is taken from the source run. */
export interface RunChanges {
  name?: string;
  problemIds?: string[];
  verifier?: Partial<VerifierConfig>;
  execution?: Partial<ExecutionConfig>;
  /** Another stored dataset for the copy (its problemIds must be that dataset's). */
  dataset?: { id: string; sha256: string; name: string; split: SplitName };
}

/** The new draft run and how many generations it took over from the source. */
export interface DuplicatedRun {
  run: Run;
  reusedGenerations: number;
}

/**
 * Creates a 'draft' copy of a run with `changes` applied, in one transaction. Finished generations (no error) of
 * problems the copy keeps are copied when the verifier config is identical, unless `reuseGenerations` is false.
 */
/** The run cannot be copied (a refinement run). */
export class RunDuplicateError extends Error {
  override readonly name = 'RunDuplicateError';
}

export async function duplicateRun(
  db: LabDb,
  sourceId: string,
  changes: RunChanges,
  options: StampOptions & { reuseGenerations?: boolean } = {},
): Promise<DuplicatedRun> {
  const id = options.id ?? crypto.randomUUID();
  const now = options.now ?? Date.now();
  return writeTransaction(db, ['runs', 'generations'], 'the duplicated run', async (tx) => {
    const source = await tx.objectStore('runs').get(sourceId);
    if (!source) throw new RunNotFoundError(sourceId);
    // Its outcomes live on its generation records: a copy would carry them over under changed settings.
    if (!ranksCandidates(verifierKind(source.verifier))) throw new RunDuplicateError('a refinement run cannot be duplicated; make a new one');
    const draft = draftRun(
      {
        name: changes.name ?? `${source.name} (copy)`,
        datasetId: changes.dataset?.id ?? source.datasetId,
        datasetSha256: changes.dataset?.sha256 ?? source.datasetSha256,
        datasetName: changes.dataset?.name ?? source.datasetName,
        split: changes.dataset?.split ?? source.split,
        problemIds: changes.problemIds ?? source.problemIds,
        verifier: { ...source.verifier, ...changes.verifier },
        execution: { ...source.execution, ...changes.execution },
      },
      id,
      now,
    );
    const run = readRun(draft);
    const sameVerifier = JSON.stringify(readRun(source).verifier) === JSON.stringify(run.verifier);
    let reused: GenerationRecord[] = [];
    if (sameVerifier && options.reuseGenerations !== false) {
      const kept = new Set(run.problemIds);
      const all = await tx.objectStore('generations').getAll(runKeyRange(sourceId));
      const otherDataset = run.datasetSha256 !== source.datasetSha256;
      reused = all.filter((g) => g.error === null && kept.has(g.taskId) && (!otherDataset || g.shownRank === NO_CANDIDATE)).map((g) => ({ ...g, runId: id }));
      // A copy on the companion split that takes over every test of the source scores the same tests: one verifier, two splits.
      const whole = run.verifier.variant === 'instruction' && reused.length === run.problemIds.length * run.verifier.samplesPerProblem;
      if (otherDataset && whole && companionSplits(source.split, run.split)) run.testsFrom = source.id;
      run.progress = {
        ...run.progress,
        generationsDone: reused.length,
        testsGenerated: sum(reused, (g) => g.tests.length),
        malformedTests: sum(reused, (g) => g.malformedCount),
        promptTokens: sum(reused, (g) => g.usage?.promptTokens ?? 0),
        completionTokens: sum(reused, (g) => g.usage?.completionTokens ?? 0),
      };
    }
    const generations = tx.objectStore('generations');
    queued(tx.objectStore('runs').add(run));
    for (const g of reused) queued(generations.add(g));
    return { run, reusedGenerations: reused.length };
  });
}

function sum<T>(items: readonly T[], value: (item: T) => number): number {
  return items.reduce((total, item) => total + value(item), 0);
}
