// Max tokens remembered per model: kept across instances in storage, bad stored values ignored, and a storage that
// refuses writes (quota, privacy mode) leaves the memory working for the tab.
import { describe, expect, it } from 'vitest';
import { MAX_TOKENS_STORAGE_KEY, ModelMaxTokens } from '../../../src/state/model-max-tokens';

function memoryStorage(refuseWrites = false): Storage {
  const items = new Map<string, string>();
  return {
    get length() {
      return items.size;
    },
    clear: () => items.clear(),
    getItem: (k) => items.get(k) ?? null,
    key: (i) => [...items.keys()][i] ?? null,
    removeItem: (k) => void items.delete(k),
    setItem: (k, v) => {
      if (refuseWrites) throw new DOMException('full', 'QuotaExceededError');
      items.set(k, v);
    },
  };
}

describe('ModelMaxTokens', () => {
  it('remembers a model’s max tokens for the next form, and nothing for other models', () => {
    const storage = memoryStorage();
    new ModelMaxTokens(storage).remember('deepseek-reasoner', 32000);
    const next = new ModelMaxTokens(storage);
    expect(next.get('deepseek-reasoner')).toBe(32000);
    expect(next.get('deepseek')).toBeUndefined();
    expect(next.get('constructor')).toBeUndefined();
  });

  it('ignores stored values that are not whole positive numbers, and refuses to remember them', () => {
    const storage = memoryStorage();
    storage.setItem(MAX_TOKENS_STORAGE_KEY, JSON.stringify({ a: 100, b: -3, c: 1.5, d: 'x' }));
    const memory = new ModelMaxTokens(storage);
    expect(['a', 'b', 'c', 'd'].map((m) => memory.get(m))).toEqual([100, undefined, undefined, undefined]);
    memory.remember('e', 0);
    memory.remember('', 500);
    expect([memory.get('e'), memory.get('')]).toEqual([undefined, undefined]);
  });

  it('works in memory when storage refuses writes or is missing', () => {
    const full = new ModelMaxTokens(memoryStorage(true));
    full.remember('m', 2048);
    expect(full.get('m')).toBe(2048);
    const none = new ModelMaxTokens(null);
    none.remember('m', 4096);
    expect(none.get('m')).toBe(4096);
  });
});
