// Official datasets shipped inside a build (vite-plugins/bundled-datasets.ts): what the app is told about them.

/** One dataset file the build emitted at `path` (relative to the app's base URL). */
export interface BundledDataset {
  /** The official id, e.g. "HE-R+". */
  id: string;
  file: string;
  /** "datasets/official/HE-R+.jsonl": "+" stays literal so the service worker's precache key matches. */
  path: string;
  bytes: number;
  sha256: string;
  problems: number;
  solutions: number;
}

/** Where bundled files go in the build output. */
export const BUNDLED_DIR = 'datasets/official/';

/** The name `define` replaces with the bundled list (absent when the plugin is not in the build). */
export const BUNDLED_DEFINE = '__VERIFIER_LAB_BUNDLED_DATASETS__';
