// The new-run form's "list models" check (ModelList) against the local OpenAI-compatible mock: a good key lists the
// server's models; a refused or missing key empties the list and says why without echoing the key.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { ModelList } from '../../../src/state/model-list.svelte';
import { startOpenAiMock, type OpenAiMock } from '../../servers/openai-mock';

const KEY = 'sk-test-0123456789';
let mock: OpenAiMock;

beforeAll(async () => {
  mock = await startOpenAiMock({ apiKey: KEY });
});
afterAll(() => mock.close());

describe('ModelList', () => {
  it('lists the models the server names, sorted, and says how many', async () => {
    const list = new ModelList();
    await list.list(mock.url, KEY);
    expect(list.models.length).toBeGreaterThan(0);
    expect(list.models).toEqual([...list.models].sort());
    expect(list.check).toEqual({ ok: true, text: `The server answered with ${list.models.length} models.` });
    expect(mock.requests.at(-1)?.headers.authorization).toBe(`Bearer ${KEY}`);
  });

  it('a refused key, then no key: the list empties and the error does not repeat the key', async () => {
    const list = new ModelList();
    await list.list(mock.url, KEY);
    await list.list(mock.url, 'sk-wrong-key-42');
    expect(list.models).toEqual([]);
    expect(list.check?.ok).toBe(false);
    expect(list.check?.text).not.toContain('sk-wrong-key-42');
    await list.list(mock.url, undefined);
    expect(list.models).toEqual([]);
    expect(list.check?.ok).toBe(false);
  });
});
