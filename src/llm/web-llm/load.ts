// The only runtime entry to @mlc-ai/web-llm on the main thread: a dynamic import, so the 6 MB library stays in a lazy chunk.

/** The web-llm module, loaded on first use. */
export type WebLlmModule = typeof import('@mlc-ai/web-llm');

let loading: Promise<WebLlmModule> | undefined;

/** Import web-llm once; later calls share the promise (a failed import is retried next time). */
export function loadWebLlm(): Promise<WebLlmModule> {
  loading ??= import('@mlc-ai/web-llm').catch((e: unknown) => {
    loading = undefined;
    throw e;
  });
  return loading;
}
