// The Refine page's batch mode: every wrong program (score < 1, never rank 1) of the shown dataset's problems, or of a
// typed subset, refined as one stored run, with feedback drafted by a model on the same endpoint or read from a
// feedback file. The model section (backend, endpoint, key, model, templates) is the exercise's (RefineSession).
// A bad feedback file is refused whole with its line and field named; nothing is stored before the run is created.
import { createContext } from 'svelte';
import type { Dataset } from '../core/dataset/types';
import { errorMessage } from '../core/error-message';
import { parseFeedbackFile, type ProgramFeedback } from '../core/refine/feedback-file';
import { RefineFileError, RefineInputError } from '../core/refine/refine-errors';
import { feedbackTargets, wrongPrograms } from '../core/refine/refine-plan';
import { refineRunIssue, type RefineTargetSpec } from '../core/refine/refine-run';
import { selectProblems } from '../core/run/problem-subset';
import type { Run } from '../core/run/run-types';
import { refineTemplateIssues } from '../llm/prompts/refine-messages';
import { refineVerifierConfig } from '../run/refine/refine-config';
import { MAX_TOKENS, type RefineSession } from './refine-session.svelte';
import type { ApiKeys } from './runs-api-keys.svelte';
import type { RunsStore } from './runs-store.svelte';

/** Where the batch's feedback comes from: drafted by a model, or a JSONL file of {"task_id", "rank", "feedback"}. */
export type FeedbackSource = 'model' | 'file';

/** What the batch needs of the exercise: its model section, and how its runs name datasets and re-test programs. */
export type RefineModelSection = Pick<RefineSession, 'backend' | 'baseUrl' | 'model' | 'apiKey' | 'rememberKey' | 'refineTemplate' | 'feedbackTemplate' | 'runDataset' | 'execution'>;

/** The programs a batch would refine, and the problems they are in (run order). */
export interface BatchPlan {
  problemIds: string[];
  targets: RefineTargetSpec[];
}

export class RefineBatch {
  /** Task ids (spaces or commas between them); empty = every problem of the dataset. */
  problems = $state('');
  source = $state<FeedbackSource>('model');
  feedbackModel = $state('');
  k = $state(4);
  baseline = $state(true);
  temperature = $state(1);
  seed = $state(0);
  #file = $state.raw<{ name: string; entries: ProgramFeedback[] } | null>(null);
  #fileError = $state<string | null>(null);
  #message = $state<string | null>(null);
  #starting = $state(false);
  readonly #model: RefineModelSection;
  readonly #keys: Pick<ApiKeys, 'use'>;
  readonly #runs: Pick<RunsStore, 'create'>;

  constructor(model: RefineModelSection, keys: Pick<ApiKeys, 'use'>, runs: Pick<RunsStore, 'create'>) {
    this.#model = model;
    this.#keys = keys;
    this.#runs = runs;
  }

  /** The feedback file read (null before one, or after a bad one). */
  get file(): { name: string; entries: readonly ProgramFeedback[] } | null {
    return this.#file;
  }
  /** Why the last file was refused (its line and field), or null. */
  get fileError(): string | null {
    return this.#fileError;
  }
  /** Why the last start failed, or null. */
  get message(): string | null {
    return this.#message;
  }
  get starting(): boolean {
    return this.#starting;
  }

  /** Reads a feedback file whole, or not at all: a bad line leaves no entries and says which line and field. */
  readFile(name: string, text: string): void {
    this.#file = null;
    this.#fileError = null;
    try {
      const entries = parseFeedbackFile(text);
      if (entries.length === 0) throw new RefineFileError(1, '', 'the file holds no feedback line');
      this.#file = { name, entries };
    } catch (error) {
      this.#fileError = `${name}: ${errorMessage(error)}`;
    }
  }

  /** The programs this batch refines on `dataset`; a RefineInputError when the file names what the dataset lacks. */
  plan(dataset: Dataset): BatchPlan {
    const selection = selectProblems(dataset, this.problems, 0);
    if (selection.unknown.length > 0) throw new RefineInputError(`${dataset.name} has no problem ${selection.unknown.slice(0, 5).join(', ')}`);
    const chosen = new Set(selection.ids);
    const targets: RefineTargetSpec[] =
      this.source === 'model'
        ? wrongPrograms(dataset, selection.ids).map((t) => ({ taskId: t.taskId, rank: t.rank }))
        : feedbackTargets(dataset, this.#file?.entries ?? [])
            .filter((t) => chosen.has(t.taskId))
            .map((t) => ({ taskId: t.taskId, rank: t.rank, feedback: t.feedback! }));
    const withTargets = new Set(targets.map((t) => t.taskId));
    return { problemIds: selection.ids.filter((id) => withTargets.has(id)), targets };
  }

  /** Why the batch cannot start on `dataset`, or null; checked again by start. */
  issue(dataset: Dataset): string | null {
    const m = this.#model;
    if (m.model.trim() === '') return 'Name the model (section 2).';
    if (m.backend === 'openai' && m.baseUrl.trim() === '') return 'Give the base URL of the OpenAI-compatible endpoint (section 2).';
    if (!(Number.isInteger(this.k) && this.k >= 1 && this.k <= 8)) return 'Refinements must be a whole number from 1 to 8.';
    if (!(this.temperature >= 0 && this.temperature <= 2)) return 'The temperature must be between 0 and 2.';
    if (!Number.isInteger(this.seed)) return 'The seed must be a whole number.';
    if (this.source === 'model' && this.feedbackModel.trim() === '') return 'Name the model that drafts the feedback.';
    if (this.source === 'file' && this.#fileError) return this.#fileError;
    if (this.source === 'file' && !this.#file) return 'Choose a feedback file.';
    const templates = [...refineTemplateIssues(m.refineTemplate, 'refine').map((i) => `Refinement prompt: ${i}.`)];
    if (this.source === 'model') templates.push(...refineTemplateIssues(m.feedbackTemplate, 'feedback').map((i) => `Feedback-drafting prompt: ${i}.`));
    if (templates.length > 0) return templates.join(' ');
    let plan: BatchPlan;
    try {
      plan = this.plan(dataset);
    } catch (error) {
      return `${errorMessage(error)}.`;
    }
    if (plan.targets.length === 0) return this.source === 'model' ? 'The chosen problems have no wrong program (score below 1).' : 'The feedback file names no program of the chosen problems.';
    const issue = refineRunIssue({ k: this.k, baseline: this.baseline, feedbackModel: this.#feedbackModel(), feedbackTemplate: '', targets: plan.targets });
    return issue === null ? null : `${issue}.`;
  }

  /** Stores the batch as a refinement run and starts it; the run, or null when it could not be made (see message). */
  async start(dataset: Dataset): Promise<Run | null> {
    if (this.#starting) return null;
    this.#message = this.issue(dataset);
    if (this.#message !== null) return null;
    this.#starting = true;
    try {
      const m = this.#model;
      const baseUrl = m.baseUrl.trim();
      if (m.backend === 'openai') {
        this.#keys.use(baseUrl, m.apiKey, m.rememberKey);
        m.apiKey = '';
      }
      const plan = this.plan(dataset);
      const meta = await m.runDataset(dataset);
      const verifier = refineVerifierConfig({
        backend: m.backend,
        baseUrl: m.backend === 'openai' ? baseUrl : null,
        model: m.model.trim(),
        feedbackModel: this.#feedbackModel(),
        k: this.k,
        baseline: this.baseline,
        temperature: this.temperature,
        seed: this.seed,
        maxTokens: MAX_TOKENS,
        templates: { refine: $state.snapshot(m.refineTemplate), feedback: $state.snapshot(m.feedbackTemplate) },
        targets: plan.targets,
      });
      const source = this.source === 'model' ? `feedback by ${this.feedbackModel.trim()}` : `feedback from ${this.#file!.name}`;
      const name = `Refine ${plan.targets.length} programs of ${meta.name} (${source})`;
      return await this.#runs.create({ name, datasetId: meta.id, datasetSha256: meta.sha256, datasetName: meta.name, split: meta.split, problemIds: plan.problemIds, verifier, execution: m.execution() });
    } catch (error) {
      this.#message = errorMessage(error);
      return null;
    } finally {
      this.#starting = false;
    }
  }

  #feedbackModel(): string | null {
    return this.source === 'model' ? this.feedbackModel.trim() || null : null;
  }
}

export const [getRefineBatch, setRefineBatch] = createContext<RefineBatch>();
