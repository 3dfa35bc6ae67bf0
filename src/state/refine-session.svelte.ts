// The Refine page's exercise: one wrong program (a dataset candidate or pasted code), its failing ground-truth tests,
// feedback written by the user or drafted by a model, and k refinements with and without it. The refinements are a
// stored run of kind 'refine' on the shared run loop (listed with the runs, pausable, resumable); the session shows
// that run's records. Testing the program and drafting its feedback are single engine and model calls before it.
// The API key goes through ApiKeys (memory, or localStorage when asked), never IndexedDB.
import { createContext } from 'svelte';
import type { Dataset, Problem } from '../core/dataset/types';
import { errorMessage } from '../core/error-message';
import type { FeedbackAuthor } from '../core/refine/ilf-record';
import { ilfLine } from '../core/refine/ilf-record';
import { PASTED_RANK, refineVerifier } from '../core/refine/refine-run';
import { programReport, targetViews, type ProgramReport, type RefinementView, type TargetView } from '../core/refine/refine-run-view';
import { problemStatement } from '../core/run/orchestration/problem-statement';
import type { GenerationRecord } from '../core/run/run-records';
import type { Run } from '../core/run/run-types';
import { PAPER_TIME_LIMITS, RUN_BUDGET_CAP_MS, type TimeLimitRule } from '../core/run/time-limits';
import type { CompareMode } from '../core/run/types';
import type { EngineCanonicalCache } from '../engine/prepare-tests';
import type { EnginePool } from '../engine/pool-types';
import { createGenerator, type TestGenerator } from '../llm/generator';
import { refineMessages, refineTemplateIssues } from '../llm/prompts/refine-messages';
import { DEFAULT_FEEDBACK_TEMPLATE, DEFAULT_REFINE_TEMPLATE, type RefineTemplate } from '../llm/prompts/refine-templates';
import { refineVerifierConfig } from '../run/refine/refine-config';
import { groundTruthOf, programFailures, type ProgramFailures } from '../run/refine/program-failures';
import { ENGINE_VERSION, PYODIDE_VERSION } from '../run/versions';
import { browserPoolFactory, type PoolFactory } from './engine-jobs';
import { engineCanonicalCache } from './engine-pool-options';
import type { ApiKeys } from './runs-api-keys.svelte';
import { DEMO_CHOICE, type RunsStore } from './runs-store.svelte';
import { DEMO_ID } from './datasets-library.svelte';

export { PASTED_RANK };
export type { RefinementView };

/** Where the page's model answers: an OpenAI-compatible endpoint or WebLLM in this tab. */
export type RefineBackend = 'openai' | 'webllm';

/** What the exercise is doing before its run: testing the program, or drafting feedback. */
export type RefinePhase = 'idle' | 'testing' | 'drafting' | 'cancelled' | 'failed';

/** Token budget of each answer (a repaired function, or a few sentences of feedback); the batch mode's too. */
export const MAX_TOKENS = 2048;

/** What the session needs of the runs (the RunsStore, or a fake in tests). */
export type RefineRuns = Pick<RunsStore, 'create' | 'run' | 'start' | 'pause' | 'generations' | 'datasets' | 'datasetOf' | 'status'>;

export class RefineSession {
  taskId = $state('');
  /** A dataset candidate's rank, or PASTED_RANK for `pasted`. */
  rank = $state(2);
  pasted = $state('');
  feedback = $state('');
  /** Who wrote `feedback`: the user, or the model that drafted it (the text stays editable). */
  author = $state<FeedbackAuthor>('person');
  backend = $state<RefineBackend>('openai');
  baseUrl = $state('');
  model = $state('');
  /** Typed into the page; handed to ApiKeys on use, never stored here beyond the tab. */
  apiKey = $state('');
  rememberKey = $state(false);
  k = $state(4);
  temperature = $state(1);
  seed = $state(0);
  refineTemplate = $state<RefineTemplate>({ ...DEFAULT_REFINE_TEMPLATE });
  feedbackTemplate = $state<RefineTemplate>({ ...DEFAULT_FEEDBACK_TEMPLATE });
  #phase = $state<RefinePhase>('idle');
  #message = $state<string | null>(null);
  #failures = $state.raw<(ProgramFailures & { program: string }) | null>(null);
  /** The exercise's refinement run, once asked for. */
  #runId = $state<string | null>(null);
  #generations = $state.raw<GenerationRecord[]>([]);
  #dataset = $state.raw<Dataset | null>(null);
  #controller: AbortController | null = null;
  readonly #keys: ApiKeys;
  readonly #runs: RefineRuns;
  readonly #settings: { readonly workers: number; readonly comparison: CompareMode };
  readonly #pools: PoolFactory;
  readonly #canonicalCache: EngineCanonicalCache | null;
  readonly #rule: () => TimeLimitRule;
  readonly #datasetId: (dataset: Dataset) => string | null;

  /**
   * `rule`: re-verification's time-limit rule (the Build page's floor), so refinements run as verification does;
   * `datasetId`: the stored id of a shown dataset (DEMO_ID for the demo).
   */
  constructor(
    keys: ApiKeys,
    runs: RefineRuns,
    settings: { readonly workers: number; readonly comparison: CompareMode },
    datasetId: (dataset: Dataset) => string | null,
    rule: () => TimeLimitRule = () => PAPER_TIME_LIMITS,
    pools: PoolFactory = browserPoolFactory,
    canonicalCache = engineCanonicalCache(),
  ) {
    this.#keys = keys;
    this.#runs = runs;
    this.#settings = settings;
    this.#datasetId = datasetId;
    this.#rule = rule;
    this.#pools = pools;
    this.#canonicalCache = canonicalCache;
  }

  get phase(): RefinePhase {
    return this.#phase;
  }
  /** Testing or drafting, or the exercise's run executing in this tab. */
  get busy(): boolean {
    return this.#phase === 'testing' || this.#phase === 'drafting' || this.refining;
  }
  /** The exercise's run is executing here. */
  get refining(): boolean {
    const run = this.run;
    return run !== null && ['starting', 'running', 'stopping', 'needs-key'].includes(this.#runs.status(run));
  }
  /** Why the last action stopped, or null (the run's own error once it failed). */
  get message(): string | null {
    return this.#message ?? (this.run?.status === 'failed' ? this.run.error : null);
  }
  /** The program's failing tests, from its last test run (null before one, or after the program changed). */
  get failures(): (ProgramFailures & { program: string }) | null {
    return this.#failures;
  }
  /** The exercise's stored run (null before refinements are asked for, or once it is deleted). */
  get run(): Run | null {
    return this.#runId === null ? null : (this.#runs.run(this.#runId) ?? null);
  }
  /** The refinements made so far, with feedback first, by seed. */
  get refinements(): readonly RefinementView[] {
    return this.#view()?.refinements ?? [];
  }

  /** The program under refinement, or '' when none is chosen. */
  program(problem: Problem | undefined): string {
    if (this.rank === PASTED_RANK) return this.pasted;
    return problem?.candidates.find((c) => c.rank === this.rank)?.code ?? '';
  }

  /** Why refinements cannot be asked for yet, or null. */
  missing(problem: Problem | undefined): string | null {
    if (!problem) return 'Choose a problem.';
    if (this.program(problem).trim() === '') return this.rank === PASTED_RANK ? 'Paste the program to refine.' : 'Choose a wrong program.';
    if (this.feedback.trim() === '') return 'Write feedback on the program (or draft it with the model).';
    return this.modelMissing() ?? this.templateIssue();
  }

  /** Why the model cannot be asked, or null. */
  modelMissing(): string | null {
    if (this.model.trim() === '') return 'Name the model.';
    if (this.backend === 'openai' && this.baseUrl.trim() === '') return 'Give the base URL of the OpenAI-compatible endpoint.';
    if (!(Number.isInteger(this.k) && this.k >= 1 && this.k <= 8)) return 'Refinements must be a whole number from 1 to 8.';
    if (!(this.temperature >= 0 && this.temperature <= 2)) return 'The temperature must be between 0 and 2.';
    if (!Number.isInteger(this.seed)) return 'The seed must be a whole number.';
    return null;
  }

  templateIssue(): string | null {
    const issues = refineTemplateIssues(this.refineTemplate, 'refine');
    return issues.length > 0 ? `Refinement prompt: ${issues.join('; ')}.` : null;
  }

  /** The user writes feedback: it is theirs from now on. */
  writeFeedback(text: string): void {
    this.feedback = text;
    if (text.trim() === '') this.author = 'person';
  }

  /** A new program was chosen: its tests, feedback and refinements no longer apply (its run stays in the list). */
  reset(): void {
    this.cancel();
    this.#failures = null;
    this.#runId = null;
    this.#generations = [];
    this.feedback = '';
    this.author = 'person';
    this.#message = null;
    this.#phase = 'idle';
  }

  /** Stops testing or drafting, and pauses the exercise's run (it can be resumed from the Runs page). */
  cancel(): void {
    this.#controller?.abort(new DOMException('cancelled', 'AbortError'));
    if (this.#runId !== null && this.refining) this.#runs.pause(this.#runId);
  }

  /** The exercise's run was paused (or stopped by an error): go on where it stopped. */
  resume(): void {
    const run = this.run;
    if (run && (run.status === 'paused' || run.status === 'failed') && !this.refining) this.#runs.start(run.id);
  }

  /** Runs the program on its ground truth and keeps its failing tests. */
  test(dataset: Dataset, problem: Problem): Promise<void> {
    const program = this.program(problem);
    return this.#act('testing', async (pool, signal) => {
      const truth = await groundTruthOf(pool, problem, dataset.split, this.execution(), this.#canonicalCache, signal);
      this.#failures = { ...(await programFailures(pool, truth, program, signal)), program };
    });
  }

  /** Drafts feedback with the model from the failing tests; the text stays editable. */
  draft(dataset: Dataset, problem: Problem): Promise<void> {
    const program = this.program(problem);
    return this.#act('drafting', async (pool, signal) => {
      const generator = await this.#generator();
      try {
        const truth = await groundTruthOf(pool, problem, dataset.split, this.execution(), this.#canonicalCache, signal);
        const failures = await programFailures(pool, truth, program, signal);
        this.#failures = { ...failures, program };
        const messages = refineMessages(this.feedbackTemplate, 'feedback', { problem: problemStatement(problem), program, failures: failures.text });
        const answer = await generator.generate({ messages, temperature: this.temperature, top_p: 1, max_tokens: MAX_TOKENS, seed: this.seed, signal });
        const text = answer.text.trim();
        if (text === '') throw new Error('the model answered nothing');
        this.feedback = text;
        this.author = `model:${this.model.trim()}`;
      } finally {
        await generator.dispose?.().catch(() => {});
      }
    });
  }

  /** Stores and starts a refinement run: k refinements with the feedback and k without it (same seeds), each re-tested. */
  async refine(dataset: Dataset, problem: Problem): Promise<void> {
    if (this.busy) return;
    this.#message = null;
    // The earlier run's refinements leave the page at once (that run stays in the list).
    this.#runId = null;
    this.#generations = [];
    try {
      const baseUrl = this.baseUrl.trim();
      if (this.backend === 'openai') {
        this.#keys.use(baseUrl, this.apiKey, this.rememberKey);
        this.apiKey = '';
      }
      const meta = await this.runDataset(dataset);
      const program = this.program(problem);
      const verifier = refineVerifierConfig({
        backend: this.backend,
        baseUrl: this.backend === 'openai' ? baseUrl : null,
        model: this.model.trim(),
        feedbackModel: null,
        k: this.k,
        baseline: true,
        temperature: this.temperature,
        seed: this.seed,
        maxTokens: MAX_TOKENS,
        templates: { refine: $state.snapshot(this.refineTemplate), feedback: $state.snapshot(this.feedbackTemplate) },
        targets: [{ taskId: problem.taskId, rank: this.rank, ...(this.rank === PASTED_RANK ? { program } : {}), feedback: { text: this.feedback.trim(), author: this.author } }],
      });
      const name = `Refine ${problem.taskId} ${this.rank === PASTED_RANK ? 'pasted program' : `rank ${this.rank}`}`;
      const run = await this.#runs.create({ name, datasetId: meta.id, datasetSha256: meta.sha256, datasetName: meta.name, split: meta.split, problemIds: [problem.taskId], verifier, execution: this.execution() });
      this.#runId = run.id;
      this.#generations = [];
    } catch (error) {
      this.#message = errorMessage(error);
    }
  }

  /** Reads the run's refinements again (the page calls this as the run's progress moves). */
  async reload(): Promise<void> {
    const run = this.run;
    if (!run) return;
    // Programs are read from the run's own dataset (sha-checked), never from whichever dataset the page shows now.
    const [generations, dataset] = await Promise.all([this.#runs.generations(run.id, run.problemIds[0]!), this.#runs.datasetOf(run)]);
    if (this.#runId === run.id) {
      this.#generations = generations;
      this.#dataset = dataset;
    }
  }

  /** pass@1, pass@k and the verdict of the refinements made so far (the verdict once both sides have all k). */
  get report(): ProgramReport | null {
    const view = this.#view();
    const run = this.run;
    return view && run?.verifier.refine ? programReport(view, run.verifier.refine) : null;
  }

  /** The k the exercise's run was made with (the form's k before one exists). */
  get runK(): number {
    return this.run?.verifier.refine?.k ?? this.k;
  }

  /** The per-test limit rule and comparison mode refinements are re-tested with. */
  get limits(): { rule: TimeLimitRule; compare: CompareMode } {
    return { rule: this.#rule(), compare: this.#settings.comparison };
  }

  /** The refinements as ILF export lines. */
  exportText(): string {
    return this.refinements.map((r) => `${ilfLine(r.record)}\n`).join('');
  }

  #view(): TargetView | null {
    const run = this.run;
    if (!run?.verifier.refine || !this.#dataset) return null;
    return targetViews({ problemIds: run.problemIds, verifier: refineVerifier(run.verifier) }, this.#dataset, this.#generations)[0] ?? null;
  }

  /** The stored dataset a run on the shown dataset refers to (the demo is stored on first use). */
  async runDataset(dataset: Dataset) {
    const id = this.#datasetId(dataset);
    return (await this.#runs.datasets()).resolve(id === null || id === DEMO_ID ? DEMO_CHOICE : id);
  }

  /** How refinements are re-tested: the comparison mode of Settings and re-verification's limit rule. */
  execution() {
    return { comparison: this.#settings.comparison, timeout: { kind: 'scaled' as const, ...this.#rule() }, budgetMs: RUN_BUDGET_CAP_MS, engineVersion: ENGINE_VERSION, pyodideVersion: PYODIDE_VERSION };
  }

  async #generator(): Promise<TestGenerator> {
    if (this.backend === 'webllm') return createGenerator({ backend: 'web-llm', model: this.model.trim() });
    const baseUrl = this.baseUrl.trim();
    this.#keys.use(baseUrl, this.apiKey, this.rememberKey);
    this.apiKey = '';
    const apiKey = this.#keys.get(baseUrl);
    return createGenerator({ backend: 'openai-compatible', baseUrl, model: this.model.trim(), ...(apiKey ? { apiKey } : {}) });
  }

  async #act(phase: RefinePhase, work: (pool: EnginePool, signal: AbortSignal) => Promise<void>): Promise<void> {
    if (this.busy) return;
    const controller = new AbortController();
    this.#controller = controller;
    this.#phase = phase;
    this.#message = null;
    try {
      const pool = await this.#pools(this.#settings.workers);
      try {
        await work(pool, controller.signal);
      } finally {
        await pool.close();
      }
      this.#phase = 'idle';
    } catch (error) {
      this.#phase = controller.signal.aborted ? 'cancelled' : 'failed';
      this.#message = controller.signal.aborted ? 'Stopped.' : errorMessage(error);
    } finally {
      if (this.#controller === controller) this.#controller = null;
    }
  }
}

export const [getRefineSession, setRefineSession] = createContext<RefineSession>();
