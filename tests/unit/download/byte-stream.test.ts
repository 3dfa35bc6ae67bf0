// Byte streams: UTF-8 decoding across chunk boundaries, BOM, invalid bytes, and cancelling a stream left early.
import { describe, expect, it } from 'vitest';
import { decodeUtf8, streamChunks } from '../../../src/core/download/byte-stream';
import { DownloadError } from '../../../src/core/download/errors';
import { byteChunks, encoder } from './helpers';

async function collect<T>(items: AsyncIterable<T>): Promise<T[]> {
  const out: T[] = [];
  for await (const item of items) out.push(item);
  return out;
}

describe('decodeUtf8', () => {
  it('keeps multi-byte characters whole at every chunk size', async () => {
    const text = 'é☕𝄞 a\nb ü\n';
    for (const size of [1, 2, 3, 5, 64]) expect((await collect(decodeUtf8(byteChunks(text, size)))).join(''), `size ${size}`).toBe(text);
  });

  it('drops a leading BOM', async () => {
    const bytes = new Uint8Array([0xef, 0xbb, 0xbf, ...encoder.encode('{}\n')]);
    expect((await collect(decodeUtf8(byteChunks(bytes, 2)))).join('')).toBe('{}\n');
  });

  it('rejects invalid UTF-8 naming where, and a sequence cut at the end', async () => {
    const bad = new Uint8Array([...encoder.encode('ok\n'), 0xc3, 0x28]);
    await expect(collect(decodeUtf8(byteChunks(bad, 4)))).rejects.toThrow(/not UTF-8 text \(invalid bytes between bytes 4 and 5\)/);
    const cut = new Uint8Array([...encoder.encode('ok'), 0xe2, 0x98]);
    const error = await collect(decodeUtf8(byteChunks(cut, 100))).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(DownloadError);
    expect(error).toMatchObject({ kind: 'encoding', message: expect.stringMatching(/at the end of the file/) });
  });
});

describe('streamChunks', () => {
  it('reads a ReadableStream to the end', async () => {
    const stream = new ReadableStream<Uint8Array>({
      start(controller) {
        controller.enqueue(encoder.encode('ab'));
        controller.enqueue(encoder.encode('c'));
        controller.close();
      },
    });
    expect((await collect(streamChunks(stream))).map((c) => new TextDecoder().decode(c))).toEqual(['ab', 'c']);
  });

  it('cancels the stream when the consumer stops early', async () => {
    let cancelled: unknown = 'not cancelled';
    let n = 0;
    const stream = new ReadableStream<Uint8Array>({
      pull(controller) {
        controller.enqueue(encoder.encode(String(n++)));
      },
      cancel(reason) {
        cancelled = reason;
      },
    });
    for await (const chunk of streamChunks(stream)) if (chunk.length > 0 && n > 2) break;
    expect(cancelled).toBeUndefined();
  });
});
