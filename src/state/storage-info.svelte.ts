// Browser storage facts for the Settings page: usage/quota, persistence, and the offline cache size.
export interface StorageFacts {
  /** Bytes used and available to this origin, when the browser reports them. */
  usage: number | null;
  quota: number | null;
  /** Whether the browser promised not to evict this origin's data. */
  persisted: boolean | null;
  /** Files in the service worker's precache. */
  offlineFiles: number | null;
}

export class StorageInfo {
  #facts = $state.raw<StorageFacts | null>(null);
  #persistResult = $state<'granted' | 'denied' | null>(null);

  get facts(): StorageFacts | null {
    return this.#facts;
  }
  get persistResult(): 'granted' | 'denied' | null {
    return this.#persistResult;
  }

  async refresh(): Promise<void> {
    const storage = navigator.storage;
    const estimate = storage?.estimate ? await storage.estimate().catch(() => null) : null;
    const persisted = storage?.persisted ? await storage.persisted().catch(() => null) : null;
    this.#facts = {
      usage: estimate?.usage ?? null,
      quota: estimate?.quota ?? null,
      persisted,
      offlineFiles: await countPrecached(),
    };
  }

  /** Ask the browser to keep this origin's data (datasets and runs) under storage pressure. */
  async requestPersistence(): Promise<void> {
    const granted = (await navigator.storage?.persist?.().catch(() => false)) ?? false;
    this.#persistResult = granted ? 'granted' : 'denied';
    await this.refresh();
  }
}

async function countPrecached(): Promise<number | null> {
  if (!('caches' in window)) return null;
  try {
    const names = (await caches.keys()).filter((n) => n.includes('precache'));
    let total = 0;
    for (const name of names) total += (await (await caches.open(name)).keys()).length;
    return total;
  } catch {
    return null;
  }
}

/** "12.3 MB" style size; decimal units as browsers report quotas. */
export function formatBytes(bytes: number): string {
  const units = ['B', 'kB', 'MB', 'GB', 'TB'];
  let value = bytes;
  let unit = 0;
  while (value >= 1000 && unit < units.length - 1) {
    value /= 1000;
    unit++;
  }
  return `${value.toFixed(unit === 0 ? 0 : 1)} ${units[unit]}`;
}
