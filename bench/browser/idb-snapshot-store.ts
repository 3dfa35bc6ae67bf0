// A memory-snapshot store in IndexedDB (plain API), so the bench's warm start reads the snapshot the way a
// returning visitor's page would: from disk, in a fresh page.
import type { SnapshotStore } from '../../src/engine/snapshot';

const DB = 'verifier-lab-bench';
const STORE = 'snapshots';

function open(): Promise<IDBDatabase> {
  return new Promise((resolve, reject) => {
    const request = indexedDB.open(DB, 1);
    request.onupgradeneeded = () => request.result.createObjectStore(STORE);
    request.onsuccess = () => resolve(request.result);
    request.onerror = () => reject(request.error);
  });
}

function run<T>(mode: IDBTransactionMode, op: (store: IDBObjectStore) => IDBRequest): Promise<T> {
  return open().then(
    (db) =>
      new Promise<T>((resolve, reject) => {
        const tx = db.transaction(STORE, mode);
        const request = op(tx.objectStore(STORE));
        tx.oncomplete = () => (db.close(), resolve(request.result as T));
        tx.onerror = () => (db.close(), reject(tx.error));
      }),
  );
}

export function idbSnapshotStore(): SnapshotStore & { clear(): Promise<void>; count(): Promise<number> } {
  return {
    get: (key) => run<Uint8Array | undefined>('readonly', (s) => s.get(key)),
    put: (key, bytes) => run<void>('readwrite', (s) => s.put(bytes, key)),
    clear: () => run<void>('readwrite', (s) => s.clear()),
    count: () => run<number>('readonly', (s) => s.count()),
  };
}
