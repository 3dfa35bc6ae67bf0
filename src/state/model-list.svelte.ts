// The new-run form's "list models" check: asks an OpenAI-compatible server for its models (GET /models), which also
// tests the URL and the key. The network call is made here, not in the component.
import { errorMessage } from '../core/error-message';
import { listModels } from '../llm/openai/list-models';

/** The answer shown under the button: `ok` false for a failure (its message). */
export interface ModelCheck {
  ok: boolean;
  text: string;
}

export class ModelList {
  readonly #list: typeof listModels;
  #models = $state.raw<string[]>([]);
  #check = $state.raw<ModelCheck | null>(null);

  constructor(list: typeof listModels = listModels) {
    this.#list = list;
  }

  /** The model ids of the last answer, sorted; empty after a failure. */
  get models(): string[] {
    return this.#models;
  }

  get check(): ModelCheck | null {
    return this.#check;
  }

  /** Asks `baseUrl` for its models, with `apiKey` when one is given. */
  async list(baseUrl: string, apiKey: string | undefined): Promise<void> {
    this.#check = { ok: true, text: 'Asking the server…' };
    try {
      this.#models = await this.#list({ baseUrl, ...(apiKey ? { apiKey } : {}) });
      this.#check = { ok: true, text: `The server answered with ${this.#models.length} models.` };
    } catch (error) {
      this.#models = [];
      this.#check = { ok: false, text: errorMessage(error) };
    }
  }
}
