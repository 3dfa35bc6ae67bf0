// Entry points for reading official-schema JSONL: whole text (sync) or a stream of text chunks (async, yielding to
// the event loop). Both apply the size caps of dataset-limits.ts before a line is parsed.
import { DatasetBuilder, type DatasetOptions } from './dataset-builder';
import { checkFileSize, checkLineSize, DatasetSizeError, DEFAULT_DATASET_LIMITS } from './dataset-limits';
import { utf8Length } from './utf8-length';
import type { Dataset } from './types';

// ES2023's lib has no timers; both Node and browsers provide setTimeout.
declare function setTimeout(callback: () => void, ms?: number): unknown;

/** Progress after each chunk and at the end: UTF-8 bytes consumed and physical lines seen. */
export interface ParseProgress {
  bytes: number;
  lines: number;
}

export interface StreamParseOptions extends DatasetOptions {
  onProgress?: (progress: ParseProgress) => void;
  /** How to give the event loop a turn; defaults to a zero-delay timeout. */
  yieldFn?: () => Promise<void>;
  /** Yield after this many lines (default 200) ... */
  yieldEveryLines?: number;
  /** ... or once this many milliseconds have passed since the last yield (default 10). */
  yieldEveryMs?: number;
  /** Clock for yieldEveryMs; defaults to Date.now. */
  now?: () => number;
}

const defaultYield = (): Promise<void> => new Promise((resolve) => setTimeout(resolve, 0));

/** Parses a whole file's text synchronously. Throws DatasetParseError (DatasetSizeError over a cap); never returns a partial dataset. */
export function parseDatasetText(text: string, options: DatasetOptions): Dataset {
  const limits = options.limits ?? DEFAULT_DATASET_LIMITS;
  const builder = new DatasetBuilder(options);
  const body = stripBom(text);
  if (body.length > limits.maxFileBytes / 3) checkFileSize(utf8Length(body), limits);
  let line = 0;
  let start = 0;
  while (start < body.length) {
    const end = body.indexOf('\n', start);
    const stop = end === -1 ? body.length : end;
    const lineText = stripCr(body.slice(start, stop));
    checkLineSize(lineText, ++line, limits);
    builder.addLine(lineText, line);
    start = stop + 1;
  }
  return builder.finish();
}

/**
 * Parses text chunks as they arrive (e.g. a decoded fetch body or File stream). Each chunk is scanned once, so a
 * long line costs linear time; a line over the cap is measured to its end without being kept, then refused.
 */
export async function parseDatasetStream(chunks: AsyncIterable<string>, options: StreamParseOptions): Promise<Dataset> {
  const limits = options.limits ?? DEFAULT_DATASET_LIMITS;
  const builder = new DatasetBuilder(options);
  const yieldFn = options.yieldFn ?? defaultYield;
  const now = options.now ?? Date.now;
  const everyLines = options.yieldEveryLines ?? 200;
  const everyMs = options.yieldEveryMs ?? 10;
  const pending: string[] = []; // pieces of the line not yet ended
  let pendingBytes = 0;
  let oversized = false; // the pending line is over the cap: only its size is counted
  let bytes = 0;
  let line = 0;
  let sinceYield = 0;
  let lastYield = now();

  const take = async (text: string): Promise<void> => {
    const lineText = stripCr(text);
    checkLineSize(lineText, ++line, limits);
    builder.addLine(lineText, line);
    if (++sinceYield >= everyLines || now() - lastYield >= everyMs) {
      await yieldFn();
      sinceYield = 0;
      lastYield = now();
    }
  };
  const tooLong = (atLeast: boolean) => new DatasetSizeError('line', line + 1, pendingBytes, limits.maxLineBytes, atLeast);
  const keep = (piece: string) => {
    const size = utf8Length(piece);
    pendingBytes += size;
    if (!oversized && pendingBytes > limits.maxLineBytes) {
      oversized = true;
      pending.length = 0;
    }
    if (!oversized) pending.push(piece);
  };

  for await (const chunk of chunks) {
    const text = bytes === 0 ? stripBom(chunk) : chunk;
    bytes += utf8Length(chunk);
    // A line over the cap is refused by its own size even if the file cap is reached first while measuring it.
    if (bytes > limits.maxFileBytes) throw oversized ? tooLong(true) : new DatasetSizeError('file', 0, bytes, limits.maxFileBytes, true);
    let start = 0;
    for (let end = text.indexOf('\n'); end !== -1; end = text.indexOf('\n', start)) {
      keep(text.slice(start, end));
      if (oversized) throw tooLong(false);
      const whole = pending.join('');
      pending.length = 0;
      pendingBytes = 0;
      await take(whole);
      start = end + 1;
    }
    if (start < text.length) keep(text.slice(start));
    options.onProgress?.({ bytes, lines: line });
  }
  if (oversized) throw tooLong(false);
  if (pending.length > 0) await take(pending.join('')); // last line without a terminator
  options.onProgress?.({ bytes, lines: line });
  return builder.finish();
}

function stripBom(text: string): string {
  return text.charCodeAt(0) === 0xfeff ? text.slice(1) : text;
}

function stripCr(text: string): string {
  return text.endsWith('\r') ? text.slice(0, -1) : text;
}
