// Retry policy: exponential backoff with jitter, overridden by the server's Retry-After. Pure functions.

import { LlmError } from './errors';

/** How hard to retry. Defaults: 4 attempts, 0.5 s doubling up to 20 s, honour Retry-After up to 60 s. */
export interface RetryPolicy {
  /** Total attempts including the first (1 = never retry). */
  maxAttempts: number;
  baseDelayMs: number;
  maxDelayMs: number;
  /** A longer Retry-After than this gives up at once (e.g. a daily quota) rather than waiting. */
  maxRetryAfterMs: number;
}

export const DEFAULT_RETRY_POLICY: RetryPolicy = { maxAttempts: 4, baseDelayMs: 500, maxDelayMs: 20_000, maxRetryAfterMs: 60_000 };

/** Minimal header access, satisfied by fetch's Headers. */
export interface HeaderLookup {
  get(name: string): string | null;
}

/**
 * Server-requested wait in ms: `retry-after-ms` (OpenAI), else `Retry-After` as seconds or an HTTP date.
 * Undefined when absent or unreadable; never negative.
 */
export function parseRetryAfter(headers: HeaderLookup, nowMs: number): number | undefined {
  const ms = headers.get('retry-after-ms');
  if (ms !== null && /^\s*\d+(\.\d+)?\s*$/.test(ms)) return Math.max(0, Math.round(Number(ms)));
  const value = headers.get('retry-after');
  if (value === null || value.trim() === '') return undefined;
  if (/^\s*\d+(\.\d+)?\s*$/.test(value)) return Math.round(Number(value) * 1000);
  const date = Date.parse(value);
  return Number.isNaN(date) ? undefined : Math.max(0, date - nowMs);
}

/** Exponential backoff for `attempt` (1-based, the attempt that failed), with "equal jitter" in [half, full]. */
export function backoffDelay(attempt: number, policy: RetryPolicy, random: () => number): number {
  const full = Math.min(policy.maxDelayMs, policy.baseDelayMs * 2 ** (attempt - 1));
  return Math.round(full / 2 + (full / 2) * random());
}

/**
 * The wait before the next attempt, or null to give up: not retryable, attempts used up,
 * or a Retry-After longer than the policy allows.
 */
export function retryDelay(error: LlmError, attempt: number, policy: RetryPolicy, random: () => number): number | null {
  if (!error.retryable || attempt >= policy.maxAttempts) return null;
  if (error.retryAfterMs !== undefined) return error.retryAfterMs <= policy.maxRetryAfterMs ? error.retryAfterMs : null;
  return backoffDelay(attempt, policy, random);
}
