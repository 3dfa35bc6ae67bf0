// This browser's localStorage, read defensively: privacy modes and blocked storage throw on access, so every
// settings class falls back to in-memory values instead of failing.

/** window.localStorage, or null where the browser refuses it. */
export function safeLocalStorage(): Storage | null {
  try {
    return window.localStorage;
  } catch {
    return null;
  }
}

/** The JSON value stored under `key`, or null when absent, unreadable or not JSON. */
export function readStoredJson(storage: Storage | null, key: string): unknown {
  try {
    const text = storage?.getItem(key);
    return text ? JSON.parse(text) : null;
  } catch {
    return null;
  }
}
