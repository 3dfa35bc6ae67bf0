// Starts stored runs with what they need (dataset, engine pool, test generator) and keeps one handle per running
// run. Environment-free: the caller supplies the factories (browser pool and Web Locks, or Node pool in tests).
import type { Dataset } from '../core/dataset/types';
import { pendingWork, planRun } from '../core/run/orchestration/work-plan';
import type { Run } from '../core/run/run-types';
import type { EnginePool } from '../engine/pool-types';
import type { EngineCanonicalCache } from '../engine/prepare-tests';
import type { TestGenerator } from '../llm/generator';
import { generationSlot } from '../core/run/run-progress';
import { RunNotFoundError, type RunStore } from '../core/run/run-store';
import { watchEngineStart, type EngineStart } from './engine-start';
import { executeRun, type RunEnvironment, type RunOutcome } from './orchestrator';
import { RunDeferredError, RunSetupError, RunStop } from './run-stop';
import { errorMessage } from '../core/error-message';
import { isScoreKind, verifierKind } from '../core/verifiers/verifier-kind';
import { feedbackModelRun } from '../core/refine/refine-run';

/** What starting a run needs from its environment. */
export interface LauncherDeps {
  store: RunStore;
  pool(): Promise<EnginePool>;
  /** The run's dataset; must reject when it is not stored (or its sha256 differs). */
  dataset(run: Run): Promise<Dataset>;
  /**
   * The run's test generator; asked only when generations are pending. It may wait (e.g. for an API key) and
   * reject with RunDeferredError to put the start off, leaving the stored run as it was.
   */
  generator(run: Run, signal: AbortSignal): Promise<TestGenerator>;
  /** Canonical runs kept from earlier jobs on this machine (none by default). */
  canonicalCache?: EngineCanonicalCache | null;
  /** Runs `task` holding an exclusive lock named `name`, or returns false at once when another tab holds it. */
  exclusive?(name: string, task: () => Promise<void>): Promise<boolean>;
}

/** Listeners of one run (snapshots, status changes, the engine's start, streamed text, stored records). */
export type RunListeners = Pick<RunEnvironment, 'onSnapshot' | 'onStatus' | 'onDelta' | 'onRecord'> & {
  onEngine?: (start: EngineStart) => void;
};

/** A run being executed here. */
export interface RunHandle {
  readonly runId: string;
  pause(): void;
  cancel(): void;
  /** Stops without touching the stored status (e.g. the page is going away). */
  detach(): void;
  readonly done: Promise<RunOutcome>;
}

/** Another tab is executing this run. */
export class RunBusyError extends Error {
  override readonly name = 'RunBusyError';
}

export class RunLauncher {
  readonly #deps: LauncherDeps;
  readonly #active = new Map<string, RunHandle>();

  constructor(deps: LauncherDeps) {
    this.#deps = deps;
  }

  /** The handle of a run running in this context, if any. */
  handle(runId: string): RunHandle | undefined {
    return this.#active.get(runId);
  }

  get activeIds(): string[] {
    return [...this.#active.keys()];
  }

  /**
   * Starts or resumes a run; `done` settles with the outcome (or the setup error; a start put off settles with the
   * stored run, unchanged). Starting twice returns the same handle.
   */
  start(runId: string, listeners: RunListeners = {}): RunHandle {
    const existing = this.#active.get(runId);
    if (existing) return existing;
    const controller = new AbortController();
    const done = this.#run(runId, listeners, controller.signal).finally(() => this.#active.delete(runId));
    const handle: RunHandle = {
      runId,
      pause: () => controller.abort(new RunStop('pause')),
      cancel: () => controller.abort(new RunStop('cancel')),
      detach: () => controller.abort(new Error('detached')),
      done,
    };
    this.#active.set(runId, handle);
    return handle;
  }

  async #run(runId: string, listeners: RunListeners, signal: AbortSignal): Promise<RunOutcome> {
    const { store } = this.#deps;
    const go = async (): Promise<RunOutcome> => {
      const run = await store.getRun(runId);
      if (!run) throw new RunNotFoundError(runId);
      let dataset: Dataset;
      let generator: TestGenerator | null;
      let feedbackGenerator: TestGenerator | null = null;
      try {
        dataset = await this.#deps.dataset(run);
        const pending = await this.#pending(run, dataset);
        generator = pending.generations > 0 ? await this.#deps.generator(run, signal) : null;
        const feedbackModel = run.verifier.refine?.feedbackModel ?? null;
        if (pending.drafts && feedbackModel !== null) {
          feedbackGenerator = feedbackModel === run.verifier.model ? generator : await this.#deps.generator(feedbackModelRun(run), signal);
        }
      } catch (error) {
        if (error instanceof RunDeferredError) return { status: run.status, run, error: null };
        // A run left 'running' would otherwise be retried, and fail the same way, on every page load (unless the
        // setup was stopped on purpose: a deletion, a pause).
        if (run.status === 'running' && !signal.aborted) {
          const failed = await store.updateRunStatus(runId, 'failed', { error: errorMessage(error) }).catch(() => null);
          if (failed) listeners.onStatus?.(failed);
        }
        throw error;
      }
      // The engine starts while the first tests are generated: its start is reported on its own. Reward and judge
      // runs execute nothing, so they start no engine.
      const watching = new AbortController();
      try {
        const pool = isScoreKind(verifierKind(run.verifier)) ? null : await this.#deps.pool();
        if (pool && listeners.onEngine) watchEngineStart(pool, listeners.onEngine, watching.signal);
        return await executeRun({ store, pool, dataset, generator, feedbackGenerator, canonicalCache: this.#deps.canonicalCache ?? null, ...listeners }, runId, signal);
      } finally {
        watching.abort();
        await generator?.dispose?.().catch(() => {});
        if (feedbackGenerator !== generator) await feedbackGenerator?.dispose?.().catch(() => {});
      }
    };
    if (!this.#deps.exclusive) return go();
    let outcome: RunOutcome | undefined;
    const got = await this.#deps.exclusive(`verifier-lab-run:${runId}`, async () => {
      outcome = await go();
    });
    if (!got) throw new RunBusyError('this run is being executed in another tab or window');
    return outcome!;
  }

  /** What generation is still to make (see pendingWork); a file run cannot make any. */
  async #pending(run: Run, dataset: Dataset): Promise<{ generations: number; drafts: boolean }> {
    const plan = planRun(run.problemIds, run.verifier, dataset);
    const stored = await this.#deps.store.loadGenerations(run.id);
    const finished = new Set(stored.filter((g) => g.error === null).map((g) => generationSlot(g.taskId, g.shownRank, g.sampleIndex)));
    const pending = pendingWork(plan, finished);
    if (pending.generations > 0 && run.verifier.backend === 'file') throw new RunSetupError('this run was imported from a file and misses some of its tests; import the file again as a new run');
    return pending;
  }
}
