// API keys per base URL. They live in memory; localStorage holds one only when the user ticks "remember".
// Never in IndexedDB and never in a run or its export (the run record has no field for one). Memory also holds
// the user's word that an endpoint takes no key (an empty string), so this tab does not ask again.
import { createContext } from 'svelte';
import { safeLocalStorage } from './local-storage';

const PREFIX = 'verifier-lab:api-key:';

/** One key per endpoint, so a local server and a hosted API do not share one. */
export function keyId(baseUrl: string): string {
  return baseUrl.trim().replace(/\/+$/, '').replace(/\/chat\/completions$/, '');
}

export class ApiKeys {
  readonly #memory = new Map<string, string>();
  readonly #storage: Storage | null;
  #version = $state(0); // bumped on change so readers re-run

  constructor(storage: Storage | null = safeLocalStorage()) {
    this.#storage = storage;
  }

  /** The key for `baseUrl`: this session's, else a remembered one. */
  get(baseUrl: string): string | undefined {
    void this.#version;
    const id = keyId(baseUrl);
    return (this.#memory.get(id) ?? this.#read(id)) || undefined;
  }

  /** True when this tab knows what to send to `baseUrl`: a key, or that it takes none. */
  known(baseUrl: string): boolean {
    void this.#version;
    const id = keyId(baseUrl);
    return this.#memory.has(id) || this.#read(id) !== null;
  }

  /** True when a key for `baseUrl` is in localStorage. */
  remembered(baseUrl: string): boolean {
    void this.#version;
    return this.#read(keyId(baseUrl)) !== null;
  }

  /** Keeps `key` for this session; with `remember` also in localStorage, without it removes any stored one. */
  set(baseUrl: string, key: string, remember: boolean): void {
    const id = keyId(baseUrl);
    const value = key.trim();
    if (value === '') this.#memory.delete(id);
    else this.#memory.set(id, value);
    try {
      if (remember && value !== '') this.#storage?.setItem(PREFIX + id, value);
      else this.#storage?.removeItem(PREFIX + id);
    } catch {
      // localStorage blocked: the key stays in memory only
    }
    this.#version++;
  }

  /**
   * What the user typed when starting or resuming a run: a key replaces the current one; an empty field keeps a
   * known key, or notes for this tab that `baseUrl` takes none (a local server).
   */
  use(baseUrl: string, typed: string, remember: boolean): void {
    if (typed.trim() !== '') return this.set(baseUrl, typed, remember);
    if (this.known(baseUrl)) return;
    this.#memory.set(keyId(baseUrl), '');
    this.#version++;
  }

  #read(id: string): string | null {
    try {
      return this.#storage?.getItem(PREFIX + id) ?? null;
    } catch {
      return null;
    }
  }
}

export const [getApiKeys, setApiKeys] = createContext<ApiKeys>();
