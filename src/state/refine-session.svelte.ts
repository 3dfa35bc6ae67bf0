// The Refine page's exercise: one wrong program (a dataset candidate or pasted code), its failing ground-truth tests,
// feedback written by the user or drafted by a model, and k refinements with and without it, each re-tested in the
// engine (the CLI's loop, run/refine/refine-job.ts). Lives in memory for the tab; the API key goes through ApiKeys
// (memory, or localStorage when asked), never IndexedDB.
import { createContext } from 'svelte';
import type { Dataset, Problem } from '../core/dataset/types';
import { errorMessage } from '../core/error-message';
import type { FeedbackAuthor, IlfRecord } from '../core/refine/ilf-record';
import { ilfLine } from '../core/refine/ilf-record';
import { pairRefinements, type ProgramPair, type RefineTally } from '../core/refine/refine-pairs';
import type { RefineSettings, RefineTarget } from '../core/refine/refine-plan';
import { sideSummary, type RefineSideSummary } from '../core/refine/repair-summary';
import { teachingVerdict, type TeachingVerdict } from '../core/refine/teaching-verdict';
import { PAPER_TIME_LIMITS, type TimeLimitRule } from '../core/run/time-limits';
import type { CompareMode } from '../core/run/types';
import type { EngineCanonicalCache } from '../engine/prepare-tests';
import type { EnginePool } from '../engine/pool-types';
import { createGenerator, type TestGenerator } from '../llm/generator';
import { refineTemplateIssues } from '../llm/prompts/refine-messages';
import { DEFAULT_FEEDBACK_TEMPLATE, DEFAULT_REFINE_TEMPLATE, type RefineTemplate } from '../llm/prompts/refine-templates';
import { draftFeedback, groundTruthOf, programFailures, refinePrograms, type ProgramFailures, type RefinementDetail } from '../run/refine/refine-job';
import { browserPoolFactory, type PoolFactory } from './engine-jobs';
import { engineCanonicalCache } from './engine-pool-options';
import type { ApiKeys } from './runs-api-keys.svelte';

/** Where the page's model answers: an OpenAI-compatible endpoint or WebLLM in this tab. */
export type RefineBackend = 'openai' | 'webllm';

/** What the exercise is doing. */
export type RefinePhase = 'idle' | 'testing' | 'drafting' | 'refining' | 'done' | 'cancelled' | 'failed';

/** One refinement as the page lists it. */
export interface RefinementView {
  record: IlfRecord;
  detail: RefinementDetail;
}

/** The exercise's report once refinements exist. */
export interface RefineReport {
  pair: ProgramPair;
  /** pass@k here uses k = the refinements made so far on that side (all k once done). */
  withFeedback: RefineSideSummary | null;
  withoutFeedback: RefineSideSummary | null;
  verdict: TeachingVerdict | null;
}

/** Token budget of each answer (a repaired function, or a few sentences of feedback). */
const MAX_TOKENS = 2048;

/** Rank of a program pasted in rather than taken from the dataset. */
export const PASTED_RANK = 0;

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
  #refinements = $state.raw<RefinementView[]>([]);
  #controller: AbortController | null = null;
  readonly #keys: ApiKeys;
  readonly #settings: { readonly workers: number; readonly comparison: CompareMode };
  readonly #pools: PoolFactory;
  readonly #canonicalCache: EngineCanonicalCache | null;
  readonly #rule: () => TimeLimitRule;

  /** `rule`: re-verification's time-limit rule (the Build page's floor), so refinements run as verification does. */
  constructor(
    keys: ApiKeys,
    settings: { readonly workers: number; readonly comparison: CompareMode },
    rule: () => TimeLimitRule = () => PAPER_TIME_LIMITS,
    pools: PoolFactory = browserPoolFactory,
    canonicalCache = engineCanonicalCache(),
  ) {
    this.#keys = keys;
    this.#settings = settings;
    this.#rule = rule;
    this.#pools = pools;
    this.#canonicalCache = canonicalCache;
  }

  get phase(): RefinePhase {
    return this.#phase;
  }
  get busy(): boolean {
    return this.#phase === 'testing' || this.#phase === 'drafting' || this.#phase === 'refining';
  }
  /** Why the last action stopped, or null. */
  get message(): string | null {
    return this.#message;
  }
  /** The program's failing tests, from its last test run (null before one, or after the program changed). */
  get failures(): (ProgramFailures & { program: string }) | null {
    return this.#failures;
  }
  get refinements(): readonly RefinementView[] {
    return this.#refinements;
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

  /** A new program was chosen: its tests, feedback and refinements no longer apply. */
  reset(): void {
    this.cancel();
    this.#failures = null;
    this.#refinements = [];
    this.feedback = '';
    this.author = 'person';
    this.#message = null;
    this.#phase = 'idle';
  }

  cancel(): void {
    this.#controller?.abort(new DOMException('cancelled', 'AbortError'));
  }

  /** Runs the program on its ground truth and keeps its failing tests. */
  test(dataset: Dataset, problem: Problem): Promise<void> {
    const program = this.program(problem);
    return this.#act('testing', async (pool, signal) => {
      const truth = await groundTruthOf(this.#engine(pool, dataset), problem, signal);
      const result = await programFailures(pool, truth, program, 5, signal);
      this.#failures = { ...result, program };
    });
  }

  /** Drafts feedback with the model from the failing tests; the text stays editable. */
  draft(dataset: Dataset, problem: Problem): Promise<void> {
    const program = this.program(problem);
    return this.#act('drafting', async (pool, signal) => {
      const drafter = { generator: await this.#generator(), model: this.model.trim() };
      const truth = await groundTruthOf(this.#engine(pool, dataset), problem, signal);
      const env = {
        pool,
        drafter,
        templates: { refine: this.refineTemplate, feedback: this.feedbackTemplate },
        settings: this.#settingsOf(false),
        maxTokens: MAX_TOKENS,
        onFeedback: (_target: RefineTarget, _feedback: unknown, failures: ProgramFailures) => (this.#failures = { ...failures, program }),
      };
      const feedback = await draftFeedback(env, problem, truth, this.#target(problem, null), signal);
      this.feedback = feedback.text;
      this.author = feedback.author;
    });
  }

  /** Makes k refinements with the feedback and k without it (same seeds), each re-tested. */
  refine(dataset: Dataset, problem: Problem): Promise<void> {
    const feedback = { text: this.feedback.trim(), author: this.author };
    const settings = this.#settingsOf(true);
    this.#refinements = [];
    return this.#act('refining', async (pool, signal) => {
      const generator = await this.#generator();
      await refinePrograms(
        {
          ...this.#engine(pool, dataset),
          refiner: { generator, model: this.model },
          drafter: null,
          templates: { refine: this.refineTemplate, feedback: this.feedbackTemplate },
          settings,
          maxTokens: MAX_TOKENS,
          store: { load: async () => [], put: async () => {} },
          onRefinement: (record, detail) => {
            this.#refinements = [...this.#refinements, { record, detail }].sort(
              (a, b) => Number(b.record.with_feedback) - Number(a.record.with_feedback) || a.record.seed - b.record.seed,
            );
          },
        },
        [this.#target(problem, feedback)],
        signal,
      );
    });
  }

  /** pass@1, pass@k and the verdict of the refinements made so far (the verdict once both sides have all k). */
  get report(): RefineReport | null {
    const records = this.#refinements.map((r) => r.record);
    const [pair] = pairRefinements(records);
    if (!pair) return null;
    const summary = (tally: RefineTally | null) => (tally && tally.made > 0 ? sideSummary([tally], Math.min(this.k, tally.made)) : null);
    const complete = pair.withFeedback.made >= this.k && (pair.withoutFeedback?.made ?? 0) >= this.k;
    return { pair, withFeedback: summary(pair.withFeedback), withoutFeedback: summary(pair.withoutFeedback), verdict: complete ? teachingVerdict(pair, records[0]!.feedback_author) : null };
  }

  /** The per-test limit rule and comparison mode refinements are re-tested with. */
  get limits(): { rule: TimeLimitRule; compare: CompareMode } {
    return { rule: this.#rule(), compare: this.#settings.comparison };
  }

  /** The refinements as ILF export lines. */
  exportText(): string {
    return this.#refinements.map((r) => `${ilfLine(r.record)}\n`).join('');
  }

  #settingsOf(baseline: boolean): RefineSettings {
    return { k: this.k, temperature: this.temperature, seed: this.seed, baseline };
  }

  #target(problem: Problem, feedback: { text: string; author: FeedbackAuthor } | null): RefineTarget {
    return { taskId: problem.taskId, rank: this.rank, program: this.program(problem), feedback };
  }

  #engine(pool: EnginePool, dataset: Dataset) {
    return { pool, dataset, compare: this.#settings.comparison, rule: this.#rule(), canonicalCache: this.#canonicalCache };
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
      this.#phase = phase === 'refining' ? 'done' : 'idle';
    } catch (error) {
      this.#phase = controller.signal.aborted ? 'cancelled' : 'failed';
      this.#message = controller.signal.aborted ? 'Stopped.' : errorMessage(error);
    } finally {
      if (this.#controller === controller) this.#controller = null;
    }
  }
}

export const [getRefineSession, setRefineSession] = createContext<RefineSession>();
