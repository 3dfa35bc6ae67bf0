// The OpenAI-compatible client against the local mock server over real HTTP: streaming, JSON, errors, retries,
// timeouts, cancellation and concurrency. Retry waits are recorded by an injected sleep, not waited out.
import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { extractAssertions } from '../../../src/core/tests/extract-assertions';
import { LlmError } from '../../../src/llm/errors';
import { createGenerator } from '../../../src/llm/generator';
import { createOpenAiCompatibleGenerator, type HttpDeps, type OpenAiCompatibleConfig } from '../../../src/llm/openai-compatible';
import { listModels } from '../../../src/llm/openai/list-models';
import { buildTestGenMessages } from '../../../src/llm/prompts/messages';
import { DEFAULT_TEMPLATES } from '../../../src/llm/prompts/templates';
import type { GenerateRequest } from '../../../src/llm/types';
import { MOCK_REASONING } from '../../servers/mock-behaviours';
import { startOpenAiMock, type OpenAiMock } from '../../servers/openai-mock';

const KEY = 'sk-test-0123456789';
const PROBLEM = 'def add(a: int, b: int) -> int:\n    """Add two numbers.\n    >>> add(2, 3)\n    5\n    >>> add(-1, 1)\n    0\n    """\n';

let mock: OpenAiMock;
beforeAll(async () => {
  mock = await startOpenAiMock({ apiKey: KEY });
});
afterAll(() => mock.close());
beforeEach(() => mock.reset());

let sleeps: number[] = [];
const deps = (extra: HttpDeps = {}): HttpDeps => ({ sleep: async (ms) => void sleeps.push(ms), random: () => 1, pageOrigin: null, ...extra });
beforeEach(() => {
  sleeps = [];
});

function gen(model: string, over: Partial<OpenAiCompatibleConfig> = {}, extra: HttpDeps = {}) {
  return createOpenAiCompatibleGenerator({ backend: 'openai-compatible', baseUrl: mock.url, model, apiKey: KEY, retry: { baseDelayMs: 10 }, ...over }, deps(extra));
}

const request = (over: Partial<GenerateRequest> = {}): GenerateRequest => ({
  messages: buildTestGenMessages(DEFAULT_TEMPLATES.instruction, { problem: PROBLEM, n: 10 }),
  temperature: 1,
  top_p: 1,
  max_tokens: 2048,
  ...over,
});

async function failure(p: Promise<unknown>): Promise<LlmError> {
  const e = await p.then(
    () => null,
    (err: unknown) => err,
  );
  expect(e).toBeInstanceOf(LlmError);
  return e as LlmError;
}

describe('successful generation', () => {
  it('streams an answer whose assertions the core extractor finds, and sends the OpenAI request shape', async () => {
    const deltas: string[] = [];
    const r = await gen('mock-asserts').generate(request({ seed: 42, onDelta: (d, soFar) => deltas.push(soFar) }));
    const { assertions } = extractAssertions(r.text, { fencedFallback: false });
    expect(assertions).toHaveLength(10);
    expect(assertions.slice(0, 2)).toEqual(['assert add(2, 3) == 5', 'assert add(-1, 1) == 0']);
    expect(deltas.length).toBeGreaterThan(10);
    expect(deltas.at(-1)).toBe(r.text);
    expect(r).toMatchObject({ finishReason: 'stop', model: 'mock-asserts', attempts: 1 });
    expect(r.usage?.completion_tokens).toBeGreaterThan(0);

    const [req] = mock.requests;
    expect(req!.headers['authorization']).toBe(`Bearer ${KEY}`);
    expect(req!.body).toMatchObject({ model: 'mock-asserts', temperature: 1, top_p: 1, max_tokens: 2048, seed: 42, stream: true, stream_options: { include_usage: true } });
    expect((req!.body as { messages: unknown[] }).messages).toHaveLength(2);
  });

  it('asks for one JSON body when streaming is off, and gives the same text', async () => {
    const streamed = await gen('mock-asserts').generate(request());
    const plain = await gen('mock-asserts', { stream: false }).generate(request());
    expect(plain.text).toBe(streamed.text);
    expect((mock.requests[1]!.body as { stream: boolean }).stream).toBe(false);
    expect(plain.raw).toMatchObject({ object: 'chat.completion' });
  });

  it('falls back to JSON when a server ignores stream: true', async () => {
    const r = await gen('mock-asserts+ignorestream').generate(request());
    expect(extractAssertions(r.text, { fencedFallback: false }).assertions).toHaveLength(10);
  });

  it('reassembles a stream written in 1- and 5-byte slices (split lines, split UTF-8)', async () => {
    const text = 'tests for ünïcödé → 😀 and "quotes"\n<assertion>\nassert f("é") == 1\n</assertion>';
    const messages = [{ role: 'user' as const, content: text }];
    for (const model of ['mock-echo+frag1', 'mock-echo+frag5']) {
      const r = await gen(model).generate(request({ messages }));
      expect(r.text).toBe(text);
    }
  });

  it('keeps the raw text with its <think> block; the extractor ignores assertions inside it', async () => {
    const r = await gen('mock-asserts+think').generate(request());
    expect(r.text.startsWith('<think>')).toBe(true);
    expect(extractAssertions(r.text, { fencedFallback: false }).assertions).not.toContain('assert False');
  });

  it('returns separately streamed reasoning on its own channel', async () => {
    const channels = new Set<string>();
    const r = await gen('mock-asserts+reasoning').generate(request({ onDelta: (_d, _s, c) => channels.add(c) }));
    expect(r.reasoning).toBe(MOCK_REASONING);
    expect([...channels].sort()).toEqual(['content', 'reasoning']);
  });

  it('reads reasoning under both field names, streamed and as one JSON body', async () => {
    for (const model of ['mock-asserts+reasoning', 'mock-asserts+reasoningplain']) {
      for (const stream of [true, false]) {
        const r = await gen(model, { stream }).generate(request());
        expect(r.reasoning, `${model}, stream ${stream}`).toBe(MOCK_REASONING);
        expect(r.text).not.toContain('taken from the reasoning');
      }
    }
  });

  it('reports finish_reason "length" when max_tokens cuts the answer', async () => {
    const r = await gen('mock-asserts').generate(request({ max_tokens: 10 }));
    expect(r.finishReason).toBe('length');
    expect(r.text).toHaveLength(40);
  });

  it('sends max_completion_tokens and extra body fields when configured', async () => {
    await gen('mock-asserts', { maxTokensField: 'max_completion_tokens', extraBody: { reasoning_effort: 'high' } }).generate(request());
    const body = mock.requests[0]!.body as Record<string, unknown>;
    expect(body['max_completion_tokens']).toBe(2048);
    expect(body['max_tokens']).toBeUndefined();
    expect(body['reasoning_effort']).toBe('high');
  });

  it('serves canned answers from the queue in order', async () => {
    mock.enqueue('<assertion>\nassert one() == 1\n</assertion>', 'second');
    const g = gen('mock-queue');
    expect((await g.generate(request())).text).toContain('assert one() == 1');
    expect((await g.generate(request())).text).toBe('second');
  });
});

describe('errors', () => {
  it('401: a wrong key is an auth error, not retried, and the key is not in the message', async () => {
    const e = await failure(gen('mock-asserts', { apiKey: 'sk-wrong-key-987' }).generate(request()));
    expect(e).toMatchObject({ kind: 'auth', status: 401 });
    expect(e.message + e.hint).not.toContain('sk-wrong-key-987');
    expect(mock.requests).toHaveLength(1);
    const noKey = await failure(gen('mock-asserts', { apiKey: '' }).generate(request()));
    expect(noKey.hint).toMatch(/needs an API key/);
    expect(mock.requests[1]!.headers['authorization']).toBeUndefined();
  });

  it('redacts the key even when a server echoes it back', async () => {
    const echoing: typeof fetch = async (_url, init) =>
      new Response(JSON.stringify({ error: { message: `bad key ${(init?.headers as Record<string, string>)['Authorization']}` } }), { status: 401 });
    const e = await failure(gen('mock-asserts', {}, { fetch: echoing }).generate(request()));
    expect(e.message).toContain('bad key Bearer ***');
    expect(e.message).not.toContain(KEY);
  });

  it('404: an unknown model names the model; a wrong base URL says to check the URL', async () => {
    const model = await failure(gen('gpt-nonexistent').generate(request()));
    expect(model).toMatchObject({ kind: 'not-found', status: 404 });
    expect(model.message).toContain('gpt-nonexistent');
    const url = await failure(gen('mock-asserts', { baseUrl: mock.url.replace(/\/v1$/, '') }).generate(request()));
    expect(url.kind).toBe('not-found');
    expect(url.hint).toMatch(/base URL/);
  });

  it('an unreachable server is a network error in Node and a CORS/unreachable error from a browser page', async () => {
    const closed = await startOpenAiMock();
    const base = closed.url;
    await closed.close();
    const node = await failure(gen('mock-asserts', { baseUrl: base, retry: { maxAttempts: 1 } }).generate(request()));
    expect(node.kind).toBe('network');
    expect(node.message).toMatch(/ECONNREFUSED/);
    const page = await failure(gen('mock-asserts', { baseUrl: base, retry: { maxAttempts: 1 } }, { pageOrigin: 'http://localhost:4173' }).generate(request()));
    expect(page.kind).toBe('cors');
    expect(page.hint).toMatch(/allows requests from this page/);
  });

  it('bad JSON, an HTML page and a malformed stream chunk are bad responses', async () => {
    for (const [model, stream] of [['mock-asserts+badjson', false], ['mock-asserts+html', true], ['mock-asserts+badjson', true]] as const) {
      const e = await failure(gen(model, { stream }).generate(request()));
      expect(e.kind).toBe('bad-response');
    }
  });

  it('a stream cut off mid-way is a network error, retried from scratch', async () => {
    const once = await failure(gen('mock-asserts+drop3', { retry: { maxAttempts: 1 } }).generate(request()));
    expect(once.kind).toBe('network');
    expect(once.message).toMatch(/after 24 characters/);
    const nodone = await failure(gen('mock-asserts+nodone', { retry: { maxAttempts: 1 } }).generate(request()));
    expect(nodone.message).toMatch(/no \[DONE\]/);
    const plain = await failure(gen('mock-asserts+drop', { stream: false, retry: { maxAttempts: 1 } }).generate(request()));
    expect(plain.kind).toBe('network');

    const retries: number[] = [];
    const firstDeltas: string[] = [];
    const r = await gen('mock-asserts+drop3x1').generate(
      request({ onRetry: (n) => retries.push(n.attempt), onDelta: (d, soFar) => void (d === soFar && firstDeltas.push(d)) }),
    );
    expect(r.attempts).toBe(2);
    expect(retries).toEqual([1]);
    expect(firstDeltas).toHaveLength(2); // the text restarted after the retry
    expect(extractAssertions(r.text, { fencedFallback: false }).assertions).toHaveLength(10);
  });
});

describe('retries', () => {
  it('429 twice with Retry-After: 1 s, then success on the third attempt', async () => {
    const notices: string[] = [];
    const r = await gen('mock-asserts+429x2').generate(request({ onRetry: (n) => notices.push(`${n.attempt}:${n.kind}:${n.delayMs}`) }));
    expect(r.attempts).toBe(3);
    expect(sleeps).toEqual([1000, 1000]);
    expect(notices).toEqual(['1:rate-limit:1000', '2:rate-limit:1000']);
    expect(mock.requests).toHaveLength(3);
  });

  it('honours Retry-After given as an HTTP date', async () => {
    await gen('mock-asserts+429x1+rad3').generate(request());
    expect(sleeps).toHaveLength(1);
    expect(sleeps[0]).toBeGreaterThan(1000);
    expect(sleeps[0]).toBeLessThanOrEqual(3000);
  });

  it('500 then success, with exponential backoff (10, 20 ms at full jitter)', async () => {
    const r = await gen('mock-asserts+500x2').generate(request());
    expect(r.attempts).toBe(3);
    expect(sleeps).toEqual([10, 20]);
  });

  it('gives up after maxAttempts with the last error', async () => {
    const e = await failure(gen('mock-asserts+503', { retry: { maxAttempts: 3, baseDelayMs: 10 } }).generate(request()));
    expect(e).toMatchObject({ kind: 'server', status: 503 });
    expect(mock.requests).toHaveLength(3);
  });

  it('does not wait out a Retry-After longer than maxRetryAfterMs', async () => {
    const e = await failure(gen('mock-asserts+429+ra3600').generate(request()));
    expect(e).toMatchObject({ kind: 'rate-limit', retryAfterMs: 3_600_000 });
    expect(sleeps).toEqual([]);
  });

  it('waits with the real sleep and can be cancelled during the wait', async () => {
    const g = createOpenAiCompatibleGenerator({ backend: 'openai-compatible', baseUrl: mock.url, model: 'mock-asserts+429', apiKey: KEY }, { pageOrigin: null });
    const controller = new AbortController();
    setTimeout(() => controller.abort(), 100);
    const e = await failure(g.generate(request({ signal: controller.signal })));
    expect(e.kind).toBe('aborted');
  });
});

describe('timeouts, cancellation, concurrency', () => {
  it('a slow server hits the per-request timeout (retried, then reported as timeout)', async () => {
    const e = await failure(gen('mock-asserts+slow2000', { timeoutMs: 100, retry: { maxAttempts: 2, baseDelayMs: 10 } }).generate(request()));
    expect(e.kind).toBe('timeout');
    expect(mock.requests).toHaveLength(2);
  });

  it('a stalled stream hits the timeout too', async () => {
    const e = await failure(gen('mock-asserts+trickle50', { timeoutMs: 150, retry: { maxAttempts: 1 } }).generate(request()));
    expect(e.kind).toBe('timeout');
  });

  it('the caller can cancel mid-request; it is not retried', async () => {
    const controller = new AbortController();
    setTimeout(() => controller.abort(), 50);
    const e = await failure(gen('mock-asserts+slow2000').generate(request({ signal: controller.signal })));
    expect(e.kind).toBe('aborted');
    expect(mock.requests).toHaveLength(1);
  });

  it('keeps at most maxConcurrency requests in flight', async () => {
    let inFlight = 0;
    let peak = 0;
    const counting: typeof fetch = async (input, init) => {
      inFlight++;
      peak = Math.max(peak, inFlight);
      try {
        const res = await fetch(input, init);
        const text = await res.text();
        return new Response(text, { status: res.status, headers: res.headers });
      } finally {
        inFlight--;
      }
    };
    const g = gen('mock-asserts+slow40', { maxConcurrency: 2 }, { fetch: counting });
    const results = await Promise.all(Array.from({ length: 5 }, () => g.generate(request())));
    expect(results.every((r) => extractAssertions(r.text, { fencedFallback: false }).assertions.length === 10)).toBe(true);
    expect(peak).toBe(2);
  });
});

describe('factory and model list', () => {
  it('createGenerator loads the backend lazily and describes it without the key', async () => {
    const g = await createGenerator({ backend: 'openai-compatible', baseUrl: `${mock.url}/`, model: 'mock-asserts', apiKey: KEY }, { http: { pageOrigin: null } });
    expect(g.id).toBe(`openai-compatible:mock-asserts@127.0.0.1:${mock.port}`);
    expect(JSON.stringify(g.describe())).not.toContain(KEY);
    expect(extractAssertions((await g.generate(request())).text, { fencedFallback: false }).assertions).toHaveLength(10);
  });

  it('rejects an unusable configuration up front', () => {
    expect(() => gen('')).toThrow(LlmError);
    expect(() => gen('m', { baseUrl: 'not a url' })).toThrow(/not a valid URL/);
    expect(() => gen('m', { baseUrl: 'ftp://x/v1' })).toThrow(/protocol/);
  });

  it('GET /models lists ids, and checks the key', async () => {
    expect(await listModels({ baseUrl: mock.url, apiKey: KEY }, { pageOrigin: null })).toEqual(['mock-asserts', 'mock-echo', 'mock-fix', 'mock-queue']);
    const e = await failure(listModels({ baseUrl: mock.url, apiKey: 'nope' }, { pageOrigin: null }));
    expect(e.kind).toBe('auth');
  });
});
