// Extra request fields: what the form and --extra-body accept, the errors they give, and the merge order.
import { describe, expect, it } from 'vitest';
import { RequestExtrasError, extraBodyOverrides, parseExtraBody, parseReasoningEffort, requestBodyExtras } from '../../../src/core/run/request-extras';
import { chatBody } from '../../../src/llm/openai/wire';

describe('parseExtraBody', () => {
  it('takes a JSON object (blank = none) and copies it', () => {
    expect(parseExtraBody('')).toBeNull();
    expect(parseExtraBody('  \n')).toBeNull();
    expect(parseExtraBody('{"top_k": 20, "chat_template_kwargs": {"enable_thinking": true}}')).toEqual({ top_k: 20, chat_template_kwargs: { enable_thinking: true } });
  });

  it.each([
    ['not JSON', '{top_k: 20}', /^is not valid JSON \(/],
    ['an array', '[1, 2]', 'must be a JSON object like {"reasoning_effort": "high"}, got an array'],
    ['a number', '3', 'must be a JSON object like {"reasoning_effort": "high"}, got number'],
    ['null', 'null', 'got null'],
    ['the model', '{"model": "other"}', 'may not set "model": the run sends its own model and prompt'],
    ['the messages', '{"messages": [], "model": "x"}', 'may not set "model" or "messages"'],
  ])('refuses %s with a clear message', (_label, text, message) => {
    expect(() => parseExtraBody(text)).toThrow(RequestExtrasError);
    expect(() => parseExtraBody(text)).toThrow(message);
  });
});

describe('parseReasoningEffort', () => {
  it('knows the four levels; empty means not sent', () => {
    expect(['none', 'low', 'medium', 'high'].map(parseReasoningEffort)).toEqual(['none', 'low', 'medium', 'high']);
    expect(parseReasoningEffort('')).toBeNull();
    expect(() => parseReasoningEffort('HIGH')).toThrow('reasoning effort must be one of none, low, medium, high (got "HIGH")');
  });
});

describe('merging into the request body', () => {
  const req = { messages: [{ role: 'user' as const, content: 'hi' }], temperature: 1, top_p: 1, max_tokens: 16000, seed: 3 };
  const body = (extra: Record<string, unknown> | undefined) => chatBody(req, { model: 'm', stream: true, includeUsage: true, maxTokensField: 'max_tokens', ...(extra ? { extraBody: extra } : {}) });

  it('sends nothing extra for a run without effort or extra body', () => {
    expect(requestBodyExtras({})).toBeUndefined();
    expect(requestBodyExtras({ reasoningEffort: null, extraBody: null })).toBeUndefined();
    expect(Object.keys(body(requestBodyExtras({})))).toEqual(['model', 'messages', 'temperature', 'top_p', 'max_tokens', 'seed', 'stream', 'stream_options']);
  });

  it('adds reasoning_effort, and the extra body wins every collision (effort included)', () => {
    expect(body(requestBodyExtras({ reasoningEffort: 'low' }))['reasoning_effort']).toBe('low');
    const merged = body(requestBodyExtras({ reasoningEffort: 'low', extraBody: { reasoning_effort: 'high', max_tokens: 64, top_k: 5 } }));
    expect(merged).toMatchObject({ reasoning_effort: 'high', max_tokens: 64, top_k: 5, temperature: 1, model: 'm' });
  });

  it('names the fields of ours an extra body replaces', () => {
    expect(extraBodyOverrides(null)).toEqual([]);
    expect(extraBodyOverrides({ top_k: 1 })).toEqual([]);
    expect(extraBodyOverrides({ stream: false, top_k: 1, temperature: 0 })).toEqual(['temperature', 'stream']);
  });
});
