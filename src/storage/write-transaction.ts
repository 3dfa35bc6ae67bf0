// The one way storage writes: a single readwrite transaction that either commits whole or leaves nothing, with quota errors named.
import type { IDBPTransaction, StoreNames } from 'idb';
import type { LabDb, LabSchema } from './schema';
import { isQuotaError, StorageQuotaError } from './storage-errors';

/** A readwrite transaction over `N`. */
export type WriteTx<N extends StoreNames<LabSchema>[]> = IDBPTransaction<LabSchema, N, 'readwrite'>;

/**
 * Runs `work` in one readwrite transaction over `stores` and waits for the commit. If `work` throws, a request
 * fails, the commit fails or `signal` aborts, the transaction is aborted and nothing is kept.
 * `work` may await requests of `tx` only (anything else lets the transaction commit early); it hands write
 * requests to `queued` instead of awaiting them, since a failed write surfaces as the transaction's error.
 * A quota failure, whether a request's or the commit's, rejects with StorageQuotaError about `what`.
 */
export async function writeTransaction<N extends StoreNames<LabSchema>[], T>(
  db: LabDb,
  stores: N,
  what: string,
  work: (tx: WriteTx<N>) => T | Promise<T>,
  signal?: AbortSignal,
): Promise<T> {
  signal?.throwIfAborted();
  const tx = db.transaction(stores, 'readwrite');
  const done = tx.done;
  done.catch(() => {}); // awaited below; this keeps an early failure from counting as unhandled
  const abort = () => abortQuietly(tx);
  signal?.addEventListener('abort', abort);
  try {
    const result = await work(tx);
    await done;
    return result;
  } catch (error) {
    abort();
    if (signal?.aborted) throw signal.reason;
    // tx.done rejects with a bare AbortError on a failed request; the transaction's own error says why.
    const cause = tx.error && (error as { name?: unknown } | null)?.name === 'AbortError' ? tx.error : error;
    // Browsers report quota on the transaction (at commit) or on the request; either way name it.
    if (isQuotaError(cause) || isQuotaError(tx.error)) throw new StorageQuotaError(what, cause);
    throw cause;
  } finally {
    signal?.removeEventListener('abort', abort);
  }
}

/** Hands over a write request: its failure aborts the transaction, which writeTransaction reports. */
export function queued(request: Promise<unknown>): void {
  request.catch(() => {});
}

function abortQuietly(tx: { abort(): void }): void {
  try {
    tx.abort();
  } catch {
    // already committed or aborted
  }
}
