// Stored dataset shapes: a cheap meta record for listings and the body (the file's text) kept apart. Pure types:
// storage keeps them, state and the UI list them.
import type { SchemaFamily, SplitName } from './types';

/** Where a stored dataset came from. */
export type DatasetSource =
  | { kind: 'bundled'; fileName: string }
  | { kind: 'download'; url: string }
  /** `format: 'parquet'`: the stored text is the JSONL conversion of the Parquet file named. */
  | { kind: 'file'; fileName: string; format?: 'parquet' }
  /** A ranking set built in the app from a benchmark and candidate pools. */
  | { kind: 'built'; description: string };

/** What the Datasets page lists. Counts and hash are computed by storage from what it stores, not taken on trust. */
export interface DatasetMeta {
  /** The sha256 (of the text, or of the Parquet file): content-addressed, so one file is stored once and run files can refer to it anywhere. */
  id: string;
  name: string;
  split: SplitName;
  family: SchemaFamily;
  source: DatasetSource;
  /** Hex sha256 of the UTF-8 text as stored (equals the file's hash for BOM-less UTF-8 files); of the file for Parquet. */
  sha256: string;
  /** UTF-8 size of the text; the file's size for Parquet. */
  bytes: number;
  problemCount: number;
  solutionCount: number;
  /** Epoch milliseconds. */
  addedAt: number;
}

/** The dataset file's text, re-parsed on load (parsing keeps big EvalPlus integers exact). */
export interface DatasetBody {
  id: string;
  text: string;
}
