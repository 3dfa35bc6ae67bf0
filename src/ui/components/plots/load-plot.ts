// Observable Plot (with the parts of d3 it uses) loaded on first use, as its own chunk: pages without a plot never
// download it, and the service worker precaches the chunk like any other, so plots work offline.
export type PlotModule = typeof import('@observablehq/plot');

let loading: Promise<PlotModule> | null = null;

/** The Plot module, imported once. A failed import is retried on the next call. */
export function loadPlot(): Promise<PlotModule> {
  loading ??= import('@observablehq/plot').catch((error: unknown) => {
    loading = null;
    throw error;
  });
  return loading;
}
