// The one test-generator interface (house style #7) and the factory that loads a backend only when it is chosen.
// OpenAI chat shapes are the common format; web-llm (6 MB) stays in a lazy chunk behind a dynamic import().

import type { HttpDeps, OpenAiCompatibleConfig } from './openai-compatible';
import type { GenerateRequest, GenerateResult, GeneratorDescription } from './types';
import type { WebLlmConfig } from './web-llm/config';
import type { WebLlmDeps } from './web-llm/web-llm-generator';

/** Something that answers chat requests with test-writing completions. */
export interface TestGenerator {
  /** Stable identity without secrets, e.g. "openai-compatible:gpt-4o-mini@api.openai.com". */
  readonly id: string;
  /** Persistable description (backend, model, base URL, label). */
  describe(): GeneratorDescription;
  /** One completion. Rejects with an LlmError whose `kind` says what went wrong. */
  generate(req: GenerateRequest): Promise<GenerateResult>;
  /** Release workers / GPU memory (web-llm). */
  dispose?(): Promise<void>;
}

/** Every backend's settings, told apart by `backend`. */
export type GeneratorConfig = OpenAiCompatibleConfig | WebLlmConfig;

/** Environment hooks per backend (tests inject fetch, sleep, a fake GPU, ...). */
export interface GeneratorDeps {
  http?: HttpDeps;
  webLlm?: WebLlmDeps;
}

/** Create the generator for `config`, importing its backend module on demand. */
export async function createGenerator(config: GeneratorConfig, deps: GeneratorDeps = {}): Promise<TestGenerator> {
  switch (config.backend) {
    case 'openai-compatible': {
      const { createOpenAiCompatibleGenerator } = await import('./openai-compatible');
      return createOpenAiCompatibleGenerator(config, deps.http);
    }
    case 'web-llm': {
      const { createWebLlmGenerator } = await import('./web-llm/web-llm-generator');
      return createWebLlmGenerator(config, deps.webLlm);
    }
  }
}
