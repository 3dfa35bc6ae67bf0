// "Refine…" from a run's problem: the Refine page works on the dataset shown, so the run's dataset is shown first
// (the demo, or the stored dataset the run names), unless it already is; then the page opens on the program.
import type { Run } from '../core/run/run-types';
import type { DatasetStore } from './dataset-store.svelte';
import { hrefFor } from './routes';
import { isStoredDemo, type RunsStore } from './runs-store.svelte';

/** Shows the run's dataset in the tab's dataset store (a no-op when it is the one shown). */
export async function showRunDataset(datasets: Pick<DatasetStore, 'choice' | 'openDemo' | 'openStored'>, runs: Pick<RunsStore, 'datasets'>, run: Run): Promise<void> {
  const meta = await (await runs.datasets()).resolve(run.datasetId);
  const choice = datasets.choice;
  if (isStoredDemo(meta)) {
    if (choice.kind !== 'demo') await datasets.openDemo();
  } else if (choice.kind !== 'stored' || choice.id !== meta.id) {
    await datasets.openStored(meta);
  }
}

/** The Refine page's address for one wrong program. */
export function refineHref(taskId: string, rank: number): string {
  return hrefFor({ page: 'refine', program: { taskId, rank } });
}
