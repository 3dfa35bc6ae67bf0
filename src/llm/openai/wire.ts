// OpenAI chat-completions wire format: the request body we send and tolerant readers for what comes back.

import { LlmError } from '../errors';
import type { FinishReason, GenerateRequest, Usage } from '../types';

/** Which field carries the token limit: OpenAI's reasoning models accept only `max_completion_tokens`. */
export type MaxTokensField = 'max_tokens' | 'max_completion_tokens';

/** Body options beyond the request itself. */
export interface BodyOptions {
  model: string;
  stream: boolean;
  /** Ask for a final usage chunk when streaming (`stream_options.include_usage`). */
  includeUsage: boolean;
  maxTokensField: MaxTokensField;
  /** Extra provider fields merged last (e.g. `reasoning_effort`). */
  extraBody?: Record<string, unknown>;
}

/** The JSON body of POST /chat/completions. */
export function chatBody(req: GenerateRequest, opts: BodyOptions): Record<string, unknown> {
  const body: Record<string, unknown> = {
    model: opts.model,
    messages: req.messages.map((m) => ({ role: m.role, content: m.content })),
    temperature: req.temperature,
    top_p: req.top_p,
    [opts.maxTokensField]: req.max_tokens,
  };
  if (req.seed !== undefined) body['seed'] = req.seed;
  body['stream'] = opts.stream;
  if (opts.stream && opts.includeUsage) body['stream_options'] = { include_usage: true };
  return { ...body, ...opts.extraBody };
}

/** The parts of a completion (or one streamed chunk) we use. */
export interface ChoicePart {
  content: string;
  reasoning: string;
  finishReason: FinishReason | null;
  model: string | null;
  usage: Usage | null;
}

/** A whole answer, streamed or not; `raw` is the JSON body or the last stream chunk. */
export interface Answer {
  text: string;
  reasoning: string;
  finishReason: FinishReason;
  model: string | null;
  usage: Usage | null;
  raw: unknown;
}

type Json = Record<string, unknown>;

const isObject = (v: unknown): v is Json => typeof v === 'object' && v !== null && !Array.isArray(v);

/** Read a non-streaming response body (already JSON-parsed). */
export function readCompletion(json: unknown): ChoicePart {
  if (!isObject(json)) throw badShape('the response is not a JSON object');
  rejectEmbeddedError(json);
  const choice = firstChoice(json);
  if (!choice) throw badShape('the response has no choices');
  const message = choice['message'];
  if (!isObject(message)) throw badShape('choices[0].message is missing');
  return {
    content: text(message['content'], 'choices[0].message.content'),
    reasoning: reasoningOf(message),
    finishReason: finishOf(choice['finish_reason']) ?? 'unknown',
    model: typeof json['model'] === 'string' ? json['model'] : null,
    usage: usageOf(json['usage']),
  };
}

/** Read a whole non-streaming body from its text (bad JSON is a 'bad-response'). */
export function answerFromJson(text: string): Answer {
  let json: unknown;
  try {
    json = JSON.parse(text);
  } catch {
    throw new LlmError('bad-response', `the response is not JSON: ${text.slice(0, 120)}`, { hint: NOT_OPENAI_HINT });
  }
  const c = readCompletion(json);
  return { text: c.content, reasoning: c.reasoning, finishReason: c.finishReason ?? 'unknown', model: c.model, usage: c.usage, raw: json };
}

/** Read one streamed chunk (already JSON-parsed). Chunks without choices (the usage chunk) give empty text. */
export function readChunk(json: unknown): ChoicePart {
  if (!isObject(json)) throw badShape('a stream chunk is not a JSON object');
  rejectEmbeddedError(json);
  const choice = firstChoice(json);
  const delta = choice && isObject(choice['delta']) ? choice['delta'] : undefined;
  return {
    content: delta ? text(delta['content'], 'choices[0].delta.content') : '',
    reasoning: delta ? reasoningOf(delta) : '',
    finishReason: choice ? finishOf(choice['finish_reason']) : null,
    model: typeof json['model'] === 'string' ? json['model'] : null,
    usage: usageOf(json['usage']),
  };
}

function firstChoice(json: Json): Json | undefined {
  const choices = json['choices'];
  if (choices === undefined || choices === null) return undefined;
  if (!Array.isArray(choices)) throw badShape('"choices" is not an array');
  const first: unknown = choices[0];
  if (first === undefined) return undefined;
  if (!isObject(first)) throw badShape('choices[0] is not an object');
  return first;
}

function text(v: unknown, where: string): string {
  if (v === undefined || v === null) return '';
  if (typeof v !== 'string') throw badShape(`${where} is not a string`);
  return v;
}

function reasoningOf(o: Json): string {
  const r = o['reasoning_content'] ?? o['reasoning'];
  return typeof r === 'string' ? r : '';
}

const FINISH: ReadonlySet<string> = new Set(['stop', 'length', 'content_filter', 'tool_calls', 'abort']);

function finishOf(v: unknown): FinishReason | null {
  if (v === undefined || v === null) return null;
  if (v === 'function_call') return 'tool_calls';
  return typeof v === 'string' && FINISH.has(v) ? (v as FinishReason) : 'unknown';
}

function usageOf(v: unknown): Usage | null {
  if (!isObject(v)) return null;
  const n = (k: string): number => (typeof v[k] === 'number' ? (v[k] as number) : 0);
  const prompt = n('prompt_tokens');
  const completion = n('completion_tokens');
  return { prompt_tokens: prompt, completion_tokens: completion, total_tokens: n('total_tokens') || prompt + completion };
}

/** Some servers report failures inside a 200 body or a stream chunk as {"error": ...}. */
function rejectEmbeddedError(json: Json): void {
  const err = json['error'];
  if (err === undefined || err === null) return;
  const message = typeof err === 'string' ? err : isObject(err) && typeof err['message'] === 'string' ? err['message'] : JSON.stringify(err);
  throw new LlmError('server', `the server reported an error: ${message.slice(0, 300)}`);
}

const NOT_OPENAI_HINT = 'Is the base URL an OpenAI-compatible /v1 endpoint?';

function badShape(detail: string): LlmError {
  return new LlmError('bad-response', `unexpected response: ${detail}`, { hint: NOT_OPENAI_HINT });
}
