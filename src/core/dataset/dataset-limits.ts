// Size caps for dataset input, one per line and one per file, checked by every reader (app and CLI) before it parses
// what they bound: an oversized file is refused naming the line and both sizes, instead of freezing whatever parses
// or shows it. Sizes are UTF-8 bytes, in decimal units as the official manifest and the app's storage figures give them.
import { DatasetParseError, type DatasetUnit } from './errors';
import { utf8Length } from './utf8-length';

/** The caps a reader applies, in bytes. */
export interface DatasetLimits {
  /** Longest line (or Parquet row as its JSON line), terminator excluded. */
  maxLineBytes: number;
  /** Largest file (the decoded text of a JSONL file; the file itself for Parquet). */
  maxFileBytes: number;
}

/**
 * Well above the official files: the largest, HE-R+, is about 8 MB, and the longest line of the upstream set it is
 * built from (EvalPlus HumanEval+) is 0.2 MB, so the file cap is about 12x and the line cap 40x those.
 */
export const DEFAULT_DATASET_LIMITS: Readonly<DatasetLimits> = { maxLineBytes: 8_000_000, maxFileBytes: 100_000_000 };

/** No caps: only for text that was checked when it was stored (re-reading must not refuse what was accepted). */
export const UNCAPPED: Readonly<DatasetLimits> = { maxLineBytes: Infinity, maxFileBytes: Infinity };

/** The range a cap may be set to, in bytes (1 MB to 2 GB). */
export const LIMIT_MIN_BYTES = 1_000_000;
export const LIMIT_MAX_BYTES = 2_000_000_000;

/** What a DatasetSizeError measured: one line (or row), or the whole file. */
export type SizeScope = 'line' | 'file';

/** A line or file over its cap. Like every DatasetParseError, nothing partial is returned or stored when thrown. */
export class DatasetSizeError extends DatasetParseError {
  override readonly name = 'DatasetSizeError';

  constructor(
    readonly scope: SizeScope,
    line: number,
    /** The size found, in bytes; a lower bound when `atLeast` (reading stopped before the end). */
    readonly bytes: number,
    /** The cap it broke, in bytes. */
    readonly limit: number,
    readonly atLeast: boolean,
    unit: DatasetUnit = 'line',
  ) {
    // A Parquet file's rows are validated as JSON lines: over the file cap there means their converted text.
    const what = scope === 'line' ? '' : unit === 'row' ? "the file's rows as JSON lines are " : 'the file is ';
    const per = scope === 'file' ? 'file' : unit;
    // The cap in full when it rounds to the size found ("8.0 MB ..., over the limit of 8.0 MB" would read as no excess).
    const cap = sizeText(limit, sizeText(limit, false) === sizeText(bytes, false));
    const detail = `${what}${atLeast ? 'at least ' : ''}${sizeText(bytes)}, over the limit of ${cap} per ${per}`;
    super(scope === 'file' ? 0 : line, '', detail, unit);
    if (scope === 'file') this.message = detail;
  }

  override asRow(): DatasetSizeError {
    return this.unit === 'row' ? this : new DatasetSizeError(this.scope, this.line, this.bytes, this.limit, this.atLeast, 'row');
  }
}

/** Throws DatasetSizeError when a file of `bytes` (at least that many when `atLeast`) is over the cap. */
export function checkFileSize(bytes: number, limits: DatasetLimits, atLeast = false): void {
  if (bytes > limits.maxFileBytes) throw new DatasetSizeError('file', 0, bytes, limits.maxFileBytes, atLeast);
}

/** Throws DatasetSizeError when line `line` (a whole line of text) is over the cap. */
export function checkLineSize(text: string, line: number, limits: DatasetLimits): void {
  // A char is 1 to 3 UTF-8 bytes: only text that might be over the cap is measured.
  if (text.length * 3 <= limits.maxLineBytes) return;
  const bytes = utf8Length(text);
  if (bytes > limits.maxLineBytes) throw new DatasetSizeError('line', line, bytes, limits.maxLineBytes, false);
}

/** Caps from parsed JSON of unknown shape (a saved setting): each valid field is kept, clamped; the rest take defaults. */
export function datasetLimitsFromJson(raw: unknown, defaults: DatasetLimits = DEFAULT_DATASET_LIMITS): DatasetLimits {
  const obj = typeof raw === 'object' && raw !== null ? (raw as Record<string, unknown>) : {};
  return { maxLineBytes: clampLimit(obj.maxLineBytes, defaults.maxLineBytes), maxFileBytes: clampLimit(obj.maxFileBytes, defaults.maxFileBytes) };
}

/** A cap rounded to whole bytes within [LIMIT_MIN_BYTES, LIMIT_MAX_BYTES]; a non-number gives the fallback. */
export function clampLimit(value: unknown, fallback: number): number {
  if (typeof value !== 'number' || !Number.isFinite(value)) return fallback;
  return Math.min(LIMIT_MAX_BYTES, Math.max(LIMIT_MIN_BYTES, Math.round(value)));
}

/** "60.0 MB (60,000,123 bytes)": a readable size, with the exact count a user can compare unless `exact` is false. */
export function sizeText(bytes: number, exact = true): string {
  const units = ['bytes', 'kB', 'MB', 'GB'];
  let value = bytes;
  let unit = 0;
  while (value >= 1000 && unit < units.length - 1) {
    value /= 1000;
    unit++;
  }
  if (unit === 0) return `${bytes} bytes`;
  return `${value.toFixed(1)} ${units[unit]}${exact ? ` (${groupDigits(bytes)} bytes)` : ''}`;
}

function groupDigits(n: number): string {
  return String(n).replace(/\B(?=(\d{3})+(?!\d))/g, ',');
}
