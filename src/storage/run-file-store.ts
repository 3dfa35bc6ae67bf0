// Export a stored run as a run file, and import one in a single transaction: all of it or nothing.
import { formatRunFile, parseRunFile, type RunFileContents } from '../core/run/run-file';
import type { Run } from '../core/run/run-types';
import { runKeyRange, type LabDb } from './schema';
import { RunExistsError, RunNotFoundError } from './storage-errors';
import { queued, writeTransaction } from './write-transaction';

/** What goes into the manifest besides the run itself. */
export interface ExportInfo {
  appVersion: string;
  /** Defaults to now. */
  exportedAt?: Date;
}

/** The run file of a stored run, read in one transaction so run, generations and results agree. */
export async function exportRunFile(db: LabDb, runId: string, info: ExportInfo): Promise<string> {
  const tx = db.transaction(['runs', 'generations', 'results']);
  const [run, generations, results] = await Promise.all([
    tx.objectStore('runs').get(runId),
    tx.objectStore('generations').getAll(runKeyRange(runId)),
    tx.objectStore('results').getAll(runKeyRange(runId)),
    tx.done,
  ]);
  if (!run) throw new RunNotFoundError(runId);
  const exportedAt = (info.exportedAt ?? new Date()).toISOString();
  return formatRunFile(run, generations, results, { appVersion: info.appVersion, exportedAt });
}

/** The imported run, and whether its dataset (by sha256) is stored here. */
export interface ImportedRun {
  run: Run;
  datasetStored: boolean;
  manifest: RunFileContents['manifest'];
}

/**
 * Validates a run file (RunFileError with line and field path) and stores it in one transaction. With `asRunId`
 * the run and its records get that id (importing a file twice); otherwise an existing id is a RunExistsError.
 */
export async function importRunFile(db: LabDb, text: string, options: { asRunId?: string } = {}): Promise<ImportedRun> {
  const contents = parseRunFile(text);
  const id = options.asRunId ?? contents.manifest.run.id;
  const run: Run = { ...contents.manifest.run, id };
  const generations = contents.generations.map((g) => ({ ...g, runId: id }));
  const results = contents.results.map((r) => ({ ...r, runId: id }));
  await writeTransaction(db, ['runs', 'generations', 'results'], `the run "${run.name}"`, async (tx) => {
    if ((await tx.objectStore('runs').getKey(id)) !== undefined) throw new RunExistsError(id);
    const g = tx.objectStore('generations');
    const r = tx.objectStore('results');
    queued(tx.objectStore('runs').add(run));
    for (const x of generations) queued(g.add(x));
    for (const x of results) queued(r.add(x));
  });
  const datasetStored = (await db.getKey('datasets', run.datasetSha256)) !== undefined;
  return { run, datasetStored, manifest: contents.manifest };
}
