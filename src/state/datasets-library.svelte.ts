// The datasets stored in this browser (IndexedDB): listing, import from a file, delete, storage used vs quota. Files
// are read and stored texts parsed in a worker, under the size caps of this browser's settings.
import type { Dataset, SplitName } from '../core/dataset/types';
import type { DatasetBytes } from '../core/download/read-dataset';
import { parseTextInWorker, readFileInWorker } from '../import/dataset-in-worker';
import type { DatasetMeta, DatasetSource } from '../core/dataset/dataset-records';
import { deleteDataset, listDatasets, loadDatasetText, saveDataset } from '../storage/datasets-repo';
import { openLabDb } from '../storage/open-db';
import type { LabDb } from '../storage/schema';
import { requestPersistentStorage, storageUsage, type PersistResult, type StorageUsage } from '../storage/storage-quota';
import { RunDatasets } from '../run/run-datasets';
import { DatasetChanges } from './dataset-changes';
import { DatasetLimitsSetting } from './dataset-limits.svelte';
import { TransferJob } from './datasets-transfer.svelte';
import { errorMessage } from '../core/error-message';

/** The id of the bundled demo (never a sha256, so never a stored dataset's id). */
export const DEMO_ID = 'demo';

/**
 * The tab's one dataset library: every page and store that needs datasets gets this instance (App creates it),
 * so there is one database connection, one cache of parsed datasets per use, and one change counter.
 */
export class DatasetLibrary {
  /** The size caps every import, download and opening applies. */
  readonly limits = new DatasetLimitsSetting();
  #db: Promise<LabDb> | undefined;
  #runDatasets: Promise<RunDatasets> | undefined;
  #version = $state(0);
  // Deletions made in other tabs (this tab's own go through remove()).
  readonly #changes = new DatasetChanges((change) => this.#changed(change.id));
  #stored = $state.raw<readonly DatasetMeta[] | null>(null);
  #error = $state<string | null>(null);
  #usage = $state.raw<StorageUsage | null>(null);
  #persist = $state<PersistResult | null>(null);
  #importJob = $state.raw<TransferJob | null>(null);
  // Which dataset each parsed copy is: its stored id (sha256), or DEMO_ID. A copy is parsed again on every opening,
  // so jobs that hold one (re-verification) find "the same dataset" through this, never by name.
  readonly #ids = new WeakMap<Dataset, string>();

  /** Stored datasets, oldest first; null until first listed. */
  get stored(): readonly DatasetMeta[] | null {
    return this.#stored;
  }
  /** Why storage could not be read (e.g. IndexedDB blocked in a private window). */
  get error(): string | null {
    return this.#error;
  }
  get usage(): StorageUsage | null {
    return this.#usage;
  }
  get persistResult(): PersistResult | null {
    return this.#persist;
  }
  /** The latest file import (running or finished). */
  get importJob(): TransferJob | null {
    return this.#importJob;
  }

  db(): Promise<LabDb> {
    this.#db ??= openLabDb();
    return this.#db;
  }

  /** Goes up whenever a stored dataset is added or deleted (here or in another tab): views that list datasets
   *  or hold a parsed one read them again. */
  get version(): number {
    return this.#version;
  }

  /** The datasets runs use (the demo stored on first use, parsed copies by id), on this library's connection. */
  runDatasets(): Promise<RunDatasets> {
    this.#runDatasets ??= this.db().then((db) => new RunDatasets(db));
    return this.#runDatasets;
  }

  #changed(id: string | null): void {
    if (id !== null) void this.#runDatasets?.then((d) => d.forget(id));
    this.#version++;
  }

  /** Re-read the list and the storage figures. */
  async refresh(): Promise<void> {
    try {
      this.#stored = await listDatasets(await this.db());
      this.#error = null;
    } catch (error) {
      this.#stored = [];
      this.#error = `Browser storage is unavailable: ${errorMessage(error)}`;
    }
    this.#usage = await storageUsage();
  }

  /** Validates and stores one dataset atomically, then refreshes the list. */
  async save(result: DatasetBytes, source: DatasetSource, signal: AbortSignal): Promise<DatasetMeta> {
    try {
      const file = result.format === 'parquet' ? { file: { bytes: result.bytes, sha256: result.sha256 } } : {};
      const meta = await saveDataset(await this.db(), { dataset: result.dataset, text: result.text, source, ...file }, { signal });
      this.#changed(null);
      return meta;
    } finally {
      void this.refresh();
    }
  }

  /**
   * Reads a local file in a worker, through the same validation and caps as a download; `split` overrides the name's.
   * A file starting with Parquet's "PAR1" bytes (whatever its name) is read as Parquet.
   */
  importFile(file: File, split?: SplitName): TransferJob {
    this.#importJob?.cancel();
    const name = file.name.replace(/\.(jsonl|json|txt|parquet)$/i, '') || file.name;
    const options = { name, ...(split ? { split } : {}), limits: this.limits.value };
    const job = new TransferJob(file.name);
    this.#importJob = job;
    void job.run(
      (signal, onProgress) => readFileInWorker(file, options, signal, onProgress),
      (result, signal) => this.save(result, { kind: 'file', fileName: file.name, ...(result.format === 'parquet' ? { format: 'parquet' as const } : {}) }, signal),
    );
    return job;
  }

  async remove(id: string): Promise<void> {
    await deleteDataset(await this.db(), id);
    this.#changed(id);
    await this.refresh();
  }

  async requestPersistence(): Promise<void> {
    this.#persist = await requestPersistentStorage();
    this.#usage = await storageUsage();
  }

  /** A stored dataset parsed again in a worker, under the caps in force now (aborting stops the worker). */
  async load(meta: DatasetMeta, signal: AbortSignal = new AbortController().signal): Promise<Dataset> {
    const text = await loadDatasetText(await this.db(), meta.id);
    if (text === undefined) throw new Error(`the dataset "${meta.name}" is no longer stored`);
    return this.remember(await parseTextInWorker(text, { name: meta.name, split: meta.split, limits: this.limits.value }, signal), meta.id);
  }

  /** Records which dataset `dataset` is a copy of (`load` does this for stored ones; the demo's opener uses DEMO_ID). */
  remember(dataset: Dataset, id: string): Dataset {
    this.#ids.set(dataset, id);
    return dataset;
  }

  /** The id of the dataset `dataset` is a copy of (sha256, or DEMO_ID), or null for one this library never saw. */
  idOf(dataset: Dataset): string | null {
    return this.#ids.get(dataset) ?? null;
  }
}
