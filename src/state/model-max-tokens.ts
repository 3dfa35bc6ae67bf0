// Max tokens per model, remembered in this browser: the new-run form fills in the budget last used with a model
// (a reasoning model may need more than the 16,000 default, a small local one less). The run itself stores the value
// it was made with, so this memory only saves typing; nothing else reads it.
import { readStoredJson, safeLocalStorage } from './local-storage';

export const MAX_TOKENS_STORAGE_KEY = 'verifier-lab:max-tokens-by-model:v1';

export class ModelMaxTokens {
  readonly #storage: Storage | null;
  #byModel: Record<string, number>;

  constructor(storage: Storage | null = safeLocalStorage()) {
    this.#storage = storage;
    const stored = readStoredJson(storage, MAX_TOKENS_STORAGE_KEY);
    this.#byModel = {};
    if (typeof stored === 'object' && stored !== null && !Array.isArray(stored)) {
      for (const [model, n] of Object.entries(stored)) if (Number.isInteger(n) && (n as number) >= 1) this.#byModel[model] = n as number;
    }
  }

  /** The max tokens last used with `model`, if any. */
  get(model: string): number | undefined {
    return Object.hasOwn(this.#byModel, model) ? this.#byModel[model] : undefined;
  }

  /** Remembers `maxTokens` for `model` (kept in memory when localStorage is refused). */
  remember(model: string, maxTokens: number): void {
    if (model === '' || !Number.isInteger(maxTokens) || maxTokens < 1) return;
    this.#byModel = { ...this.#byModel, [model]: maxTokens };
    try {
      this.#storage?.setItem(MAX_TOKENS_STORAGE_KEY, JSON.stringify(this.#byModel));
    } catch {
      // quota or privacy mode: the memory lasts for this tab only
    }
  }
}
