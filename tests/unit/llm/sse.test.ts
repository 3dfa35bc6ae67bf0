// SSE parsing: events survive any chunk split (mid-line, between CR and LF, mid UTF-8 sequence via the stream reader).
import { describe, expect, it } from 'vitest';
import { SseParser, type SseEvent } from '../../../src/llm/openai/sse';
import { readChatStream } from '../../../src/llm/openai/read-stream';
import { LlmError } from '../../../src/llm/errors';

function parseInPieces(text: string, cuts: number[]): SseEvent[] {
  const p = new SseParser();
  const out: SseEvent[] = [];
  let at = 0;
  for (const c of [...cuts, text.length]) {
    out.push(...p.push(text.slice(at, c)));
    at = c;
  }
  return [...out, ...p.end()];
}

const STREAM = ': keep-alive\r\n\r\nevent: message\r\ndata: {"a":1}\r\n\r\ndata: line one\ndata:line two\n\ndata: [DONE]\r\r';
const EXPECTED: SseEvent[] = [
  { event: 'message', data: '{"a":1}' },
  { event: '', data: 'line one\nline two' },
  { event: '', data: '[DONE]' },
];

describe('SseParser', () => {
  it('parses CRLF, LF and CR line breaks, comments, multi-line data and event names', () => {
    expect(parseInPieces(STREAM, [])).toEqual(EXPECTED);
  });

  it('gives the same events for every single split point and for one-character chunks', () => {
    for (let cut = 0; cut <= STREAM.length; cut++) expect(parseInPieces(STREAM, [cut])).toEqual(EXPECTED);
    expect(parseInPieces(STREAM, [...STREAM].map((_, i) => i))).toEqual(EXPECTED);
  });

  it('dispatches a final event that lacks its blank line, and ignores an empty data-less block', () => {
    expect(parseInPieces('data: x', [])).toEqual([{ event: '', data: 'x' }]);
    expect(parseInPieces('event: ping\n\n', [])).toEqual([]);
  });
});

function byteStream(bytes: Uint8Array, size: number): ReadableStream<Uint8Array> {
  let at = 0;
  return new ReadableStream({
    pull(controller) {
      if (at >= bytes.length) return controller.close();
      controller.enqueue(bytes.subarray(at, at + size));
      at += size;
    },
  });
}

const chunk = (content: string | null, finish: string | null = null): string =>
  `data: ${JSON.stringify({ model: 'm', choices: [{ index: 0, delta: content === null ? {} : { content }, finish_reason: finish }] })}\n\n`;

describe('readChatStream', () => {
  const body = chunk('héllo → ') + chunk('wörld 😀') + chunk(null, 'stop') + 'data: {"choices":[],"usage":{"prompt_tokens":3,"completion_tokens":4,"total_tokens":7}}\n\ndata: [DONE]\n\n';
  const bytes = new TextEncoder().encode(body);

  it('joins deltas split at every byte, including inside multi-byte characters', async () => {
    for (const size of [1, 2, 3, 5, 64, bytes.length]) {
      const deltas: string[] = [];
      const a = await readChatStream(byteStream(bytes, size), (d, soFar) => deltas.push(`${d}|${soFar}`), () => undefined);
      expect(a.text).toBe('héllo → wörld 😀');
      expect(a.finishReason).toBe('stop');
      expect(a.usage).toEqual({ prompt_tokens: 3, completion_tokens: 4, total_tokens: 7 });
      expect(deltas).toEqual(['héllo → |héllo → ', 'wörld 😀|héllo → wörld 😀']);
    }
  });

  it('treats a stream that stops without [DONE] or finish_reason as cut off', async () => {
    const cut = new TextEncoder().encode(chunk('partial'));
    const err = await readChatStream(byteStream(cut, 4), undefined, () => undefined).catch((e: unknown) => e);
    expect(err).toBeInstanceOf(LlmError);
    expect((err as LlmError).kind).toBe('network');
  });

  it('accepts a finish_reason without [DONE], and rejects a chunk that is not JSON', async () => {
    const noDone = new TextEncoder().encode(chunk('ok') + chunk(null, 'length'));
    expect((await readChatStream(byteStream(noDone, 7), undefined, () => undefined)).finishReason).toBe('length');
    const bad = new TextEncoder().encode('data: {"choices": [\n\n');
    await expect(readChatStream(byteStream(bad, 3), undefined, () => undefined)).rejects.toMatchObject({ kind: 'bad-response' });
  });
});
