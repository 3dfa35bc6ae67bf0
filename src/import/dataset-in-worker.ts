// Dataset reading and parsing in a short-lived module worker: the worker is terminated when done, on abort, or when
// it dies, and every call settles (comlink alone would hang). The page stays responsive whatever the file holds.
import { proxy, releaseProxy, transfer, wrap, type Remote } from 'comlink';
import type { Dataset } from '../core/dataset/types';
import type { OpenedDownload } from '../core/download/download-dataset';
import type { DatasetBytes, ReadProgress } from '../core/download/read-dataset';
import type { DatasetReadOptions, DatasetWorkerApi, DownloadReadOptions } from './dataset-worker-api';
import { valueOf, type WorkerResult } from './worker-failure';

/** Reads an imported file (JSONL or Parquet) in a worker; aborting stops it and rejects with the signal's reason. */
export function readFileInWorker(file: File, options: DatasetReadOptions, signal: AbortSignal, onProgress: (p: ReadProgress) => void): Promise<DatasetBytes> {
  return whileSettling(onProgress, (report) => inWorker(signal, (api) => api.readFile(file, options, proxy(report))));
}

/**
 * Reads a download's body in a worker: the page keeps the fetch (so the service worker sees it) and hands each chunk
 * over as the worker asks for it. Aborting stops the worker and the transfer, and rejects with the signal's reason.
 */
export async function readDownloadInWorker(download: OpenedDownload, options: Omit<DownloadReadOptions, 'exactBytes'>, signal: AbortSignal, onProgress: (p: ReadProgress) => void): Promise<DatasetBytes> {
  const reader = download.body.getReader();
  const next = async (): Promise<Uint8Array | null> => {
    for (;;) {
      const { done, value } = await reader.read();
      if (done) return null;
      if (value === undefined) continue;
      // A chunk that owns its whole buffer moves to the worker instead of being copied.
      const owns = value.byteOffset === 0 && value.byteLength === value.buffer.byteLength && value.buffer instanceof ArrayBuffer;
      return owns ? transfer(value, [value.buffer]) : value;
    }
  };
  try {
    return await whileSettling(onProgress, (report) => inWorker(signal, (api) => api.readDownload(proxy(next), { ...options, exactBytes: download.exactBytes }, proxy(report))));
  } finally {
    // Stops the transfer when the worker stopped early (a bad line, a cap, abort); nothing is left once read to the end.
    await reader.cancel().catch(() => {});
    reader.releaseLock();
  }
}

/** Parses a stored dataset's text in a worker. */
export function parseTextInWorker(text: string, options: DatasetReadOptions, signal: AbortSignal): Promise<Dataset> {
  return inWorker(signal, (api) => api.parseText(text, options));
}

/** Runs `read`, passing progress on until it settles (progress comes through its own port, so a report may arrive after the result). */
async function whileSettling<T>(onProgress: (p: ReadProgress) => void, read: (report: (p: ReadProgress) => void) => Promise<T>): Promise<T> {
  let settled = false;
  try {
    return await read((progress) => {
      if (!settled) onProgress(progress);
    });
  } finally {
    settled = true;
  }
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
