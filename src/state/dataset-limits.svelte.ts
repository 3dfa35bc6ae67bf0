// The dataset size caps in force in this browser (Settings), kept in localStorage: every import, download and opening
// of a stored dataset reads them from here.
import { clampLimit, datasetLimitsFromJson, DEFAULT_DATASET_LIMITS, type DatasetLimits } from '../core/dataset/dataset-limits';
import { readStoredJson, safeLocalStorage } from './local-storage';

export const LIMITS_STORAGE_KEY = 'verifier-lab:datasets:limits:v1';

export class DatasetLimitsSetting {
  readonly defaults: DatasetLimits = DEFAULT_DATASET_LIMITS;
  #value = $state.raw<DatasetLimits>(DEFAULT_DATASET_LIMITS);
  readonly #storage: Storage | null;

  constructor(storage: Storage | null = safeLocalStorage()) {
    this.#storage = storage;
    this.#value = datasetLimitsFromJson(readStoredJson(storage, LIMITS_STORAGE_KEY));
  }

  /** The caps now (a plain snapshot, safe to post to a worker). */
  get value(): DatasetLimits {
    return this.#value;
  }

  /** Sets one or both caps (clamped to the allowed range) and remembers them. */
  set(patch: Partial<DatasetLimits>): void {
    const next = { ...this.#value };
    if (patch.maxLineBytes !== undefined) next.maxLineBytes = clampLimit(patch.maxLineBytes, next.maxLineBytes);
    if (patch.maxFileBytes !== undefined) next.maxFileBytes = clampLimit(patch.maxFileBytes, next.maxFileBytes);
    this.#value = next;
    this.#save();
  }

  reset(): void {
    this.#value = this.defaults;
    this.#save();
  }

  get isDefault(): boolean {
    return this.#value.maxLineBytes === this.defaults.maxLineBytes && this.#value.maxFileBytes === this.defaults.maxFileBytes;
  }

  #save(): void {
    try {
      if (this.isDefault) this.#storage?.removeItem(LIMITS_STORAGE_KEY);
      else this.#storage?.setItem(LIMITS_STORAGE_KEY, JSON.stringify(this.#value));
    } catch {
      // Storage blocked: the caps hold for this visit only.
    }
  }
}
