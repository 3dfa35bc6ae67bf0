// Reads an SSE chat-completions stream into one answer: `data:` JSON chunks until `[DONE]`.
// A stream that ends without [DONE] and without a finish_reason was cut off: that is a 'network' error, not an answer.

import { LlmError } from '../errors';
import type { GenerateRequest } from '../types';
import { SseParser } from './sse';
import { readChunk, type Answer } from './wire';

/** Consume `body`; `progress` learns the answer length as it grows (for error messages). */
export async function readChatStream(
  body: ReadableStream<Uint8Array>,
  onDelta: GenerateRequest['onDelta'],
  progress: (chars: number) => void,
): Promise<Answer> {
  const reader = body.getReader();
  const decoder = new TextDecoder();
  const parser = new SseParser();
  const answer: Answer = { text: '', reasoning: '', finishReason: 'unknown', model: null, usage: null, raw: null };
  let finished = false; // saw a finish_reason
  let done = false; // saw [DONE]

  const take = (data: string): void => {
    if (data === '[DONE]') {
      done = true;
      return;
    }
    let json: unknown;
    try {
      json = JSON.parse(data);
    } catch {
      throw new LlmError('bad-response', `a stream chunk is not JSON: ${data.slice(0, 120)}`);
    }
    const part = readChunk(json);
    answer.raw = json;
    if (part.model) answer.model = part.model;
    if (part.usage) answer.usage = part.usage;
    if (part.finishReason) {
      answer.finishReason = part.finishReason;
      finished = true;
    }
    if (part.reasoning) {
      answer.reasoning += part.reasoning;
      onDelta?.(part.reasoning, answer.reasoning, 'reasoning');
    }
    if (part.content) {
      answer.text += part.content;
      progress(answer.text.length);
      onDelta?.(part.content, answer.text, 'content');
    }
  };

  try {
    while (!done) {
      const { value, done: ended } = await reader.read();
      const events = ended ? [...parser.push(decoder.decode()), ...parser.end()] : parser.push(decoder.decode(value, { stream: true }));
      for (const e of events) {
        if (done) break;
        take(e.data);
      }
      if (ended) break;
    }
  } finally {
    // Frees the connection after [DONE] or a bad chunk; harmless once the stream has ended.
    await reader.cancel().catch(() => undefined);
  }
  if (!done && !finished) {
    throw new LlmError('network', `the stream ended before the answer was complete (no [DONE]), after ${answer.text.length} characters`);
  }
  return answer;
}
