// A local OpenAI-compatible server for tests (Node and browser e2e): the real wire protocol on 127.0.0.1, port 0.
// POST /v1/chat/completions (JSON or SSE), GET /v1/models, CORS + CORP headers, API-key check, scripted failures
// chosen by model name (see mock-behaviours.ts), and control endpoints under /__control for browser tests.
import { createServer, type IncomingMessage, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';
import { MOCK_BASES, MOCK_REASONING, activeBehaviours, assertionsAnswer, parseMockModel, refinementAnswer, type Behaviour } from './mock-behaviours';
import { isScoreBase, scoreAnswer, type LogprobEntry } from './score-answers';

export interface OpenAiMockOptions {
  /** Required bearer key; null accepts any request (like a local server). Default 'test-key'. */
  apiKey?: string | null;
  /** Send CORS headers (default true); false lets browser tests see a CORS block. */
  cors?: boolean;
  /** Characters per streamed content chunk (default 8). */
  chunkChars?: number;
}

/** One request as received (before any scripted failure). */
export interface RecordedRequest {
  method: string;
  path: string;
  headers: Record<string, string | string[] | undefined>;
  body: unknown;
  model: string | undefined;
}

export interface OpenAiMock {
  /** Base URL including /v1, e.g. http://127.0.0.1:40123/v1 */
  url: string;
  port: number;
  requests: RecordedRequest[];
  /** Canned answers for mock-queue models, served first in first out. */
  enqueue(...answers: string[]): void;
  /** Requests with the `hold` behaviour wait while the gate is closed (it starts closed); open() lets them all go. */
  gate: { open(): void; close(): void; readonly waiting: number };
  /** Clear recorded requests, the queue and the per-model counters. */
  reset(): void;
  close(): Promise<void>;
}

type Json = Record<string, unknown>;

export async function startOpenAiMock(options: OpenAiMockOptions = {}): Promise<OpenAiMock> {
  const apiKey = options.apiKey === undefined ? 'test-key' : options.apiKey;
  const chunkChars = options.chunkChars ?? 8;
  const requests: RecordedRequest[] = [];
  const queue: string[] = [];
  const counters = new Map<string, number>();
  const gate = new Gate();
  const reset = (): void => {
    requests.length = 0;
    queue.length = 0;
    counters.clear();
  };

  const server = createServer((req, res) => {
    void handle(req, res).catch((e: unknown) => {
      if (!res.headersSent) sendJson(res, 500, { error: { message: `mock failure: ${String(e)}` } });
      else res.destroy();
    });
  });

  async function handle(req: IncomingMessage, res: ServerResponse): Promise<void> {
    if (options.cors ?? true) {
      res.setHeader('Access-Control-Allow-Origin', '*');
      res.setHeader('Access-Control-Allow-Headers', 'authorization, content-type, http-referer, x-title');
      res.setHeader('Access-Control-Allow-Methods', 'GET, POST, OPTIONS');
      res.setHeader('Access-Control-Expose-Headers', 'retry-after, retry-after-ms');
      res.setHeader('Access-Control-Max-Age', '600');
    }
    res.setHeader('Cross-Origin-Resource-Policy', 'cross-origin');
    if (req.method === 'OPTIONS') return void res.writeHead(204).end();

    const path = (req.url ?? '/').split('?')[0]!;
    const text = await readBody(req);
    let body: unknown = undefined;
    if (text) {
      try {
        body = JSON.parse(text);
      } catch {
        body = text;
      }
    }

    if (path.startsWith('/__control/')) return control(path, body, res);

    const model = typeof (body as Json | undefined)?.['model'] === 'string' ? ((body as Json)['model'] as string) : undefined;
    requests.push({ method: req.method ?? '', path, headers: { ...req.headers }, body, model });

    if (apiKey !== null && req.headers.authorization !== `Bearer ${apiKey}`) {
      return sendJson(res, 401, { error: { message: 'Incorrect API key provided.', type: 'invalid_request_error', code: 'invalid_api_key' } });
    }
    if (req.method === 'GET' && path === '/v1/models') {
      return sendJson(res, 200, { object: 'list', data: MOCK_BASES.map((id) => ({ id, object: 'model', created: 0, owned_by: 'mock' })) });
    }
    if (req.method !== 'POST' || path !== '/v1/chat/completions') {
      return sendJson(res, 404, { error: { message: `Unknown request URL: ${req.method} ${path}`, type: 'invalid_request_error' } });
    }
    if (typeof body !== 'object' || body === null || !Array.isArray((body as Json)['messages'])) {
      return sendJson(res, 400, { error: { message: 'body must be JSON with "messages"', type: 'invalid_request_error' } });
    }
    const parsed = model === undefined ? null : parseMockModel(model);
    if (!parsed) {
      return sendJson(res, 404, { error: { message: `The model \`${model}\` does not exist.`, type: 'invalid_request_error', code: 'model_not_found' } });
    }
    const nth = (counters.get(model!) ?? 0) + 1;
    counters.set(model!, nth);
    const active = activeBehaviours(parsed, nth);
    await completion(res, body as Json, parsed.base, active);
  }

  async function completion(res: ServerResponse, body: Json, base: string, active: Map<string, Behaviour>): Promise<void> {
    const gone = closedSignal(res);
    const slow = active.get('slow');
    if (slow) await wait(slow.arg ?? 1000, gone);
    if (active.has('hold')) await gate.pass(gone);
    if (gone.aborted) return;

    for (const status of [429, 500, 503]) {
      if (!active.has(String(status))) continue;
      const ra = active.get('ra');
      const rad = active.get('rad');
      if (rad) res.setHeader('Retry-After', new Date(Date.now() + (rad.arg ?? 1) * 1000).toUTCString());
      else if (status === 429 || ra) res.setHeader('Retry-After', String(ra?.arg ?? 1));
      const message = status === 429 ? 'Rate limit reached, slow down.' : 'The server had an error while processing your request.';
      return sendJson(res, status, { error: { message, type: status === 429 ? 'rate_limit_error' : 'server_error' } });
    }
    if (active.has('html')) {
      res.writeHead(200, { 'Content-Type': 'text/html' });
      return void res.end('<html><body>Welcome to nginx!</body></html>');
    }

    const messages = body['messages'] as { role?: string; content?: unknown }[];
    const prompt = messages.map((m) => (typeof m.content === 'string' ? m.content : '')).join('\n');
    let answer: string;
    let logprobs: LogprobEntry[] | null = null;
    if (isScoreBase(base)) {
      ({ content: answer, logprobs } = scoreAnswer(base, messages, active.has('malformed')));
    } else if (base === 'mock-queue') {
      const next = queue.shift();
      if (next === undefined) return sendJson(res, 500, { error: { message: 'mock-queue is empty', type: 'server_error' } });
      answer = next;
    } else if (base === 'mock-echo') {
      answer = [...messages].reverse().find((m) => m.role === 'user')?.content as string;
    } else if (base === 'mock-fix') {
      answer = refinementAnswer(prompt, active);
    } else {
      answer = assertionsAnswer(prompt);
    }
    if (active.has('think')) answer = `<think>\nLet me write <assertion>assert False</assertion> later.\n</think>\n${answer}`;
    // The reasoning holds a tagged assertion and a fenced assert that fail everywhere: a run that read them would show it.
    const reasoning = active.has('reasoning') || active.has('reasoningplain') ? MOCK_REASONING : '';
    const reasoningKey = active.has('reasoningplain') ? 'reasoning' : 'reasoning_content';

    // Honour max_tokens roughly (4 characters a token) so finish_reason 'length' can be tested.
    const maxTokens = Number(body['max_tokens'] ?? body['max_completion_tokens'] ?? Infinity);
    let finish = 'stop';
    if (answer.length > maxTokens * 4) {
      answer = answer.slice(0, maxTokens * 4);
      finish = 'length';
    }
    const model = body['model'] as string;
    const usage = { prompt_tokens: Math.ceil(prompt.length / 4), completion_tokens: Math.ceil(answer.length / 4), total_tokens: 0 };
    usage.total_tokens = usage.prompt_tokens + usage.completion_tokens;
    const id = `chatcmpl-mock${requests.length}`;
    const created = Math.floor(Date.now() / 1000);

    if (body['stream'] !== true || active.has('ignorestream')) {
      const message: Json = { role: 'assistant', content: answer };
      if (reasoning) message[reasoningKey] = reasoning;
      const choice = { index: 0, message, finish_reason: finish, ...(logprobs ? { logprobs: { content: logprobs } } : {}) };
      const json = JSON.stringify({ id, object: 'chat.completion', created, model, choices: [choice], usage });
      if (active.has('badjson')) return void res.writeHead(200, { 'Content-Type': 'application/json' }).end(json.slice(0, -5));
      if (active.has('drop')) {
        res.writeHead(200, { 'Content-Type': 'application/json', 'Content-Length': String(Buffer.byteLength(json)) });
        res.write(json.slice(0, json.length >> 1));
        return void setTimeout(() => res.destroy(), 20);
      }
      return void res.writeHead(200, { 'Content-Type': 'application/json' }).end(json);
    }

    res.writeHead(200, { 'Content-Type': 'text/event-stream', 'Cache-Control': 'no-cache', Connection: 'keep-alive' });
    res.flushHeaders();
    const frag = active.get('frag')?.arg;
    const trickle = active.get('trickle')?.arg ?? 0;
    const send = async (payload: string): Promise<void> => {
      if (frag) {
        const bytes = Buffer.from(payload);
        for (let i = 0; i < bytes.length && !gone.aborted; i += frag) {
          res.write(bytes.subarray(i, i + frag));
          await new Promise((r) => setImmediate(r));
        }
      } else res.write(payload);
      if (trickle) await wait(trickle, gone);
    };
    const chunk = (delta: Json, finishReason: string | null, extra: Json = {}): string =>
      `data: ${JSON.stringify({ id, object: 'chat.completion.chunk', created, model, choices: [{ index: 0, delta, finish_reason: finishReason }], ...extra })}\n\n`;

    await send(`: mock keep-alive\n\n${chunk({ role: 'assistant', content: '' }, null)}`);
    for (let i = 0; i < reasoning.length && !gone.aborted; i += chunkChars) await send(chunk({ [reasoningKey]: reasoning.slice(i, i + chunkChars) }, null));
    if (active.has('badjson')) {
      await send('data: {"id": "broken", "choices": [\n\n');
      return void res.end();
    }
    const drop = active.get('drop');
    let sent = 0;
    for (let i = 0; i < answer.length && !gone.aborted; i += chunkChars) {
      if (drop && sent >= (drop.arg ?? 1)) {
        await wait(20, gone); // let the client read what was sent: erroring a web stream discards its queue
        return void res.destroy();
      }
      await send(chunk({ content: answer.slice(i, i + chunkChars) }, null));
      sent++;
    }
    if (gone.aborted) return;
    if (active.has('nodone')) return void res.end();
    await send(chunk({}, finish));
    const wantsUsage = (body['stream_options'] as Json | undefined)?.['include_usage'] === true;
    if (wantsUsage) await send(`data: ${JSON.stringify({ id, object: 'chat.completion.chunk', created, model, choices: [], usage })}\n\n`);
    await send('data: [DONE]\n\n');
    res.end();
  }

  function control(path: string, body: unknown, res: ServerResponse): void {
    if (path === '/__control/reset') {
      reset();
      return sendJson(res, 200, { ok: true });
    }
    if (path === '/__control/queue') {
      const answers = (body as { answers?: unknown } | undefined)?.answers;
      if (!Array.isArray(answers) || !answers.every((a) => typeof a === 'string')) return sendJson(res, 400, { error: { message: 'answers: string[] expected' } });
      queue.push(...answers);
      return sendJson(res, 200, { queued: queue.length });
    }
    if (path === '/__control/requests') return sendJson(res, 200, { requests });
    sendJson(res, 404, { error: { message: `unknown control ${path}` } });
  }

  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const port = (server.address() as AddressInfo).port;
  return {
    url: `http://127.0.0.1:${port}/v1`,
    port,
    requests,
    enqueue: (...answers) => void queue.push(...answers),
    gate,
    reset,
    close: () =>
      new Promise<void>((resolve, reject) => {
        server.closeAllConnections();
        server.close((e) => (e ? reject(e) : resolve()));
      }),
  };
}

function sendJson(res: ServerResponse, status: number, json: unknown): void {
  res.writeHead(status, { 'Content-Type': 'application/json' });
  res.end(JSON.stringify(json));
}

function readBody(req: IncomingMessage): Promise<string> {
  return new Promise((resolve, reject) => {
    const parts: Buffer[] = [];
    req.on('data', (b: Buffer) => parts.push(b));
    req.on('end', () => resolve(Buffer.concat(parts).toString('utf8')));
    req.on('error', reject);
  });
}

/** Aborts when the client goes away, so slow or trickling answers stop. */
function closedSignal(res: ServerResponse): AbortSignal {
  const controller = new AbortController();
  res.on('close', () => controller.abort());
  return controller.signal;
}

function wait(ms: number, signal: AbortSignal): Promise<void> {
  return new Promise((resolve) => {
    if (signal.aborted) return resolve();
    const t = setTimeout(resolve, ms);
    signal.addEventListener('abort', () => (clearTimeout(t), resolve()), { once: true });
  });
}

/** Holds requests while closed; a request whose client goes away stops waiting. */
class Gate {
  #isOpen = false;
  #waiters = new Set<() => void>();

  get waiting(): number {
    return this.#waiters.size;
  }

  open(): void {
    this.#isOpen = true;
    for (const go of [...this.#waiters]) go();
  }

  close(): void {
    this.#isOpen = false;
  }

  pass(signal: AbortSignal): Promise<void> {
    if (this.#isOpen || signal.aborted) return Promise.resolve();
    return new Promise((resolve) => {
      const go = () => {
        this.#waiters.delete(go);
        signal.removeEventListener('abort', go);
        resolve();
      };
      this.#waiters.add(go);
      signal.addEventListener('abort', go, { once: true });
    });
  }
}
