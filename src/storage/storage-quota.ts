// Storage usage against quota, and the persistent-storage request; both degrade to "unknown" where navigator.storage is missing.

/** The parts of StorageManager used here (all optional: older browsers and Node lack some or all). */
export type StorageManagerLike = Partial<Pick<StorageManager, 'estimate' | 'persist' | 'persisted'>>;

/** Bytes used and allowed, and whether storage is persistent; null where the browser does not say. */
export interface StorageUsage {
  usage: number | null;
  quota: number | null;
  persisted: boolean | null;
}

/** Outcome of asking for persistent storage. */
export type PersistResult = 'granted' | 'denied' | 'unsupported';

function defaultStorage(): StorageManagerLike | undefined {
  return typeof navigator === 'undefined' ? undefined : navigator.storage;
}

/** Current usage and quota. Never throws: failures read as unknown. */
export async function storageUsage(storage: StorageManagerLike | undefined = defaultStorage()): Promise<StorageUsage> {
  const [estimate, persisted] = await Promise.all([
    settle(() => storage?.estimate?.call(storage)),
    settle(() => storage?.persisted?.call(storage)),
  ]);
  return { usage: estimate?.usage ?? null, quota: estimate?.quota ?? null, persisted: persisted ?? null };
}

/** Asks the browser not to evict this origin's data under storage pressure. Never throws. */
export async function requestPersistentStorage(storage: StorageManagerLike | undefined = defaultStorage()): Promise<PersistResult> {
  if (!storage?.persist) return 'unsupported';
  try {
    return (await storage.persist.call(storage)) ? 'granted' : 'denied';
  } catch {
    return 'denied';
  }
}

/** The call's value, or undefined when it is missing, throws or rejects. */
async function settle<T>(call: () => Promise<T> | undefined): Promise<T | undefined> {
  try {
    return await call();
  } catch {
    return undefined;
  }
}
