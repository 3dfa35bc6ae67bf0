// Duplicating a run with changed settings. When the verifier is unchanged, its finished generations are reused, so only execution reruns.
import type { ExecutionConfig, VerifierConfig } from '../core/run/run-config';
import { readRun } from '../core/run/run-read';
import type { GenerationRecord } from '../core/run/run-records';
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
    const draft = draftRun(
      {
        name: changes.name ?? `${source.name} (copy)`,
        datasetId: source.datasetId,
        datasetSha256: source.datasetSha256,
        datasetName: source.datasetName,
        split: source.split,
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
      reused = all.filter((g) => g.error === null && kept.has(g.taskId)).map((g) => ({ ...g, runId: id }));
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
