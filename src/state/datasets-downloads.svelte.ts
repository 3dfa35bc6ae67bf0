// Downloads of the official datasets: the manifest, the mirror base URL (kept in this browser), datasets bundled
// into this build, and one TransferJob per dataset id.
import officialJson from '../../static-datasets/official.json';
import { BUNDLED_DIR, type BundledDataset } from '../core/download/bundled';
import { openDownload } from '../core/download/download-dataset';
import { normalizeBaseUrl, officialFileUrl, parseOfficialManifest, type OfficialDataset, type OfficialManifest } from '../core/download/official-manifest';
import { readDownloadInWorker } from '../import/dataset-in-worker';
import type { DatasetLibrary } from './datasets-library.svelte';
import { TransferJob } from './datasets-transfer.svelte';
import { safeLocalStorage } from './local-storage';

export const BASE_URL_STORAGE_KEY = 'verifier-lab:datasets:base-url:v1';

// Replaced at build time by vite-plugins/bundled-datasets.ts; absent when the plugin is not in the build.
declare const __VERIFIER_LAB_BUNDLED_DATASETS__: BundledDataset[] | undefined;
const BUNDLED: readonly BundledDataset[] = typeof __VERIFIER_LAB_BUNDLED_DATASETS__ === 'undefined' ? [] : __VERIFIER_LAB_BUNDLED_DATASETS__;

export class DatasetDownloads {
  readonly manifest: OfficialManifest = parseOfficialManifest(officialJson);
  readonly bundled: readonly BundledDataset[] = BUNDLED;
  #baseUrl = $state('');
  #jobs = $state.raw<ReadonlyMap<string, TransferJob>>(new Map());
  readonly #library: DatasetLibrary;
  readonly #storage: Storage | null;

  constructor(library: DatasetLibrary, storage: Storage | null = safeLocalStorage()) {
    this.#library = library;
    this.#storage = storage;
    this.#baseUrl = readBaseUrl(storage) ?? this.manifest.baseUrl;
  }

  /** Where files are downloaded from: the manifest's Hugging Face URL or a mirror. */
  get baseUrl(): string {
    return this.#baseUrl;
  }

  get isDefaultBaseUrl(): boolean {
    return this.#baseUrl === this.manifest.baseUrl;
  }

  /** Sets (and remembers) a mirror; throws ManifestError with a readable message for a bad URL. */
  setBaseUrl(text: string): void {
    const url = text.trim() === '' ? this.manifest.baseUrl : normalizeBaseUrl(text);
    this.#baseUrl = url;
    try {
      if (url === this.manifest.baseUrl) this.#storage?.removeItem(BASE_URL_STORAGE_KEY);
      else this.#storage?.setItem(BASE_URL_STORAGE_KEY, url);
    } catch {
      // Storage blocked: the mirror holds for this visit only.
    }
  }

  bundledFor(id: string): BundledDataset | undefined {
    return this.bundled.find((b) => b.id === id);
  }

  /** The URL a dataset is read from: this build's own copy when bundled, else the base URL. */
  urlFor(entry: OfficialDataset): string {
    const bundled = this.bundledFor(entry.id);
    return bundled ? new URL(`${import.meta.env.BASE_URL}${bundled.path}`, location.href).href : officialFileUrl(this.#baseUrl, entry.file);
  }

  job(id: string): TransferJob | undefined {
    return this.#jobs.get(id);
  }

  /** Starts downloading `entry` (the caller has had the license acknowledged). */
  start(entry: OfficialDataset): TransferJob {
    this.#jobs.get(entry.id)?.cancel();
    const job = new TransferJob(entry.id);
    this.#jobs = new Map(this.#jobs).set(entry.id, job);
    const url = this.urlFor(entry);
    const bundled = this.bundledFor(entry.id);
    void job.run(
      // Fetched here, so the service worker and the browser's cache see it; read and parsed in the dataset worker.
      async (signal, onProgress) => {
        const download = await openDownload<AbortSignal>(url, { fetch: (u, init) => fetch(u, init), signal });
        const options = { name: entry.id, split: entry.split, approxBytes: bundled?.bytes ?? entry.approxBytes, expectedSha256: bundled?.sha256 ?? entry.sha256, limits: this.#library.limits.value };
        return readDownloadInWorker(download, options, signal, onProgress);
      },
      (result, signal) =>
        this.#library.save(result, bundled ? { kind: 'bundled', fileName: `${BUNDLED_DIR}${entry.file}` } : { kind: 'download', url }, signal),
    );
    return job;
  }
}

function readBaseUrl(storage: Storage | null): string | null {
  try {
    const text = storage?.getItem(BASE_URL_STORAGE_KEY);
    return text ? normalizeBaseUrl(text) : null;
  } catch {
    return null;
  }
}
