// GET /models on an OpenAI-compatible server: lists model ids, and doubles as a connection + key check for the UI.

import { anySignal } from '../abort';
import { LlmError, redactError } from '../errors';
import type { HttpDeps, OpenAiCompatibleConfig } from '../openai-compatible';
import { endpointUrl, resolvePageOrigin } from '../openai-compatible';
import { errorFromFailure, errorFromStatus } from './http-errors';

/** The model ids the server offers, sorted. Throws an LlmError (auth, not-found, cors, ...) like generate does. */
export async function listModels(
  config: Pick<OpenAiCompatibleConfig, 'baseUrl' | 'apiKey' | 'timeoutMs' | 'headers'>,
  deps: Pick<HttpDeps, 'fetch' | 'pageOrigin'> & { signal?: AbortSignal } = {},
): Promise<string[]> {
  const url = endpointUrl(config.baseUrl, '/models');
  const apiKey = config.apiKey?.trim() || undefined;
  const timeoutMs = config.timeoutMs ?? 30_000;
  const timeoutSignal = AbortSignal.timeout(timeoutMs);
  const headers: Record<string, string> = { Accept: 'application/json', ...config.headers };
  if (apiKey) headers['Authorization'] = `Bearer ${apiKey}`;
  const fetchFn = deps.fetch ?? globalThis.fetch.bind(globalThis);
  const pageOrigin = resolvePageOrigin(deps.pageOrigin);
  let phase: 'request' | 'response' = 'request';
  try {
    const res = await fetchFn(url, { headers, signal: anySignal([deps.signal, timeoutSignal]) });
    phase = 'response';
    const text = await res.text();
    if (!res.ok) throw errorFromStatus(res.status, text, res.headers, { url, model: '', apiKey, nowMs: Date.now() });
    let json: unknown;
    try {
      json = JSON.parse(text);
    } catch {
      throw new LlmError('bad-response', `the model list is not JSON: ${text.slice(0, 120)}`);
    }
    const data = (json as { data?: unknown }).data;
    if (!Array.isArray(data)) throw new LlmError('bad-response', 'the model list has no "data" array');
    return data.map((m) => (m as { id?: unknown }).id).filter((id): id is string => typeof id === 'string').sort();
  } catch (e) {
    const err = errorFromFailure(e, { url, model: '', apiKey, nowMs: Date.now(), pageOrigin, callerSignal: deps.signal, timeoutSignal, timeoutMs, phase, streamed: 0 });
    throw redactError(err, apiKey);
  }
}
