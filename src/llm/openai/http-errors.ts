// Turns HTTP failures into LlmErrors with a message a user can act on. The API key is redacted from anything quoted.

import { LlmError, redactSecret } from '../errors';
import { parseRetryAfter, type HeaderLookup } from '../retry';

/** What the messages may mention. */
export interface ErrorContext {
  url: string;
  model: string;
  apiKey?: string;
  nowMs: number;
}

/** The server's own error message from an OpenAI-style ({error:{message}}), FastAPI ({detail}) or plain body. */
export function serverMessage(body: string): string {
  let text = body.trim();
  try {
    const json = JSON.parse(text) as unknown;
    const found = pickMessage(json);
    if (found !== undefined) text = found;
  } catch {
    // not JSON: use the text itself
  }
  text = text.replace(/\s+/g, ' ');
  return text.length > 300 ? `${text.slice(0, 300)}...` : text;
}

function pickMessage(json: unknown): string | undefined {
  if (typeof json !== 'object' || json === null) return undefined;
  const o = json as Record<string, unknown>;
  const err = o['error'];
  if (typeof err === 'string') return err;
  if (typeof err === 'object' && err !== null && typeof (err as Record<string, unknown>)['message'] === 'string') {
    return (err as Record<string, unknown>)['message'] as string;
  }
  if (typeof o['message'] === 'string') return o['message'];
  if (typeof o['detail'] === 'string') return o['detail'];
  return undefined;
}

function errorCode(body: string): string {
  try {
    const err = (JSON.parse(body) as { error?: { code?: unknown; type?: unknown } }).error;
    return `${String(err?.code ?? '')} ${String(err?.type ?? '')}`;
  } catch {
    return '';
  }
}

/** An LlmError for a non-2xx response. */
export function errorFromStatus(status: number, body: string, headers: HeaderLookup, ctx: ErrorContext): LlmError {
  const said = redactSecret(serverMessage(body), ctx.apiKey);
  const quoted = said ? `: ${said}` : '';
  const where = redactSecret(ctx.url, ctx.apiKey);
  if (status === 401) {
    const hint = ctx.apiKey ? 'Check the API key.' : 'This server needs an API key.';
    return new LlmError('auth', `authentication failed (401)${quoted}`, { status, hint });
  }
  if (status === 403) {
    return new LlmError('auth', `access denied (403)${quoted}`, { status, hint: 'The key may lack access to this model.' });
  }
  if (status === 404) {
    const aboutModel = /model/i.test(said) || /model_not_found/.test(errorCode(body));
    return aboutModel
      ? new LlmError('not-found', `model "${ctx.model}" not found (404)${quoted}`, { status, hint: 'Check the model name (GET /models lists them).' })
      : new LlmError('not-found', `nothing at ${where} (404)${quoted}`, { status, hint: 'Check the base URL; it usually ends in /v1.' });
  }
  const retryAfterMs = parseRetryAfter(headers, ctx.nowMs);
  if (status === 429) {
    const quota = /insufficient_quota/.test(errorCode(body));
    return new LlmError('rate-limit', `rate limited (429)${quoted}`, {
      status,
      ...(retryAfterMs !== undefined ? { retryAfterMs } : {}),
      ...(quota ? { retryable: false, hint: 'The account has no quota left.' } : {}),
    });
  }
  if (status === 408) return new LlmError('timeout', `the server timed out (408)${quoted}`, { status });
  if (status >= 500 || status === 409) {
    return new LlmError('server', `server error (${status})${quoted}`, { status, ...(retryAfterMs !== undefined ? { retryAfterMs } : {}) });
  }
  return new LlmError('bad-request', `request rejected (${status})${quoted}`, { status });
}

/** Where the request came from, to tell a CORS block from a plain network failure. */
export interface FailureContext extends ErrorContext {
  /** The page's origin in a browser (undefined in Node). */
  pageOrigin?: string;
  callerSignal?: AbortSignal;
  timeoutSignal: AbortSignal;
  timeoutMs: number;
  /** 'request' until the response headers arrived, then 'response' (reading the body). */
  phase: 'request' | 'response';
  /** Answer characters received before the failure. */
  streamed: number;
}

/** An LlmError for a thrown fetch/read failure (abort, timeout, network, CORS). */
export function errorFromFailure(err: unknown, ctx: FailureContext): LlmError {
  if (err instanceof LlmError) return err;
  if (ctx.callerSignal?.aborted) return new LlmError('aborted', 'request cancelled', { cause: ctx.callerSignal.reason });
  if (ctx.timeoutSignal.aborted) {
    return new LlmError('timeout', `no complete answer within ${Math.round(ctx.timeoutMs / 1000)} s`, { hint: 'Raise the timeout or lower max tokens.' });
  }
  const where = redactSecret(ctx.url, ctx.apiKey);
  const detail = redactSecret(describeCause(err), ctx.apiKey);
  if (ctx.phase === 'response') {
    return new LlmError('network', `connection lost while reading the answer, after ${ctx.streamed} characters (${detail})`, { cause: err });
  }
  if (err instanceof TypeError && ctx.pageOrigin !== undefined && sameOrigin(ctx.url, ctx.pageOrigin) === false) {
    return new LlmError('cors', `could not reach ${where}: the browser blocked the request (CORS) or the server is unreachable`, {
      cause: err,
      hint: 'Check that the server runs and allows requests from this page (e.g. OLLAMA_ORIGINS, vLLM/llama.cpp CORS options); many hosted APIs do not allow browsers.',
    });
  }
  return new LlmError('network', `could not reach ${where} (${detail})`, { cause: err, hint: 'Check the base URL and that the server is running.' });
}

function sameOrigin(url: string, origin: string): boolean | undefined {
  try {
    return new URL(url).origin === origin;
  } catch {
    return undefined;
  }
}

function describeCause(err: unknown): string {
  if (!(err instanceof Error)) return String(err);
  const cause = (err as { cause?: unknown }).cause;
  const code = typeof cause === 'object' && cause !== null ? (cause as { code?: unknown }).code : undefined;
  return typeof code === 'string' ? `${err.message}: ${code}` : err.message;
}
