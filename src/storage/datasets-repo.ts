// Stored datasets: meta and text saved together in one transaction (never a partial import), listed cheaply from meta alone.
import { UNCAPPED } from '../core/dataset/dataset-limits';
import { parseDatasetText } from '../core/dataset/parse-dataset';
import type { Dataset } from '../core/dataset/types';
import type { DatasetMeta, DatasetSource } from '../core/dataset/dataset-records';
import type { LabDb } from './schema';
import { sha256OfText } from './sha256';
import { DatasetExistsError } from './storage-errors';
import { queued, writeTransaction } from './write-transaction';

/** A parsed dataset with the exact text it was parsed from. */
export interface DatasetInput {
  dataset: Dataset;
  text: string;
  source: DatasetSource;
  /** The file's own size and sha256 when `text` is a conversion of it (Parquet); otherwise they are the text's. */
  file?: { bytes: number; sha256: string };
}

/**
 * Saves meta and text atomically; the id is the text's sha256. Rejects with DatasetExistsError when the same
 * text is stored already, StorageQuotaError when space runs out, or the signal's reason when aborted.
 */
export async function saveDataset(db: LabDb, input: DatasetInput, options: { signal?: AbortSignal; now?: number } = {}): Promise<DatasetMeta> {
  // A Parquet import keeps the file's sha256 as its id: the hash Hugging Face lists, and the same file is known again.
  const { bytes, sha256 } = input.file ?? (await sha256OfText(input.text));
  const { dataset } = input;
  const meta: DatasetMeta = {
    id: sha256,
    name: dataset.name,
    split: dataset.split,
    family: dataset.family,
    source: input.source,
    sha256,
    bytes,
    problemCount: dataset.problems.length,
    solutionCount: dataset.problems.reduce((sum, p) => sum + p.candidates.length, 0),
    addedAt: options.now ?? Date.now(),
  };
  const existing = await getDataset(db, sha256);
  if (existing) throw new DatasetExistsError(sha256, existing.name);
  try {
    await writeTransaction(
      db,
      ['datasets', 'datasetBodies'],
      `the dataset "${dataset.name}"`,
      (tx) => {
        queued(tx.objectStore('datasets').add(meta));
        queued(tx.objectStore('datasetBodies').add({ id: sha256, text: input.text }));
      },
      options.signal,
    );
  } catch (error) {
    // A concurrent save of the same text won the race.
    const winner = errorName(error) === 'ConstraintError' ? await getDataset(db, sha256) : undefined;
    throw winner ? new DatasetExistsError(sha256, winner.name) : error;
  }
  return meta;
}

/** Every stored dataset's meta, oldest first. Bodies are not read. */
export async function listDatasets(db: LabDb): Promise<DatasetMeta[]> {
  const all = await db.getAll('datasets');
  return all.sort((a, b) => a.addedAt - b.addedAt || a.name.localeCompare(b.name));
}

/** One dataset's meta. */
export function getDataset(db: LabDb, id: string): Promise<DatasetMeta | undefined> {
  return db.get('datasets', id);
}

/** The stored text of a dataset. */
export async function loadDatasetText(db: LabDb, id: string): Promise<string | undefined> {
  return (await db.get('datasetBodies', id))?.text;
}

/**
 * The stored dataset, parsed again from its text (throws DatasetParseError only if the parser changed incompatibly).
 * Without size caps: the text met the caps in force when it was stored, and a run on it must not fail because they
 * were lowered since (the Datasets page opens stored datasets under the current caps, in a worker).
 */
export async function loadDataset(db: LabDb, id: string): Promise<Dataset | undefined> {
  const tx = db.transaction(['datasets', 'datasetBodies']);
  const [meta, body] = await Promise.all([tx.objectStore('datasets').get(id), tx.objectStore('datasetBodies').get(id), tx.done]);
  if (!meta || !body) return undefined;
  return parseDatasetText(body.text, { name: meta.name, split: meta.split, limits: UNCAPPED });
}

/** Deletes a dataset's meta and text together. Runs made on it stay (they keep the sha256 and name). */
export async function deleteDataset(db: LabDb, id: string): Promise<void> {
  await writeTransaction(db, ['datasets', 'datasetBodies'], 'the deletion', (tx) => {
    queued(tx.objectStore('datasets').delete(id));
    queued(tx.objectStore('datasetBodies').delete(id));
  });
}

function errorName(error: unknown): unknown {
  return typeof error === 'object' && error !== null ? (error as { name?: unknown }).name : undefined;
}
