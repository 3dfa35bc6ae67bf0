// Dataset reading and parsing in a short-lived module worker: the worker is terminated when done, on abort, or when
// it dies, and every call settles (comlink alone would hang). The page stays responsive whatever the file holds.
import { proxy, releaseProxy, wrap, type Remote } from 'comlink';
import type { Dataset } from '../core/dataset/types';
import type { DatasetBytes, ReadProgress } from '../core/download/read-dataset';
import type { DatasetReadOptions, DatasetWorkerApi } from './dataset-worker-api';
import { valueOf, type WorkerResult } from './worker-failure';

/** Reads an imported file (JSONL or Parquet) in a worker; aborting stops it and rejects with the signal's reason. */
export async function readFileInWorker(file: File, options: DatasetReadOptions, signal: AbortSignal, onProgress: (p: ReadProgress) => void): Promise<DatasetBytes> {
  // Progress comes through its own port, so a report may arrive after the result: none is passed on once settled.
  let settled = false;
  const report = (progress: ReadProgress) => {
    if (!settled) onProgress(progress);
  };
  try {
    return await inWorker(signal, (api) => api.readFile(file, options, proxy(report)));
  } finally {
    settled = true;
  }
}

/** Parses a stored dataset's text in a worker. */
export function parseTextInWorker(text: string, options: DatasetReadOptions, signal: AbortSignal): Promise<Dataset> {
  return inWorker(signal, (api) => api.parseText(text, options));
}

async function inWorker<T>(signal: AbortSignal, call: (api: Remote<DatasetWorkerApi>) => Promise<WorkerResult<T>>): Promise<T> {
  signal.throwIfAborted();
  const worker = new Worker(new URL('./dataset.worker.ts', import.meta.url), { type: 'module', name: 'verifier-lab-datasets' });
  const api = wrap<DatasetWorkerApi>(worker);
  let onAbort = () => {};
  let onError = (_event: ErrorEvent) => {};
  const stopped = new Promise<never>((_, reject) => {
    onAbort = () => reject(signal.reason);
    onError = (event) => reject(new Error(`the dataset reader stopped: ${event.message || 'the worker failed to start'}`));
    signal.addEventListener('abort', onAbort, { once: true });
    worker.addEventListener('error', onError);
  });
  try {
    return valueOf(await Promise.race([call(api), stopped]));
  } finally {
    signal.removeEventListener('abort', onAbort);
    worker.removeEventListener('error', onError);
    api[releaseProxy]();
    worker.terminate();
  }
}
