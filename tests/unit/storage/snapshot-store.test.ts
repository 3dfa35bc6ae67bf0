// The IndexedDB snapshot cache: misses are null, bytes round-trip, only the newest key is kept, failures never throw.
import 'fake-indexeddb/auto';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { idbSnapshotStore, SNAPSHOT_DB_NAME } from '../../../src/storage/snapshot-store';
import { simulateQuota } from './helpers';

function bytes(n: number, seed: number): Uint8Array {
  return Uint8Array.from({ length: n }, (_, i) => (i * 31 + seed) & 0xff);
}

async function storedKeys(factory: IDBFactory): Promise<IDBValidKey[]> {
  const db = await new Promise<IDBDatabase>((resolve, reject) => {
    const request = factory.open(SNAPSHOT_DB_NAME);
    request.onsuccess = () => resolve(request.result);
    request.onerror = () => reject(request.error);
  });
  const keys = await new Promise<IDBValidKey[]>((resolve, reject) => {
    const request = db.transaction('snapshots').objectStore('snapshots').getAllKeys();
    request.onsuccess = () => resolve(request.result);
    request.onerror = () => reject(request.error);
  });
  db.close();
  return keys;
}

describe('idbSnapshotStore', () => {
  afterEach(() => vi.restoreAllMocks());

  it('returns null for a key never stored', async () => {
    const store = idbSnapshotStore({ factory: new IDBFactory() });
    expect(await store.get('pyodide-314.0.7-preload-0')).toBeNull();
  });

  it('returns the bytes it was given', async () => {
    const factory = new IDBFactory();
    const original = bytes(100_000, 1);
    await idbSnapshotStore({ factory }).put('k1', original);
    const got = await idbSnapshotStore({ factory }).get('k1');
    expect(got).toBeInstanceOf(Uint8Array);
    expect(got).toEqual(original);
  });

  it('keeps only the newest key', async () => {
    const factory = new IDBFactory();
    const store = idbSnapshotStore({ factory });
    await store.put('pyodide-old', bytes(10, 1));
    await store.put('pyodide-new', bytes(10, 2));
    expect(await store.get('pyodide-old')).toBeNull();
    expect(await store.get('pyodide-new')).toEqual(bytes(10, 2));
    expect(await storedKeys(factory)).toEqual(['pyodide-new']);
    await store.put('pyodide-new', bytes(10, 3)); // same key again: replaced, not duplicated
    expect(await storedKeys(factory)).toEqual(['pyodide-new']);
    expect(await store.get('pyodide-new')).toEqual(bytes(10, 3));
  });

  it('reports a put refused for quota instead of throwing, and stores nothing', async () => {
    const factory = new IDBFactory();
    const warn = vi.fn();
    const store = idbSnapshotStore({ factory, warn });
    simulateQuota('snapshots');
    await expect(store.put('k1', bytes(10, 1))).resolves.toBeUndefined();
    expect(warn).toHaveBeenCalledOnce();
    expect((warn.mock.calls[0]![1] as { name?: string }).name).toBe('QuotaExceededError');
    vi.restoreAllMocks();
    expect(await store.get('k1')).toBeNull();
  });

  it('treats a database that cannot open as empty and unwritable', async () => {
    const factory = new IDBFactory();
    vi.spyOn(factory, 'open').mockImplementation(() => {
      throw new DOMException('IndexedDB is disabled', 'InvalidStateError');
    });
    const warn = vi.fn();
    const store = idbSnapshotStore({ factory, warn });
    expect(await store.get('k1')).toBeNull();
    await expect(store.put('k1', bytes(10, 1))).resolves.toBeUndefined();
    expect(warn).toHaveBeenCalledOnce();
  });
});
