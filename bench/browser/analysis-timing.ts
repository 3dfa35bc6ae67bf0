// The leaderboard's heavy computation as the app runs it: in the analysis worker, on one run at MBPP-R scale
// (974 problems, 3,249 solutions, 10 tests each): metrics with 2,000-resample intervals, then scaling curves
// k = 1..10 with 200 draws. The page's own long tasks (over 50 ms, as Chromium reports them) are recorded
// meanwhile: the page must never stall.
import { AnalysisClient } from '../../src/state/analysis-client';
import { syntheticMatrix } from '../synthetic-matrix';

export interface AnalysisTiming {
  rowCellsMs: number;
  scalingMs: number;
  /** Main-thread long tasks during the two calls (ms each). */
  longTasksMs: number[];
}

export async function analysisTiming(): Promise<AnalysisTiming> {
  const input = { kind: 'matrix' as const, split: 'MBPP_base' as const, problems: syntheticMatrix(1, 10), scorer: 'fraction' as const };
  const longTasksMs: number[] = [];
  const observer = new PerformanceObserver((list) => list.getEntries().forEach((e) => longTasksMs.push(e.duration)));
  observer.observe({ type: 'longtask', buffered: false });
  const client = new AnalysisClient();
  try {
    const t0 = performance.now();
    await client.call((api) => api.rowCells(input, { resamples: 2000, seed: 0 }));
    const t1 = performance.now();
    await client.call((api) => api.scalingCurves([{ id: 'run', input }], [1, 2, 3, 4, 5, 6, 7, 8, 9, 10], { draws: 200, seed: 0 }));
    const t2 = performance.now();
    await new Promise((r) => setTimeout(r, 100)); // let the observer deliver
    return { rowCellsMs: t1 - t0, scalingMs: t2 - t1, longTasksMs };
  } finally {
    observer.disconnect();
    client.close();
  }
}
