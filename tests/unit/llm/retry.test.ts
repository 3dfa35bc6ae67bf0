// Retry policy (pure).
import { describe, expect, it } from 'vitest';
import { LlmError } from '../../../src/llm/errors';
import { DEFAULT_RETRY_POLICY, backoffDelay, parseRetryAfter, retryDelay } from '../../../src/llm/retry';

const headers = (h: Record<string, string>) => ({ get: (n: string) => h[n.toLowerCase()] ?? null });

describe('retry policy', () => {
  const now = Date.parse('2025-03-01T12:00:00Z');

  it('reads Retry-After as seconds, as an HTTP date, and retry-after-ms first', () => {
    expect(parseRetryAfter(headers({ 'retry-after': '3' }), now)).toBe(3000);
    expect(parseRetryAfter(headers({ 'retry-after': '0.5' }), now)).toBe(500);
    expect(parseRetryAfter(headers({ 'retry-after': 'Sat, 01 Mar 2025 12:00:07 GMT' }), now)).toBe(7000);
    expect(parseRetryAfter(headers({ 'retry-after': 'Sat, 01 Mar 2025 11:00:00 GMT' }), now)).toBe(0);
    expect(parseRetryAfter(headers({ 'retry-after-ms': '250', 'retry-after': '9' }), now)).toBe(250);
    expect(parseRetryAfter(headers({ 'retry-after': 'soon' }), now)).toBeUndefined();
    expect(parseRetryAfter(headers({}), now)).toBeUndefined();
  });

  it('backs off exponentially with jitter in [half, full], capped', () => {
    const p = { ...DEFAULT_RETRY_POLICY, baseDelayMs: 100, maxDelayMs: 1000 };
    expect([1, 2, 3, 4, 5].map((a) => backoffDelay(a, p, () => 0))).toEqual([50, 100, 200, 400, 500]);
    expect([1, 2, 3, 4, 5].map((a) => backoffDelay(a, p, () => 1))).toEqual([100, 200, 400, 800, 1000]);
  });

  it('retries only retryable kinds, within max attempts, and honours Retry-After up to the limit', () => {
    const p = { ...DEFAULT_RETRY_POLICY, maxAttempts: 3, baseDelayMs: 100, maxRetryAfterMs: 5000 };
    const r = () => 1;
    expect(retryDelay(new LlmError('server', 'x'), 1, p, r)).toBe(100);
    expect(retryDelay(new LlmError('server', 'x'), 3, p, r)).toBeNull();
    expect(retryDelay(new LlmError('auth', 'x'), 1, p, r)).toBeNull();
    expect(retryDelay(new LlmError('rate-limit', 'x', { retryAfterMs: 2000 }), 1, p, r)).toBe(2000);
    expect(retryDelay(new LlmError('rate-limit', 'x', { retryAfterMs: 60_000 }), 1, p, r)).toBeNull();
    expect(retryDelay(new LlmError('rate-limit', 'quota', { retryable: false }), 1, p, r)).toBeNull();
  });
});
