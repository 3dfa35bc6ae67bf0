// Runs a stored run to its end: generate tests, execute every candidate in the engine, score, compute metrics (or,
// by kind: score candidates from a model's answers; refine wrong programs and re-test them, refine/refine-problem.ts).
// Problems flow through a bounded pipeline (a few in flight), so problem k executes while k+1 generates. Every
// finished request and candidate is stored at once; a restart skips them, so an interrupted run ends where an
// uninterrupted one would. Transport-agnostic: any EnginePool, any TestGenerator, any RunStore (IndexedDB in the
// app, a JSON Lines run file in the CLI).
import type { Dataset } from '../core/dataset/types';
import { progressFromRecords } from '../core/run/orchestration/run-counters';
import { runMetrics } from '../core/run/orchestration/run-solutions';
import { pendingCandidates, pendingGenerations, pendingWork, planRun, type PlannedProblem } from '../core/run/orchestration/work-plan';
import { generationSlot, resultSlot } from '../core/run/run-progress';
import { NO_CANDIDATE, type CandidateRecord, type GenerationRecord } from '../core/run/run-records';
import { isFinalStatus, RunStatusError } from '../core/run/run-status';
import { usesFencedFallback } from '../core/run/run-config';
import type { Run, RunStatus } from '../core/run/run-types';
import type { EngineCanonicalCache } from '../engine/prepare-tests';
import type { EnginePool } from '../engine/pool-types';
import type { TestGenerator } from '../llm/generator';
import { RunNotFoundError, type RunStore } from '../core/run/run-store';
import { executeProblem } from './execute-problem';
import { generateSlot, type DeltaListener } from './generate-slot';
import { scoreProblem } from './score-problem';
import { slotWork } from './slot-work';
import { predictionMethod, ranksCandidates, verifierKind } from '../core/verifiers/verifier-kind';
import { refineProblem, type RefineStepContext } from './refine/refine-problem';
import { refineSlotName, refineVerifier, type RefineRunSettings } from '../core/refine/refine-run';
import { RunMonitor, type RunSnapshot } from './run-monitor';
import { GenerationFailedError, RunSetupError, stopKindOf } from './run-stop';
import { Semaphore } from '../core/concurrency/semaphore';
import { errorMessage } from '../core/error-message';

export interface RunEnvironment {
  store: RunStore;
  /**
   * Executes the candidates of test runs; without one a test run stops 'paused' once every test is generated (the
   * CLI's `generate`). Reward and judge runs need none: their candidates are scored from the answers.
   */
  pool: EnginePool | null;
  /** The run's dataset (the caller checks its sha256 against the run's). */
  dataset: Dataset;
  /** Needed only while generations are pending (runs imported from a file have none). */
  generator?: TestGenerator | null;
  /** Refinement runs that draft feedback: the feedback model's generator (the run's own when it names the same model). */
  feedbackGenerator?: TestGenerator | null;
  /** Canonical runs kept from earlier jobs on this machine (none by default). */
  canonicalCache?: EngineCanonicalCache | null;
  now?: () => number;
  /** Problems between the start of their generation and the end of their execution (default 4). */
  problemsInFlight?: number;
  /** Generation requests one problem keeps in flight (default 4); the generator owns the limit across problems. */
  requestsPerProblem?: number;
  /** How often counters are written to the run record (ms, default 1000). */
  saveEveryMs?: number;
  onSnapshot?: (snapshot: RunSnapshot) => void;
  /** The stored run after each status change this call makes ('running' at the start, the final one at the end). */
  onStatus?: (run: Run) => void;
  onDelta?: DeltaListener;
  onRecord?: (record: GenerationRecord | CandidateRecord) => void;
}

/** How a call ended: 'running' means detached (aborted without pause/cancel); 'deleted' that the run vanished. */
export interface RunOutcome {
  status: RunStatus | 'deleted';
  run: Run | null;
  error: string | null;
}

/** Starts or resumes `runId` and resolves when it is done, paused, cancelled, failed or detached. */
export async function executeRun(env: RunEnvironment, runId: string, signal?: AbortSignal): Promise<RunOutcome> {
  const { store } = env;
  const now = env.now ?? Date.now;
  const initial = await store.getRun(runId);
  if (!initial) throw new RunNotFoundError(runId);
  if (isFinalStatus(initial.status)) throw new RunStatusError(initial.status, 'running');
  const plan = planRun(initial.problemIds, initial.verifier, env.dataset);
  const [stored, storedResults] = await Promise.all([store.loadGenerations(runId), store.loadResults(runId)]);
  const generations = stored.filter((g) => g.error === null);
  const finishedGen = new Set(generations.map((g) => generationSlot(g.taskId, g.shownRank, g.sampleIndex)));
  const finishedRes = new Set(storedResults.map((r) => resultSlot(r.taskId, r.rank)));
  const pending = pendingWork(plan, finishedGen, finishedRes);
  if (pending.generations > 0 && !env.generator) {
    throw new RunSetupError(`${pending.generations} test generations are still to be made and no ${initial.verifier.backend} test generator was given`);
  }
  if (pending.drafts && !env.feedbackGenerator) throw new RunSetupError('feedback is still to be drafted and no generator was given for the feedback model');
  const work = slotWork(initial.verifier);
  const extraction = { fencedFallback: usesFencedFallback(initial.verifier) };

  // A run still marked 'running' was left by a closed tab or a killed process: it passes through 'paused'.
  if (initial.status === 'running') await store.updateRunStatus(runId, 'paused', { now: now() });
  const started = await store.updateRunStatus(runId, 'running', { now: now() });
  env.onStatus?.(started);

  const monitor = new RunMonitor(progressFromRecords(plan, generations, storedResults), now);
  const internal = new AbortController();
  const onOuterAbort = () => internal.abort(signal!.reason);
  if (signal?.aborted) onOuterAbort();
  signal?.addEventListener('abort', onOuterAbort, { once: true });
  let failure: unknown = null;
  const fail = (error: unknown) => {
    if (failure === null && !internal.signal.aborted) {
      failure = error;
      internal.abort(error);
    }
  };

  const report = () => env.onSnapshot?.(monitor.snapshot());
  let saved = monitor.progress;
  const save = async () => {
    if (saved === monitor.progress) return;
    saved = monitor.progress;
    await store.updateRunProgress(runId, saved, now());
  };
  const timer = setInterval(() => void save().catch(fail), env.saveEveryMs ?? 1000);

  const byTask = new Map<string, GenerationRecord[]>();
  for (const g of generations) byTask.set(g.taskId, [...(byTask.get(g.taskId) ?? []), g]);
  const resultsByTask = new Map<string, CandidateRecord[]>();
  for (const r of storedResults) resultsByTask.set(r.taskId, [...(resultsByTask.get(r.taskId) ?? []), r]);
  const requestsPerProblem = env.requestsPerProblem ?? 4;

  // A finished or failed generation is stored and counted here; a failed one stops the run (resume retries it).
  async function keepGeneration(taskId: string, record: GenerationRecord): Promise<void> {
    await store.putGeneration(record);
    env.onRecord?.(record);
    if (record.error !== null) throw new GenerationFailedError(`${slotName(taskId, record, initial!.verifier.refine)}: ${record.error}`);
    byTask.set(taskId, [...(byTask.get(taskId) ?? []), record]);
    monitor.generationDone(record);
    report();
  }

  // Each problem gets its own signal, relayed from the run's: listeners stay per problem, not per request.
  async function generate(planned: PlannedProblem, local: AbortSignal): Promise<void> {
    const taskId = planned.problem.taskId;
    const slots = pendingGenerations(planned, finishedGen, finishedRes);
    const worker = async (): Promise<void> => {
      for (let slot = slots.shift(); slot && !local.aborted; slot = slots.shift()) {
        const request = work.request(planned.problem, slot);
        await keepGeneration(taskId, await generateSlot(runId, env.generator!, request, slot, extraction, local, env.onDelta, now, work.scoring ?? undefined));
      }
    };
    await Promise.all(Array.from({ length: Math.min(slots.length, requestsPerProblem) }, worker));
  }

  function refineContext(planned: PlannedProblem, local: AbortSignal, keep: (record: CandidateRecord) => Promise<void>): RefineStepContext {
    const taskId = planned.problem.taskId;
    return {
      runId,
      verifier: refineVerifier(initial!.verifier),
      execution: initial!.execution,
      split: initial!.split,
      pool: env.pool!,
      canonicalCache: env.canonicalCache ?? null,
      signal: local,
      ask: (request, slot, model) => {
        const generator = model === 'feedback' ? (env.feedbackGenerator ?? null) : (env.generator ?? null);
        if (!generator) throw new RunSetupError(`no generator was given for the ${model === 'feedback' ? 'feedback model' : 'refining model'}`);
        return generateSlot(runId, generator, request, slot, extraction, local, env.onDelta, now);
      },
      keepGeneration: (record) => keepGeneration(taskId, record),
      keepResult: keep,
      requestsPerProgram: requestsPerProblem,
    };
  }

  async function processProblem(planned: PlannedProblem): Promise<void> {
    const taskId = planned.problem.taskId;
    const local = new AbortController();
    const relay = () => local.abort(internal.signal.reason);
    internal.signal.addEventListener('abort', relay, { once: true });
    monitor.problemStarted(taskId);
    report();
    try {
      if (!planned.refine) await generate(planned, local.signal);
      if (!planned.scored && !env.pool) return;
      const keep = async (record: CandidateRecord) => {
        await store.putResult(record);
        resultsByTask.set(taskId, [...(resultsByTask.get(taskId) ?? []), record]);
        monitor.candidateDone(record);
        env.onRecord?.(record);
        report();
      };
      const pending = pendingCandidates(planned, finishedRes);
      if (planned.scored) await scoreProblem(runId, planned, byTask.get(taskId) ?? [], pending, keep);
      else if (planned.refine) await refineProblem(refineContext(planned, local.signal, keep), planned, byTask.get(taskId) ?? [], pending);
      else {
        const ctx = { runId, execution: initial!.execution, pool: env.pool!, canonicalCache: env.canonicalCache ?? null, signal: local.signal, store: keep };
        await executeProblem(ctx, planned, byTask.get(taskId) ?? [], pending, resultsByTask.get(taskId) ?? []);
      }
      monitor.problemDone(taskId);
    } finally {
      internal.signal.removeEventListener('abort', relay);
      monitor.problemLeft(taskId);
      report();
    }
  }

  const window = new Semaphore(env.problemsInFlight ?? 4);
  const tasks: Promise<void>[] = [];
  for (const planned of plan.problems) {
    if (pendingGenerations(planned, finishedGen, finishedRes).length === 0 && pendingCandidates(planned, finishedRes).length === 0) continue;
    try {
      await window.acquire(internal.signal);
    } catch {
      break;
    }
    tasks.push(processProblem(planned).catch(fail).finally(() => window.release()));
  }
  await Promise.all(tasks);
  clearInterval(timer);
  signal?.removeEventListener('abort', onOuterAbort);
  return finish(env, runId, plan, monitor, failure, stopKindOf(signal), signal?.aborted ?? false, now);
}

async function finish(
  env: RunEnvironment,
  runId: string,
  plan: ReturnType<typeof planRun>,
  monitor: RunMonitor,
  failure: unknown,
  stop: ReturnType<typeof stopKindOf>,
  aborted: boolean,
  now: () => number,
): Promise<RunOutcome> {
  const { store } = env;
  try {
    await store.updateRunProgress(runId, monitor.progress, now());
    if (failure === null && aborted && stop === null) return { status: 'running', run: (await store.getRun(runId)) ?? null, error: null };
    const run = await store.getRun(runId);
    if (!run) return { status: 'deleted', run: null, error: null };
    const kind = verifierKind(run.verifier);
    const metrics = ranksCandidates(kind) ? runMetrics(plan, run.split, await store.loadResults(runId), predictionMethod(kind)) : null;
    await store.setRunMetrics(runId, metrics, now());
    let status: RunStatus = 'done';
    let error: string | null = null;
    if (failure !== null) {
      status = 'failed';
      error = errorMessage(failure);
    } else if (stop !== null) status = stop === 'pause' ? 'paused' : 'cancelled';
    else if (!env.pool && !plan.problems.some((p) => p.scored) && monitor.progress.generationsDone === plan.generationsTotal) status = 'paused';
    else if (monitor.progress.candidatesDone < plan.candidatesTotal) {
      status = 'failed';
      error = `the run stopped with ${plan.candidatesTotal - monitor.progress.candidatesDone} candidates not executed`;
    }
    const final = await store.updateRunStatus(runId, status, { now: now(), ...(error !== null ? { error } : {}) });
    env.onStatus?.(final);
    return { status, run: final, error };
  } catch (e) {
    if (e instanceof RunNotFoundError) return { status: 'deleted', run: null, error: null };
    throw e;
  } finally {
    env.onSnapshot?.(monitor.snapshot());
  }
}

/** A slot in an error message: the task, the candidate its prompt showed (if any) and the sample. */
function slotName(taskId: string, slot: { shownRank: number; sampleIndex: number }, refine?: RefineRunSettings): string {
  if (refine) return refineSlotName(taskId, slot.shownRank, slot.sampleIndex, refine);
  const candidate = slot.shownRank === NO_CANDIDATE ? '' : ` rank ${slot.shownRank}`;
  return `${taskId}${candidate} (sample ${slot.sampleIndex + 1})`;
}
