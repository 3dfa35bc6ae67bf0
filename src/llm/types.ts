// The common request/response shapes of every test generator: OpenAI chat-completions field names (house style #7).

/** Chat roles the generators send. */
export type ChatRole = 'system' | 'user' | 'assistant';

/** One chat message, as in the OpenAI chat-completions API. */
export interface ChatMessage {
  role: ChatRole;
  content: string;
}

/** Why generation stopped: OpenAI's values, plus 'abort' (web-llm's interrupt) and 'unknown' (not reported). */
export type FinishReason = 'stop' | 'length' | 'content_filter' | 'tool_calls' | 'abort' | 'unknown';

/** Token counts as reported by the backend (absent when it reports none). */
export interface Usage {
  prompt_tokens: number;
  completion_tokens: number;
  total_tokens: number;
}

/** One generation request. Sampling fields use the OpenAI names. */
export interface GenerateRequest {
  messages: ChatMessage[];
  temperature: number;
  top_p: number;
  max_tokens: number;
  /** Per-request seed; store it with the run. Backends that ignore seeds still accept it. */
  seed?: number;
  /** Cancels the request (and any retry wait); the promise rejects with an LlmError of kind 'aborted'. */
  signal?: AbortSignal;
  /**
   * Streaming progress: the new piece and the whole text so far on that channel ('reasoning' for models that
   * stream their thinking separately). The text restarts from '' after a retry.
   */
  onDelta?: (delta: string, textSoFar: string, channel: 'content' | 'reasoning') => void;
  /** Told before each retry wait, so a UI can reset a half-streamed answer. */
  onRetry?: (info: RetryNotice) => void;
}

/** What a retry is about to do (never contains the API key). */
export interface RetryNotice {
  /** The attempt that failed (1-based). */
  attempt: number;
  /** Delay before the next attempt, in ms. */
  delayMs: number;
  /** Kind and message of the failure that triggers the retry. */
  kind: string;
  message: string;
}

/** The outcome of one request. `text` is the model's raw answer, unmodified. */
export interface GenerateResult {
  text: string;
  /** Reasoning the server returned separately (`reasoning_content` / `reasoning`), if any. */
  reasoning?: string;
  finishReason: FinishReason;
  /** The model the backend says answered (may differ from the requested alias). */
  model: string;
  usage?: Usage;
  /** Attempts made (1 = no retry). */
  attempts: number;
  /** Wall time of the successful attempt, in ms. */
  ms: number;
  /** Backend-specific raw data: the JSON body (non-streaming) or the last chunk (streaming). */
  raw?: unknown;
}

/** What a generator says about itself; safe to persist (never holds an API key). */
export interface GeneratorDescription {
  backend: 'openai-compatible' | 'web-llm';
  model: string;
  /** Base URL for HTTP backends. */
  baseUrl?: string;
  /** Short human label, e.g. "gpt-4o-mini @ api.openai.com". */
  label: string;
}
