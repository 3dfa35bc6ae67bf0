// Options every app engine pool shares: the IndexedDB snapshot cache, so only the first worker ever starts
// Pyodide cold (3-6 s) and later ones, in this tab or a later visit, load the snapshot (about 0.5 s).
import type { BrowserPoolOptions } from '../engine/browser-pool';
import type { EngineCanonicalCache } from '../engine/prepare-tests';
import { snapshotKey } from '../engine/snapshot';
import { engineSources } from '../engine/sources';
import { idbCanonicalCache } from '../storage/canonical-cache-store';
import { idbSnapshotStore } from '../storage/snapshot-store';

/** `{ snapshotStore }` when IndexedDB exists (not in some private modes or old embeds), else nothing. */
export function enginePoolOptions(): Pick<BrowserPoolOptions, 'snapshotStore'> {
  return typeof indexedDB === 'undefined' ? {} : { snapshotStore: idbSnapshotStore() };
}

/** This browser's kept canonical runs (see core/run/canonical-cache.ts), or null without IndexedDB. */
export function engineCanonicalCache(): EngineCanonicalCache | null {
  if (typeof indexedDB === 'undefined') return null;
  return { cache: idbCanonicalCache(), engineKey: snapshotKey(engineSources.preload, engineSources.harness) };
}

/** How many canonical runs this browser keeps (null when storage cannot tell). */
export async function keptCanonicalRuns(): Promise<number | null> {
  if (typeof indexedDB === 'undefined') return null;
  return idbCanonicalCache().count().catch(() => null);
}

/** Forget every kept canonical run: later jobs time the canonical solutions again. */
export async function forgetCanonicalRuns(): Promise<void> {
  if (typeof indexedDB !== 'undefined') await idbCanonicalCache().clear();
}
