// OpenAI-compatible chat-completions backend (OpenAI, NVIDIA API catalog, OpenRouter, Ollama, llama.cpp, vLLM):
// streaming over SSE or plain JSON, bounded concurrency, retries with backoff honouring Retry-After, per-request timeout.
// The API key lives only in this closure: it is sent as a header and redacted from every error.

import { anySignal, sleep as defaultSleep } from './abort';
import { LlmError, redactError } from './errors';
import type { TestGenerator } from './generator';
import { Semaphore, withRequestPermit } from './request-permits';
import { errorFromFailure, errorFromStatus } from './openai/http-errors';
import { readChatStream } from './openai/read-stream';
import { answerFromJson, chatBody, type Answer, type MaxTokensField } from './openai/wire';
import { DEFAULT_RETRY_POLICY, retryDelay, type RetryPolicy } from './retry';
import type { GenerateRequest, GenerateResult, GeneratorDescription } from './types';

/** Settings of an OpenAI-compatible endpoint (persistable except `apiKey`). */
export interface OpenAiCompatibleConfig {
  backend: 'openai-compatible';
  /** e.g. https://api.openai.com/v1 or http://127.0.0.1:11434/v1 (a trailing /chat/completions is tolerated). */
  baseUrl: string;
  model: string;
  /** Optional: local servers usually need none. */
  apiKey?: string;
  /** Stream with SSE (default true); false asks for one JSON body. */
  stream?: boolean;
  /** Request a usage chunk at the end of a stream (default true). */
  includeUsage?: boolean;
  /** Default 'max_tokens'; OpenAI's o-series and gpt-5 need 'max_completion_tokens'. */
  maxTokensField?: MaxTokensField;
  /** Requests in flight at once (default 4). */
  maxConcurrency?: number;
  /** Per-attempt limit in ms for the whole answer (default 300 000). */
  timeoutMs?: number;
  retry?: Partial<RetryPolicy>;
  /** Extra headers (e.g. OpenRouter's HTTP-Referer / X-Title). */
  headers?: Record<string, string>;
  /** Extra body fields merged into every request (e.g. { reasoning_effort: 'high' }). */
  extraBody?: Record<string, unknown>;
}

/** Injectable environment, for tests and Node. */
export interface HttpDeps {
  fetch?: typeof fetch;
  sleep?: (ms: number, signal?: AbortSignal) => Promise<void>;
  random?: () => number;
  now?: () => number;
  /** The page's origin (tells CORS from network failures); detected from `location` when undefined, null = not a browser. */
  pageOrigin?: string | null;
}

/** The chat-completions URL for a base URL; throws a 'config' LlmError when the URL is unusable. */
export function endpointUrl(baseUrl: string, path: '/chat/completions' | '/models'): string {
  const base = baseUrl.trim().replace(/\/+$/, '').replace(/\/chat\/completions$/, '');
  let url: URL;
  try {
    url = new URL(base + path);
  } catch {
    throw new LlmError('config', `"${baseUrl}" is not a valid URL`, { hint: 'e.g. http://127.0.0.1:11434/v1' });
  }
  if (url.protocol !== 'http:' && url.protocol !== 'https:') throw new LlmError('config', `unsupported protocol ${url.protocol}`);
  return url.href;
}

/** Build the generator. Validates the configuration synchronously. */
export function createOpenAiCompatibleGenerator(config: OpenAiCompatibleConfig, deps: HttpDeps = {}): TestGenerator {
  const url = endpointUrl(config.baseUrl, '/chat/completions');
  const model = config.model.trim();
  if (!model) throw new LlmError('config', 'no model name given');
  const apiKey = config.apiKey?.trim() || undefined;
  const stream = config.stream ?? true;
  const timeoutMs = config.timeoutMs ?? 300_000;
  const policy: RetryPolicy = { ...DEFAULT_RETRY_POLICY, ...config.retry };
  const fetchFn = deps.fetch ?? globalThis.fetch.bind(globalThis);
  const sleep = deps.sleep ?? defaultSleep;
  const random = deps.random ?? Math.random;
  const now = deps.now ?? Date.now;
  const pageOrigin = resolvePageOrigin(deps.pageOrigin);
  const permits = new Semaphore(config.maxConcurrency ?? 4);
  const host = new URL(url).host;
  const description: GeneratorDescription = { backend: 'openai-compatible', model, baseUrl: config.baseUrl.trim(), label: `${model} @ ${host}` };

  const headers: Record<string, string> = {
    'Content-Type': 'application/json',
    Accept: stream ? 'text/event-stream' : 'application/json',
    ...config.headers,
  };
  if (apiKey) headers['Authorization'] = `Bearer ${apiKey}`;

  async function attempt(req: GenerateRequest): Promise<Omit<GenerateResult, 'attempts'>> {
    const timeoutSignal = AbortSignal.timeout(timeoutMs);
    const signal = anySignal([req.signal, timeoutSignal]);
    const body = chatBody(req, {
      model,
      stream,
      includeUsage: config.includeUsage ?? true,
      maxTokensField: config.maxTokensField ?? 'max_tokens',
      ...(config.extraBody ? { extraBody: config.extraBody } : {}),
    });
    const started = now();
    let phase: 'request' | 'response' = 'request';
    let streamed = 0;
    try {
      const res = await fetchFn(url, { method: 'POST', headers, body: JSON.stringify(body), signal });
      phase = 'response';
      if (!res.ok) {
        const text = await res.text().catch(() => '');
        throw errorFromStatus(res.status, text, res.headers, { url, model, apiKey, nowMs: now() });
      }
      const isSse = (res.headers.get('content-type') ?? '').includes('text/event-stream');
      let answer: Answer;
      if (isSse) {
        if (!res.body) throw new LlmError('bad-response', 'the stream has no body');
        answer = await readChatStream(res.body, req.onDelta, (n) => (streamed = n));
      } else {
        // Plain JSON: asked for, or a server that ignores `stream: true`.
        answer = answerFromJson(await res.text());
        if (answer.reasoning) req.onDelta?.(answer.reasoning, answer.reasoning, 'reasoning');
        if (answer.text) req.onDelta?.(answer.text, answer.text, 'content');
      }
      return {
        text: answer.text,
        ...(answer.reasoning ? { reasoning: answer.reasoning } : {}),
        finishReason: answer.finishReason,
        model: answer.model ?? model,
        ...(answer.usage ? { usage: answer.usage } : {}),
        ms: now() - started,
        raw: answer.raw,
      };
    } catch (e) {
      throw errorFromFailure(e, { url, model, apiKey, nowMs: now(), pageOrigin, callerSignal: req.signal, timeoutSignal, timeoutMs, phase, streamed });
    }
  }

  async function generate(req: GenerateRequest): Promise<GenerateResult> {
    return withRequestPermit(permits, req.signal, async () => {
      for (let n = 1; ; n++) {
        try {
          return { ...(await attempt(req)), attempts: n };
        } catch (e) {
          const err = redactError(e instanceof LlmError ? e : new LlmError('network', String(e), { cause: e }), apiKey);
          const delayMs = retryDelay(err, n, policy, random);
          if (delayMs === null) throw err;
          req.onRetry?.({ attempt: n, delayMs, kind: err.kind, message: err.message });
          try {
            await sleep(delayMs, req.signal);
          } catch (reason) {
            throw new LlmError('aborted', 'request cancelled while waiting to retry', { cause: reason });
          }
        }
      }
    });
  }

  return {
    id: `openai-compatible:${model}@${host}`,
    describe: () => ({ ...description }),
    generate,
  };
}

/** The page's origin in a browser or worker; undefined in Node. */
export function detectPageOrigin(): string | undefined {
  const loc = (globalThis as { location?: { origin?: unknown } }).location;
  return typeof loc?.origin === 'string' && loc.origin !== 'null' ? loc.origin : undefined;
}

/** `pageOrigin` from deps: undefined = detect, null = not a browser. */
export function resolvePageOrigin(given: string | null | undefined): string | undefined {
  return given === undefined ? detectPageOrigin() : (given ?? undefined);
}
