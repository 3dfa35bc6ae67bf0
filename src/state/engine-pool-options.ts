// Options every app engine pool shares: the IndexedDB snapshot cache, so only the first worker ever starts
// Pyodide cold (3-6 s) and later ones, in this tab or a later visit, load the snapshot (about 0.5 s).
import type { BrowserPoolOptions } from '../engine/browser-pool';
import { idbSnapshotStore } from '../storage/snapshot-store';

/** `{ snapshotStore }` when IndexedDB exists (not in some private modes or old embeds), else nothing. */
export function enginePoolOptions(): Pick<BrowserPoolOptions, 'snapshotStore'> {
  return typeof indexedDB === 'undefined' ? {} : { snapshotStore: idbSnapshotStore() };
}
