// The runs of this browser as runes: the list, live progress of the runs executing in this tab, and the actions
// (create, start, pause, cancel, delete, duplicate, export, import). Runs left 'running' by a reload resume on load,
// after asking for an API key this tab does not know.
// Datasets come from the tab's one DatasetLibrary (injected), whose connection the runs share too; a dataset
// deleted in any tab drops its parsed copy there, so no page keeps showing a dataset that is gone.
import { idbRunStore } from '../storage/idb-run-store';
import { createContext } from 'svelte';
import type { Dataset } from '../core/dataset/types';
import type { Run } from '../core/run/run-types';
import type { CandidateRecord, GenerationRecord } from '../core/run/run-records';
import type { NewRunInput } from '../core/run/run-types';
import type { EnginePool } from '../engine/pool-types';
import type { ImportedTestFile } from '../llm/from-file';
import { createFileRun } from '../run/create-run';
import { evalFileExport, runFileExport, type ExportedFile } from '../run/run-exports';
import { RunLauncher, type RunHandle } from '../run/run-launcher';
import type { EngineStart } from '../run/engine-start';
import type { RunSnapshot } from '../run/run-monitor';
import { getDataset } from '../storage/datasets-repo';
import { loadGenerations, loadProblemGenerations } from '../storage/generations-repo';
import { loadResults } from '../storage/results-repo';
import { duplicateRun, type RunChanges } from '../storage/run-duplicate';
import { importRunFile, type ImportedRun } from '../storage/run-file-store';
import { createRun, deleteRun, listRuns, updateRunStatus } from '../storage/runs-repo';
import type { LabDb } from '../storage/schema';
import { engineCanonicalCache, enginePoolOptions } from './engine-pool-options';
import { SharedPool } from './shared-pool';
import type { ApiKeys } from './runs-api-keys.svelte';
import { RunKeyPrompts } from './runs-key-prompts.svelte';
import type { RunDatasets } from '../run/run-datasets';
import type { DatasetLibrary } from './datasets-library.svelte';
import { browserGenerator, webLocks, type ModelProgress } from '../run/browser-environment';
import { displayStatus, type DisplayStatus, type LivePhase } from './run-display-status';
import type { Settings } from './settings.svelte';
import { errorMessage } from '../core/error-message';
import { ranksCandidates, verifierKind } from '../core/verifiers/verifier-kind';

// What the runs' components are handed, named for them here so the UI reaches src/run and src/storage only through state.
export type { EngineStart, ExportedFile, RunChanges };
export { DEMO_CHOICE, isStoredDemo, type RunDatasetOption } from '../run/run-datasets';
export { fileStem } from '../run/run-exports';

/** The dataset a run was made on is not stored in this browser (deleted, or the run was imported from elsewhere). */
export class RunDatasetMissingError extends Error {
  override readonly name = 'RunDatasetMissingError';

  constructor(readonly datasetName: string, readonly sha256: string) {
    super(`${datasetName}, the dataset of this run, is not stored in this browser`);
  }
}

/** An action that does not apply to a run's kind (a refinement run ranks no candidates). */
export class RunKindError extends Error {
  override readonly name = 'RunKindError';
}

/**
 * Why a refinement run is not duplicated: its outcomes live on its generation records, so a copy would either take
 * them over under changed settings (wrong) or redo every request (a new run, better made on the Refine page).
 */
export const REFINE_DUPLICATE = 'a refinement run cannot be duplicated: make a new one on the Refine page (its batch mode) with the settings you want';
/** Why a refinement run has no evaluation file: it scores no candidate ranking. */
export const REFINE_EVAL = 'a refinement run has no evaluation file (it ranks no candidates): download its ILF export instead';

/** What the page shows of a run executing in this tab. */
export interface LiveRun {
  phase: LivePhase;
  snapshot: RunSnapshot | null;
  /** The Python engine's start (null until the run's setup is done and the pool is asked for). */
  engine: EngineStart | null;
  /** WebLLM model download / initialisation. */
  model: ModelProgress | null;
  /** The answer being streamed right now. */
  stream: { taskId: string; text: string } | null;
}

export class RunsStore {
  readonly #settings: Settings;
  readonly #keys: ApiKeys;
  readonly #keyPrompts: RunKeyPrompts;
  readonly #library: DatasetLibrary;
  #launcher: RunLauncher | null = null;
  readonly #pool = new SharedPool(
    (size) => import('../engine/browser-pool').then(({ createBrowserPool }) => createBrowserPool({ size, ...enginePoolOptions() })),
    () => this.#launcher?.activeIds.length ?? 0,
  );
  #runs = $state.raw<Run[]>([]);
  #listed = 0; // refreshes started: only the latest one's answer is kept
  #newest: Promise<void> = Promise.resolve();
  #state = $state.raw<{ status: 'loading' | 'ready' | 'error'; error?: string }>({ status: 'loading' });
  #live = $state.raw<Record<string, LiveRun>>({});
  #notices = $state.raw<Record<string, string>>({});

  constructor(settings: Settings, keys: ApiKeys, library: DatasetLibrary) {
    this.#settings = settings;
    this.#library = library;
    this.#keys = keys;
    this.#keyPrompts = new RunKeyPrompts(keys);
  }

  get runs(): readonly Run[] {
    return this.#runs;
  }
  get state() {
    return this.#state;
  }
  live(runId: string): LiveRun | undefined {
    return this.#live[runId];
  }
  /** Why the last start of a run did not get going (setup errors, another tab), if it did not. */
  notice(runId: string): string | undefined {
    return this.#notices[runId];
  }
  run(runId: string): Run | undefined {
    return this.#runs.find((r) => r.id === runId);
  }
  /** What the run's status label says here (see displayStatus). */
  status(run: Run): DisplayStatus {
    return displayStatus(run.status, this.#live[run.id]?.phase, this.#keyPrompts.isPutOff(run.id));
  }

  /** The tab's database connection (the dataset library's). */
  db(): Promise<LabDb> {
    return this.#library.db();
  }

  /** Goes up when a stored dataset is added or deleted: views that hold a run's dataset read it again. */
  get datasetsVersion(): number {
    return this.#library.version;
  }

  datasets(): Promise<RunDatasets> {
    return this.#library.runDatasets();
  }

  /** Opens the database, lists runs and resumes those a reload interrupted. */
  async init(): Promise<void> {
    try {
      const db = await this.db();
      this.#launcher = new RunLauncher({
        store: idbRunStore(db),
        pool: () => this.#enginePool(),
        dataset: async (run) => (await this.datasets()).forRun(run),
        generator: async (run, signal) => {
          await this.#keyPrompts.before(run, signal, () => this.#patchLive(run.id, { phase: 'needs-key' }));
          if (this.#live[run.id]?.phase === 'needs-key') this.#patchLive(run.id, { phase: 'starting' });
          return browserGenerator(run, this.#keys, (model) => this.#patchLive(run.id, { model }));
        },
        exclusive: webLocks(),
        canonicalCache: engineCanonicalCache(),
      });
      await this.refresh();
      this.#state = { status: 'ready' };
      for (const run of this.#runs) if (run.status === 'running') this.start(run.id);
    } catch (error) {
      this.#state = { status: 'error', error: errorMessage(error) };
    }
  }

  /**
   * Reads the list again. Refreshes overlap (a status change, an action): an older read that answers late must not
   * undo a newer one, so only the newest read is kept, and an older call resolves once that one is in.
   */
  refresh(): Promise<void> {
    const mine = ++this.#listed;
    const read = this.db()
      .then(listRuns)
      .then((runs): Promise<void> | void => {
        if (mine === this.#listed) this.#runs = runs;
        else return this.#newest;
      });
    this.#newest = read;
    return read;
  }

  /** Stores a new run and starts it. */
  async create(input: NewRunInput, file?: ImportedTestFile): Promise<Run> {
    const db = await this.db();
    const run = file ? await createFileRun(db, input, file) : await createRun(db, input);
    await this.refresh();
    this.start(run.id);
    return run;
  }

  /** Starts or resumes a run in this tab. */
  start(runId: string): void {
    const launcher = this.#launcher;
    if (!launcher || launcher.handle(runId)) return;
    this.#notices = omit(this.#notices, runId);
    this.#patchLive(runId, { phase: 'starting', snapshot: null, engine: null, model: null, stream: null });
    const handle = launcher.start(runId, {
      onSnapshot: (snapshot) => this.#patchLive(runId, { snapshot }),
      // The stored status changed: the list is read again (views that test run.status follow), and once the run
      // is stored 'running' this tab's label says so.
      onStatus: (run) => {
        if (run.status === 'running' && this.#live[runId]?.phase === 'starting') this.#patchLive(runId, { phase: 'running' });
        void this.refresh();
      },
      onEngine: (engine) => this.#patchLive(runId, { engine }),
      onDelta: (slot, text) => this.#patchLive(runId, { stream: { taskId: slot.taskId, text } }),
    });
    handle.done
      .then((outcome) => {
        if (outcome.status === 'failed' && outcome.error) this.#notices = { ...this.#notices, [runId]: outcome.error };
      })
      .catch((error: unknown) => {
        this.#notices = { ...this.#notices, [runId]: errorMessage(error) };
      })
      .finally(() => {
        this.#pool.idle();
        this.#live = omit(this.#live, runId);
        void this.refresh();
      });
  }

  /** The answer at a run's key prompt (see RunKeyPrompts.give). */
  giveKey(run: Run, typed: string, remember: boolean): void {
    this.#keyPrompts.give(run, typed, remember);
  }

  /** "Not now" at a run's key prompt: the start ends before any request, the stored run as it was. */
  putOffKey(runId: string): void {
    this.#keyPrompts.putOff(runId);
  }

  pause(runId: string): void {
    this.#stop(runId, (h) => h.pause());
  }

  cancel(runId: string): void {
    this.#stop(runId, (h) => h.cancel());
  }

  /** Cancels a run that is not executing here (paused, failed, draft, or left by a closed tab). */
  async cancelStored(runId: string): Promise<void> {
    if (this.#launcher?.handle(runId)) return this.cancel(runId);
    await updateRunStatus(await this.db(), runId, 'cancelled');
    await this.refresh();
  }

  /** Deletes a run and everything stored with it (stopping it first). */
  async remove(runId: string): Promise<void> {
    const handle = this.#launcher?.handle(runId);
    if (handle) {
      handle.cancel();
      await handle.done.catch(() => {});
    }
    await deleteRun(await this.db(), runId);
    await this.refresh();
  }

  /**
   * A draft copy with changed settings; generations are reused when the verifier is unchanged. With `datasetId`
   * (a choice of the new-run form) the copy runs on that dataset, over the problems it shares with this run.
   */
  async duplicate(runId: string, changes: RunChanges, start: boolean, datasetId?: string): Promise<Run> {
    const source = this.run(runId);
    if (source && !ranksCandidates(verifierKind(source.verifier))) throw new RunKindError(REFINE_DUPLICATE);
    if (datasetId !== undefined && source && datasetId !== source.datasetId) {
      const datasets = await this.datasets();
      const meta = await datasets.resolve(datasetId);
      const target = await datasets.load(meta.id);
      const there = new Set(target.problems.map((p) => p.taskId));
      const problemIds = (changes.problemIds ?? source.problemIds).filter((id) => there.has(id));
      if (problemIds.length === 0) throw new Error(`no problem of this run is in ${meta.name}`);
      changes = { ...changes, problemIds, dataset: { id: meta.id, sha256: meta.sha256, name: meta.name, split: meta.split } };
    }
    const { run } = await duplicateRun(await this.db(), runId, changes);
    await this.refresh();
    if (start) this.start(run.id);
    return run;
  }

  exportRun(runId: string): Promise<ExportedFile> {
    return this.db().then((db) => runFileExport(db, runId));
  }

  async exportEval(runId: string): Promise<ExportedFile> {
    const run = this.run(runId);
    if (!run) throw new Error('no such run');
    if (!ranksCandidates(verifierKind(run.verifier))) throw new RunKindError(REFINE_EVAL);
    return evalFileExport(await this.db(), runId, await (await this.datasets()).forRun(run));
  }

  async importRun(text: string): Promise<ImportedRun> {
    const imported = await importRunFile(await this.db(), text);
    await this.refresh();
    return imported;
  }

  /** Every stored result of a run. */
  async results(runId: string): Promise<CandidateRecord[]> {
    return loadResults(await this.db(), runId);
  }

  /** Every generation of a run (a refinement run's page reads them all: feedback drafts and refinements). */
  async allGenerations(runId: string): Promise<GenerationRecord[]> {
    return loadGenerations(await this.db(), runId);
  }

  /** One problem's generations. */
  async generations(runId: string, taskId: string): Promise<GenerationRecord[]> {
    return loadProblemGenerations(await this.db(), runId, taskId);
  }

  /** The dataset of a run; rejects with RunDatasetMissingError when it is not stored here. */
  async datasetOf(run: Run): Promise<Dataset> {
    if (!(await getDataset(await this.db(), run.datasetSha256))) throw new RunDatasetMissingError(run.datasetName, run.datasetSha256);
    return (await this.datasets()).forRun(run);
  }

  #stop(runId: string, how: (h: RunHandle) => void): void {
    const handle = this.#launcher?.handle(runId);
    if (!handle) return;
    this.#patchLive(runId, { phase: 'stopping' });
    how(handle);
  }

  #patchLive(runId: string, patch: Partial<LiveRun>): void {
    const current = this.#live[runId] ?? { phase: 'starting', snapshot: null, engine: null, model: null, stream: null };
    this.#live = { ...this.#live, [runId]: { ...current, ...patch } };
  }

  /** One pool for every run of this tab (see SharedPool). */
  #enginePool(): Promise<EnginePool> {
    return this.#pool.get(this.#settings.workers);
  }
}

function omit<T>(record: Record<string, T>, key: string): Record<string, T> {
  const { [key]: _, ...rest } = record;
  return rest;
}

export const [getRunsStore, setRunsStore] = createContext<RunsStore>();
