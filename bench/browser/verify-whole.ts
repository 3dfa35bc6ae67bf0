// The app's re-verification as one whole job on this page: parse the set, start the pool from the stored
// snapshot with the app's default size, re-verify every solution, close. Timed from start to end.
import { verifyDataset } from '../../src/build/verify-dataset';
import { parseDatasetText } from '../../src/core/dataset/parse-dataset';
import { createBrowserPool } from '../../src/engine/browser-pool';
import { snapshotKey } from '../../src/engine/snapshot';
import { engineSources } from '../../src/engine/sources';
import { idbCanonicalCache } from '../../src/storage/canonical-cache-store';
import { defaultSettings } from '../../src/state/execution-settings';
import { idbSnapshotStore } from './idb-snapshot-store';

/** Forget the canonical runs the app's cache keeps on this page's origin (the first repetition starts cold). */
export function clearCanonicalCache(): Promise<void> {
  return idbCanonicalCache().clear();
}

export async function verifyWhole(text: string): Promise<{ wallMs: number; workers: number; disagree: number }> {
  const t = performance.now();
  const dataset = parseDatasetText(text, { name: 'HE-R+', split: 'HE_plus' });
  const workers = defaultSettings(navigator.hardwareConcurrency || 2).workers;
  const pool = createBrowserPool({ size: workers, snapshotStore: idbSnapshotStore() });
  try {
    // As the app's re-verification: canonical runs kept in IndexedDB are reused.
    const canonicalCache = { cache: idbCanonicalCache(), engineKey: snapshotKey(engineSources.preload, engineSources.harness) };
    const { summary } = await verifyDataset(pool, dataset, { compare: 'paper', canonicalCache });
    return { wallMs: performance.now() - t, workers, disagree: summary.disagree + summary.skipped };
  } finally {
    await pool.close();
  }
}
