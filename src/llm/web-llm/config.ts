// Settings of the in-browser WebLLM backend (types only: importing this file loads nothing heavy).

import type { InitProgressReport } from '@mlc-ai/web-llm';

/** Download / initialisation progress, as web-llm reports it (progress in [0, 1]). */
export type LoadProgress = InitProgressReport;

/** Settings of the WebLLM backend. */
export interface WebLlmConfig {
  backend: 'web-llm';
  /** A model_id of web-llm's prebuilt list, e.g. "Qwen2.5-Coder-1.5B-Instruct-q4f32_1-MLC". */
  model: string;
}
