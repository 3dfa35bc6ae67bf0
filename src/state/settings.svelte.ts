// User settings as runes, persisted to localStorage on every change; shared through context.
import { createContext } from 'svelte';
import {
  clampInt,
  defaultSettings,
  settingsFromJson,
  MAX_WORKERS,
  TIMEOUT_MAX_MS,
  TIMEOUT_MIN_MS,
  type ComparisonMode,
  type ExecutionSettings,
} from './execution-settings';
import { readStoredJson, safeLocalStorage } from './local-storage';

/** What the browser reports of the device's memory (Chromium's navigator.deviceMemory), if anything. */
function deviceMemoryGb(): number | undefined {
  const gb = (navigator as Navigator & { deviceMemory?: unknown }).deviceMemory;
  return typeof gb === 'number' ? gb : undefined;
}

export const SETTINGS_STORAGE_KEY = 'verifier-lab:settings:v1';

export class Settings {
  readonly defaults: ExecutionSettings;
  #value = $state.raw<ExecutionSettings>(defaultSettings(1));
  #storage: Storage | null;

  constructor(storage: Storage | null = safeLocalStorage(), cores = navigator.hardwareConcurrency || 2, memoryGb = deviceMemoryGb()) {
    this.#storage = storage;
    this.defaults = defaultSettings(cores, memoryGb);
    this.#value = settingsFromJson(readStoredJson(storage, SETTINGS_STORAGE_KEY), this.defaults);
  }

  get workers(): number {
    return this.#value.workers;
  }
  set workers(n: number) {
    this.#update({ workers: clampInt(n, 1, MAX_WORKERS, this.#value.workers) });
  }

  get testTimeoutMs(): number {
    return this.#value.testTimeoutMs;
  }
  set testTimeoutMs(ms: number) {
    this.#update({ testTimeoutMs: clampInt(ms, TIMEOUT_MIN_MS, TIMEOUT_MAX_MS, this.#value.testTimeoutMs) });
  }

  get comparison(): ComparisonMode {
    return this.#value.comparison;
  }
  set comparison(mode: ComparisonMode) {
    this.#update({ comparison: mode === 'evalplus' ? 'evalplus' : 'paper' });
  }

  /** A plain snapshot, e.g. to store with a run. */
  get snapshot(): ExecutionSettings {
    return this.#value;
  }

  /** Whether changes survive a reload (false when localStorage is blocked). */
  get persistent(): boolean {
    return this.#storage !== null;
  }

  reset(): void {
    this.#update(this.defaults);
  }

  #update(patch: Partial<ExecutionSettings>): void {
    this.#value = { ...this.#value, ...patch } as ExecutionSettings;
    try {
      this.#storage?.setItem(SETTINGS_STORAGE_KEY, JSON.stringify(this.#value));
    } catch {
      // Quota or privacy mode: keep the in-memory value.
    }
  }
}

export const [getSettings, setSettings] = createContext<Settings>();
