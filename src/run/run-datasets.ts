// The datasets a run can use: the bundled demo (stored on first use, so runs refer to it like any stored dataset)
// and the datasets in storage. Parsed datasets are cached per id; a run's dataset must match its sha256. In the
// app it is the run-facing side of the tab's one DatasetLibrary (state/datasets-library.svelte.ts), which owns
// its database connection and tells it when a dataset goes (forget).
import type { Dataset, SplitName } from '../core/dataset/types';
import type { Run } from '../core/run/run-types';
import { getDataset, listDatasets, loadDataset, saveDataset } from '../storage/datasets-repo';
import { parseDatasetText } from '../core/dataset/parse-dataset';
import type { DatasetMeta } from '../core/dataset/dataset-records';
import type { LabDb } from '../storage/schema';
import { sha256OfText } from '../storage/sha256';
import { DatasetExistsError } from '../storage/storage-errors';
import { RunSetupError } from './run-stop';

/** One dataset offered by the new-run form. */
export interface RunDatasetOption {
  /** The stored id (sha256), or DEMO_CHOICE before the demo is stored. */
  id: string;
  name: string;
  split: SplitName;
  problems: number;
  solutions: number;
  bundled: boolean;
}

/** Choice id of the bundled demo. */
export const DEMO_CHOICE = 'bundled:demo';
const DEMO_FILE = 'Demo-R.jsonl';

/** Loads the bundled demo's text (a lazy chunk in the app; a file read in Node). */
export type DemoText = () => Promise<string>;

const browserDemo: DemoText = async () => (await import('../../static-datasets/demo/Demo-R.jsonl?raw')).default;

/** Whether a stored dataset is the bundled demo's copy. */
export function isStoredDemo(meta: DatasetMeta): boolean {
  return meta.source.kind === 'bundled' && meta.source.fileName === DEMO_FILE;
}

export class RunDatasets {
  readonly #db: LabDb;
  readonly #demoText: DemoText;
  readonly #parsed = new Map<string, Promise<Dataset>>();

  constructor(db: LabDb, demoText: DemoText = browserDemo) {
    this.#db = db;
    this.#demoText = demoText;
  }

  /** The demo first, then stored datasets (the demo's stored copy is not listed twice). */
  async choices(): Promise<RunDatasetOption[]> {
    const stored = await listDatasets(this.#db);
    const demo = stored.find(isStoredDemo);
    const demoChoice: RunDatasetOption = demo ? choice(demo, true) : { id: DEMO_CHOICE, name: 'Demo-R', split: 'DEMO', problems: 0, solutions: 0, bundled: true };
    return [demoChoice, ...stored.filter((m) => m !== demo).map((m) => choice(m, false))];
  }

  /** The stored meta of a choice, storing the demo first when needed. */
  async resolve(id: string): Promise<DatasetMeta> {
    if (id === DEMO_CHOICE) return this.#storeDemo();
    const meta = await getDataset(this.#db, id);
    if (!meta) throw new RunSetupError('this dataset is no longer stored');
    return meta;
  }

  /** The parsed dataset of a stored id. */
  load(id: string): Promise<Dataset> {
    let parsed = this.#parsed.get(id);
    if (!parsed) {
      parsed = loadDataset(this.#db, id).then((d) => {
        if (!d) throw new RunSetupError('the dataset of this run is no longer stored here; import it again (same file) to continue');
        return d;
      });
      parsed.catch(() => this.#parsed.delete(id));
      this.#parsed.set(id, parsed);
    }
    return parsed;
  }

  /** Drops the parsed copy of `id` (it was deleted here or in another tab). */
  forget(id: string): void {
    this.#parsed.delete(id);
  }

  /** The dataset a run was made on (stored ids are sha256 hashes, so a match is the same text). */
  async forRun(run: Run): Promise<Dataset> {
    if (run.datasetId !== run.datasetSha256) throw new RunSetupError('the run names a dataset id that is not its sha256');
    return this.load(run.datasetId);
  }

  async #storeDemo(): Promise<DatasetMeta> {
    const text = await this.#demoText();
    const { sha256 } = await sha256OfText(text);
    const existing = await getDataset(this.#db, sha256);
    if (existing) return existing;
    try {
      return await saveDataset(this.#db, { dataset: parseDatasetText(text, { name: 'Demo-R', split: 'DEMO' }), text, source: { kind: 'bundled', fileName: DEMO_FILE } });
    } catch (error) {
      if (error instanceof DatasetExistsError) return (await getDataset(this.#db, sha256))!;
      throw error;
    }
  }
}

function choice(meta: DatasetMeta, bundled: boolean): RunDatasetOption {
  return { id: meta.id, name: meta.name, split: meta.split, problems: meta.problemCount, solutions: meta.solutionCount, bundled };
}
