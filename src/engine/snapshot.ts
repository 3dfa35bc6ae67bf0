// Memory-snapshot caching contract. A snapshot is only valid for the exact Pyodide build and Python sources
// that made it (it is a private Pyodide API; it holds the preloaded modules and the compiled harness), so all
// of them are part of the key.
// The package version equals pyodide.version; importing the JSON keeps the loader out of the main bundle.
import pyodidePackage from 'pyodide/package.json';

/** Where a pool keeps snapshots: a file in Node, an IndexedDB store supplied by the app in browsers. */
export interface SnapshotStore {
  get(key: string): Promise<Uint8Array | null | undefined>;
  put(key: string, bytes: Uint8Array): Promise<void>;
}

/** FNV-1a, enough to tell preload sources apart. */
function fnv1a(text: string): string {
  let h = 0x811c9dc5;
  for (let i = 0; i < text.length; i++) {
    h ^= text.charCodeAt(i);
    h = Math.imul(h, 0x01000193) >>> 0;
  }
  return h.toString(16).padStart(8, '0');
}

/** Cache key of a snapshot made with this Pyodide, this preload source and these harness sources. */
export function snapshotKey(preloadSource: string, harnessSources: readonly string[]): string {
  return `pyodide-${pyodidePackage.version}-preload-${fnv1a(preloadSource)}-harness-${fnv1a(harnessSources.join('\0'))}`;
}
