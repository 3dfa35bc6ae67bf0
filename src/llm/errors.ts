// Named errors of the test generators. Every failure carries a `kind` the UI can switch on; messages never hold an API key.

/** Closed set of failure kinds across all backends. */
export type LlmErrorKind =
  | 'auth' // 401/403: missing or wrong API key, or no access to the model
  | 'not-found' // 404: unknown model or wrong base URL
  | 'rate-limit' // 429 (after retries, or Retry-After too long)
  | 'server' // 5xx (after retries)
  | 'bad-request' // other 4xx: the server rejected the request's parameters
  | 'network' // connection refused/reset, DNS, or a stream cut off mid-way
  | 'cors' // browser fetch TypeError on a cross-origin URL: CORS blocked or server unreachable
  | 'timeout' // the per-request timeout fired
  | 'aborted' // the caller cancelled
  | 'bad-response' // the body is not the expected JSON / SSE shape
  | 'config' // the generator configuration is unusable (empty model, bad URL, bad template)
  | 'no-webgpu' // navigator.gpu absent
  | 'no-adapter' // requestAdapter() gave null (no usable GPU)
  | 'no-f16' // the model needs shader-f16 and the adapter lacks it
  | 'model-load' // web-llm failed to fetch or initialise the model
  | 'engine'; // the in-browser engine failed while generating (GPU lost, out of memory)

/** Kinds worth another attempt with backoff. */
export const RETRYABLE_KINDS: ReadonlySet<LlmErrorKind> = new Set(['rate-limit', 'server', 'network', 'timeout']);

/** Optional details of an LlmError. */
export interface LlmErrorExtra {
  status?: number;
  retryAfterMs?: number;
  hint?: string;
  /** Overrides the kind's default retryability. */
  retryable?: boolean;
  cause?: unknown;
}

/** Any failure of a generator. */
export class LlmError extends Error {
  override readonly name = 'LlmError';
  readonly kind: LlmErrorKind;
  /** HTTP status, when the failure came from a response. */
  readonly status?: number;
  /** Server-requested wait before retrying (ms), from Retry-After / retry-after-ms. */
  readonly retryAfterMs?: number;
  /** A next step for the user (e.g. "try Qwen2.5-Coder-0.5B-Instruct-q4f32_1-MLC"). */
  readonly hint?: string;
  readonly #retryable: boolean | undefined;

  constructor(kind: LlmErrorKind, message: string, extra: LlmErrorExtra = {}) {
    super(message, extra.cause === undefined ? undefined : { cause: extra.cause });
    this.kind = kind;
    if (extra.status !== undefined) this.status = extra.status;
    if (extra.retryAfterMs !== undefined) this.retryAfterMs = extra.retryAfterMs;
    if (extra.hint !== undefined) this.hint = extra.hint;
    this.#retryable = extra.retryable;
  }

  /** True when another attempt may succeed (by kind, unless the error said otherwise, e.g. an exhausted quota). */
  get retryable(): boolean {
    return this.#retryable ?? RETRYABLE_KINDS.has(this.kind);
  }
}

/** Shorter "keys" (test placeholders like "x") would mangle every message they occur in, and hide nothing. */
const MIN_REDACTED_LENGTH = 8;

/** Replace every occurrence of `secret` in `text` (no-op for an empty or very short secret). */
export function redactSecret(text: string, secret: string | undefined): string {
  if (!secret || secret.length < MIN_REDACTED_LENGTH) return text;
  return text.split(secret).join('***');
}

/** The same error with `secret` removed from its message and hint (the original when nothing changes). */
export function redactError(err: LlmError, secret: string | undefined): LlmError {
  if (redactSecret(err.message, secret) === err.message && redactSecret(err.hint ?? '', secret) === (err.hint ?? '')) return err;
  return new LlmError(err.kind, redactSecret(err.message, secret), {
    ...(err.status !== undefined ? { status: err.status } : {}),
    ...(err.retryAfterMs !== undefined ? { retryAfterMs: err.retryAfterMs } : {}),
    ...(err.hint !== undefined ? { hint: redactSecret(err.hint, secret) } : {}),
    retryable: err.retryable,
  });
}
