// A ParquetConverter backed by a short-lived module worker: the bytes are transferred (not copied), the worker is
// terminated when done, on abort, or when it dies, and the call always settles (comlink alone would hang).
import { releaseProxy, transfer, wrap } from 'comlink';
import type { ParquetConverter } from '../core/download/read-parquet';
import { conversionLines } from './parquet-conversion';
import type { ParquetWorkerApi } from './parquet-worker-api';

/** Converts in a fresh worker; aborting `signal` stops it and rejects with the signal's reason. */
export function parquetConverterInWorker(signal: AbortSignal): ParquetConverter {
  return async (bytes) => {
    signal.throwIfAborted();
    const worker = new Worker(new URL('./parquet.worker.ts', import.meta.url), { type: 'module', name: 'verifier-lab-parquet' });
    const api = wrap<ParquetWorkerApi>(worker);
    let onAbort = () => {};
    let onError = (_event: ErrorEvent) => {};
    const stopped = new Promise<never>((_, reject) => {
      onAbort = () => reject(signal.reason);
      onError = (event) => reject(new Error(`the Parquet reader stopped: ${event.message || 'the worker failed to start'}`));
      signal.addEventListener('abort', onAbort, { once: true });
      worker.addEventListener('error', onError);
    });
    try {
      const view = bytes.byteOffset === 0 && bytes.byteLength === bytes.buffer.byteLength ? bytes : bytes.slice();
      return conversionLines(await Promise.race([api.convert(transfer(view, [view.buffer])), stopped]));
    } finally {
      signal.removeEventListener('abort', onAbort);
      worker.removeEventListener('error', onError);
      api[releaseProxy]();
      worker.terminate();
    }
  };
}
