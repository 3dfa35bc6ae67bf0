// Byte sources as async iterables: a ReadableStream (fetch body, File.stream()) read through its reader, chunks
// pulled one by one from another thread, and UTF-8 decoding that keeps multi-byte characters whole across chunk
// boundaries and rejects invalid bytes.
import { DownloadError } from './errors';

/** The reader part of a ReadableStream<Uint8Array> (core's lib has no DOM types). */
export interface ByteStreamLike {
  getReader(): {
    read(): Promise<{ done: boolean; value?: Uint8Array | undefined }>;
    cancel(reason?: unknown): Promise<void>;
    releaseLock(): void;
  };
}

interface Utf8Decoder {
  decode(input?: Uint8Array, options?: { stream?: boolean }): string;
}
declare const TextDecoder: new (label: 'utf-8', options: { fatal: boolean }) => Utf8Decoder;

/** The chunks of a stream; stopping early (break, throw) cancels the stream so the transfer stops too. */
export async function* streamChunks(stream: ByteStreamLike): AsyncGenerator<Uint8Array> {
  const reader = stream.getReader();
  let finished = false;
  try {
    for (;;) {
      const result = await reader.read();
      if (result.done || result.value === undefined) {
        finished = result.done;
        if (finished) return;
        continue;
      }
      yield result.value;
    }
  } finally {
    if (!finished) await reader.cancel().catch(() => {});
    reader.releaseLock();
  }
}

/** Pulls the next chunk of a byte source read elsewhere (a download the page fetches), or null at its end. */
export type NextChunk = () => Promise<Uint8Array | null>;

/** The chunks `next` hands out, until it gives null; its errors (a broken connection) pass through. */
export async function* pulledChunks(next: NextChunk): AsyncGenerator<Uint8Array> {
  for (let chunk = await next(); chunk !== null; chunk = await next()) yield chunk;
}

/**
 * Decodes UTF-8 chunks to text chunks. A leading BOM is dropped (as TextDecoder does); invalid UTF-8 throws
 * DownloadError 'encoding' naming the byte offset of the chunk it was found in.
 */
export async function* decodeUtf8(chunks: AsyncIterable<Uint8Array>): AsyncGenerator<string> {
  const decoder = new TextDecoder('utf-8', { fatal: true });
  let offset = 0;
  for await (const chunk of chunks) {
    yield decode(decoder, chunk, offset);
    offset += chunk.byteLength;
  }
  const rest = decode(decoder, undefined, offset);
  if (rest !== '') yield rest;
}

function decode(decoder: Utf8Decoder, chunk: Uint8Array | undefined, offset: number): string {
  try {
    return chunk === undefined ? decoder.decode() : decoder.decode(chunk, { stream: true });
  } catch {
    const where = chunk === undefined ? 'at the end of the file' : `between bytes ${offset} and ${offset + chunk.byteLength}`;
    throw new DownloadError('encoding', `the file is not UTF-8 text (invalid bytes ${where})`);
  }
}
