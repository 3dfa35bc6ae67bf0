// HTTP status and fetch-failure mapping to LlmError kinds, server message extraction, and key redaction (pure).
import { describe, expect, it } from 'vitest';
import { LlmError, redactError, redactSecret } from '../../../src/llm/errors';
import { errorFromFailure, errorFromStatus, serverMessage } from '../../../src/llm/openai/http-errors';

const none = { get: () => null };
const ctx = { url: 'https://api.example.com/v1/chat/completions', model: 'm-1', apiKey: 'sk-secret-abcdef', nowMs: 0 };
const status = (code: number, body = '', headers = none) => errorFromStatus(code, body, headers, ctx);

describe('errorFromStatus', () => {
  it('maps statuses to kinds', () => {
    expect([401, 403, 404, 429, 408, 409, 500, 502, 400, 422].map((c) => status(c).kind)).toEqual([
      'auth', 'auth', 'not-found', 'rate-limit', 'timeout', 'server', 'server', 'server', 'bad-request', 'bad-request',
    ]);
    expect(status(400).retryable).toBe(false);
    expect(status(503).retryable).toBe(true);
  });

  it('treats an exhausted quota (429 insufficient_quota) as final', () => {
    const e = status(429, JSON.stringify({ error: { message: 'You exceeded your current quota', code: 'insufficient_quota' } }));
    expect(e.retryable).toBe(false);
    expect(e.hint).toMatch(/quota/);
  });

  it('quotes the server message from OpenAI, FastAPI and plain bodies, shortened and without the key', () => {
    expect(serverMessage('{"error":{"message":"bad  model\\n name"}}')).toBe('bad model name');
    expect(serverMessage('{"detail":"Not Found"}')).toBe('Not Found');
    expect(serverMessage('{"error":"nope"}')).toBe('nope');
    expect(serverMessage('x'.repeat(400))).toHaveLength(303);
    const e = status(400, `{"error":{"message":"key sk-secret-abcdef is malformed"}}`);
    expect(e.message).toBe('request rejected (400): key *** is malformed');
  });
});

describe('errorFromFailure', () => {
  const base = { ...ctx, timeoutSignal: new AbortController().signal, timeoutMs: 5000, phase: 'request' as const, streamed: 0 };

  it('tells a caller abort from a timeout', () => {
    const caller = new AbortController();
    caller.abort();
    expect(errorFromFailure(new DOMException('aborted', 'AbortError'), { ...base, callerSignal: caller.signal }).kind).toBe('aborted');
    const timeout = new AbortController();
    timeout.abort();
    expect(errorFromFailure(new DOMException('timeout', 'TimeoutError'), { ...base, timeoutSignal: timeout.signal }).message).toBe('no complete answer within 5 s');
  });

  it('a fetch TypeError is CORS/unreachable from a page on another origin, network otherwise', () => {
    const failed = new TypeError('Failed to fetch');
    expect(errorFromFailure(failed, { ...base, pageOrigin: 'http://localhost:4173' }).kind).toBe('cors');
    expect(errorFromFailure(failed, { ...base, pageOrigin: 'https://api.example.com' }).kind).toBe('network');
    expect(errorFromFailure(failed, base).kind).toBe('network');
    expect(errorFromFailure(failed, { ...base, phase: 'response', streamed: 12 }).message).toMatch(/lost while reading the answer, after 12 characters/);
  });
});

describe('redaction', () => {
  it('removes the key from messages and hints, but leaves placeholder keys shorter than 8 characters alone', () => {
    expect(redactSecret('a sk-secret-abcdef b', 'sk-secret-abcdef')).toBe('a *** b');
    expect(redactSecret('the browser blocked it', 'k')).toBe('the browser blocked it');
    const e = redactError(new LlmError('auth', 'bad sk-secret-abcdef', { status: 401, hint: 'sk-secret-abcdef?' }), 'sk-secret-abcdef');
    expect([e.message, e.hint, e.status, e.kind]).toEqual(['bad ***', '***?', 401, 'auth']);
  });
});
