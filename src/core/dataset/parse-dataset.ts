// Entry points for reading official-schema JSONL: whole text (sync) or a stream of text chunks (async,
// yielding to the event loop so an 8 MB file does not freeze the page).
import { DatasetBuilder, type DatasetOptions } from './dataset-builder';
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

/** Parses a whole file's text synchronously. Throws DatasetParseError; never returns a partial dataset. */
export function parseDatasetText(text: string, options: DatasetOptions): Dataset {
  const builder = new DatasetBuilder(options);
  const body = stripBom(text);
  let line = 0;
  let start = 0;
  while (start < body.length) {
    const end = body.indexOf('\n', start);
    const stop = end === -1 ? body.length : end;
    builder.addLine(stripCr(body.slice(start, stop)), ++line);
    start = stop + 1;
  }
  return builder.finish();
}

/** Parses text chunks as they arrive (e.g. a decoded fetch body or File stream). */
export async function parseDatasetStream(chunks: AsyncIterable<string>, options: StreamParseOptions): Promise<Dataset> {
  const builder = new DatasetBuilder(options);
  const yieldFn = options.yieldFn ?? defaultYield;
  const now = options.now ?? Date.now;
  const everyLines = options.yieldEveryLines ?? 200;
  const everyMs = options.yieldEveryMs ?? 10;
  let pending = '';
  let bytes = 0;
  let line = 0;
  let sinceYield = 0;
  let lastYield = now();

  const take = async (text: string): Promise<void> => {
    builder.addLine(stripCr(text), ++line);
    if (++sinceYield >= everyLines || now() - lastYield >= everyMs) {
      await yieldFn();
      sinceYield = 0;
      lastYield = now();
    }
  };

  for await (const chunk of chunks) {
    bytes += utf8Length(chunk);
    pending += line === 0 && pending === '' ? stripBom(chunk) : chunk;
    let start = 0;
    for (let end = pending.indexOf('\n'); end !== -1; end = pending.indexOf('\n', start)) {
      await take(pending.slice(start, end));
      start = end + 1;
    }
    pending = pending.slice(start);
    options.onProgress?.({ bytes, lines: line });
  }
  if (pending !== '') await take(pending); // last line without a terminator
  options.onProgress?.({ bytes, lines: line });
  return builder.finish();
}

function stripBom(text: string): string {
  return text.charCodeAt(0) === 0xfeff ? text.slice(1) : text;
}

function stripCr(text: string): string {
  return text.endsWith('\r') ? text.slice(0, -1) : text;
}

/** UTF-8 size of a string without encoding it. */
function utf8Length(text: string): number {
  let n = 0;
  for (let i = 0; i < text.length; i++) {
    const c = text.charCodeAt(i);
    if (c < 0x80) n += 1;
    else if (c < 0x800) n += 2;
    else if (c >= 0xd800 && c <= 0xdbff && i + 1 < text.length) {
      n += 4; // surrogate pair
      i++;
    } else n += 3;
  }
  return n;
}
