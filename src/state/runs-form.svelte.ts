// The new-run form as runes: every field, its validation, and the NewRunInput it makes. The API key is kept
// apart (ApiKeys) and never enters the input.
import type { Dataset } from '../core/dataset/types';
import { PAPER_SAMPLING, PAPER_TESTS_PER_PROBLEM, type PromptVariant, type ReasoningEffort, type TimeoutPolicy, type VerifierBackend } from '../core/run/run-config';
import { parseExtraBody } from '../core/run/request-extras';
import type { NewRunInput } from '../core/run/run-types';
import { PAPER_TIME_LIMITS, RUN_BUDGET_CAP_MS } from '../core/run/time-limits';
import { parseGeneratedTests, promptIndex, type ImportedTestFile } from '../llm/from-file';
import { templateIssues } from '../llm/prompts/messages';
import { PRESET_INFO, presetTemplate, type PromptPreset } from '../llm/prompts/presets';
import { ModelMaxTokens } from './model-max-tokens';
import { fileCoverage, fileVerifier, type FileCoverage } from '../run/create-run';
import { encodePromptTemplate } from '../run/prompt-template-text';
import { ENGINE_VERSION, PYODIDE_VERSION } from '../run/versions';
import { selectProblems } from '../core/run/problem-subset';
import { errorMessage } from '../core/error-message';

/** How the UI reads a run's stored template (the run settings show it). */
export { decodePromptTemplate, promptNameOf } from '../run/prompt-template-text';
/** The prompt presets the form offers. */
export { PRESET_INFO, PROMPT_PRESETS, type PromptPreset } from '../llm/prompts/presets';

/** A parsed test file and how it meets the chosen dataset. */
export interface TestFileState {
  name: string;
  file: ImportedTestFile;
  coverage: FileCoverage | null;
}

export class RunForm {
  name = $state('');
  datasetId = $state('');
  /** Task ids, whitespace or comma separated; empty = every problem. */
  taskIds = $state('');
  /** Keep the first N of the selected problems; 0 = all. */
  limit = $state(0);
  backend = $state<VerifierBackend>('openai');
  baseUrl = $state('http://127.0.0.1:11434/v1');
  model = $state('');
  apiKey = $state('');
  rememberKey = $state(false);
  webLlmModel = $state('');
  variant = $state<PromptVariant>('instruction');
  tests = $state(PAPER_TESTS_PER_PROBLEM);
  samples = $state(1);
  temperature = $state(PAPER_SAMPLING.temperature);
  topP = $state(PAPER_SAMPLING.topP);
  maxTokens = $state(PAPER_SAMPLING.maxTokens);
  /** Empty = unseeded. */
  seed = $state('');
  /** Which preset the template editor starts from (the run stores the template text, not this choice). */
  preset = $state<PromptPreset>('default');
  system = $state(presetTemplate('default', 'instruction').system);
  user = $state(presetTemplate('default', 'instruction').user);
  /** '' = not sent. Only the OpenAI-compatible backend sends it. */
  reasoningEffort = $state<ReasoningEffort | ''>('');
  /** A JSON object typed by the user; blank = none. Only the OpenAI-compatible backend sends it. */
  extraBody = $state('');
  /** Off = the paper's parsing (tags only). */
  fencedFallback = $state(false);
  /** Set when max tokens was filled in from the chosen model's last run. */
  maxTokensRecalled = $state<string | null>(null);
  readonly #maxTokensMemory: ModelMaxTokens;

  constructor(maxTokensMemory: ModelMaxTokens = new ModelMaxTokens()) {
    this.#maxTokensMemory = maxTokensMemory;
  }

  /** The model the run would use. */
  get chosenModel(): string {
    return this.backend === 'openai' ? this.model.trim() : this.backend === 'webllm' ? this.webLlmModel : '';
  }

  /** After a model is chosen: fill in the max tokens last used with it, if any. */
  recallMaxTokens(): void {
    const model = this.chosenModel;
    const remembered = model === '' ? undefined : this.#maxTokensMemory.get(model);
    if (remembered === undefined) return void (this.maxTokensRecalled = null);
    this.maxTokens = remembered;
    this.maxTokensRecalled = model;
  }

  /** Keeps this form's max tokens for its model (called when a run is created). */
  rememberMaxTokens(): void {
    if (this.backend !== 'file') this.#maxTokensMemory.remember(this.chosenModel, this.maxTokens);
  }

  /** Switches the preset: its template for the current variant, and its N when it sets one. */
  setPreset(preset: PromptPreset): void {
    this.preset = preset;
    this.resetTemplate();
    const n = PRESET_INFO[preset].testsPerProblem;
    if (n !== null) this.tests = n;
  }
  timeLimit = $state<'fixed' | 'paper'>('fixed');
  testFile = $state.raw<TestFileState | null>(null);
  testFileError = $state<string | null>(null);

  /** Switches the variant and, unless the template was edited, the preset's template of that variant. */
  setVariant(variant: PromptVariant): void {
    const current = presetTemplate(this.preset, this.variant);
    const edited = this.system !== current.system || this.user !== current.user;
    this.variant = variant;
    if (!edited) this.resetTemplate();
  }

  /** Puts back the chosen preset's template for the current variant. */
  resetTemplate(): void {
    const template = presetTemplate(this.preset, this.variant);
    this.system = template.system;
    this.user = template.user;
  }

  /** Why the extra request fields are unusable, or null (blank is fine). */
  get extraBodyIssue(): string | null {
    try {
      parseExtraBody(this.extraBody);
      return null;
    } catch (error) {
      return `Extra request fields ${errorMessage(error)}.`;
    }
  }

  get templateIssues(): string[] {
    return templateIssues({ variant: this.variant, system: this.system, user: this.user });
  }

  /** Parses an uploaded tests file (CodeT lines join on the dataset's prompts). */
  readTestFile(name: string, text: string, dataset: Dataset | null): void {
    try {
      const index = dataset ? promptIndex(dataset.problems.map((p) => ({ task_id: p.taskId, prompt: p.prompt }))) : undefined;
      const file = parseGeneratedTests(text, index ? { promptToTaskId: index } : {});
      this.testFile = { name, file, coverage: dataset ? fileCoverage(dataset, file) : null };
      this.testFileError = null;
    } catch (error) {
      this.testFile = null;
      this.testFileError = errorMessage(error);
    }
  }

  /** What keeps the form from being submitted, as sentences; empty when it can be. */
  problems(dataset: Dataset | null): string[] {
    const out: string[] = [];
    if (!dataset) out.push('Choose a dataset.');
    if (this.backend === 'openai' && (this.baseUrl.trim() === '' || this.model.trim() === '')) out.push('Give the base URL and the model.');
    if (this.backend === 'webllm' && this.webLlmModel === '') out.push('Pick a WebLLM model.');
    if (this.backend === 'file' && !this.testFile) out.push('Choose a JSONL file of generated tests.');
    if (this.backend !== 'file') {
      out.push(...this.templateIssues.map((issue) => `Prompt template: ${issue}.`));
      if (!(this.tests >= 1 && Number.isInteger(this.tests))) out.push('Tests per problem must be a whole number of at least 1.');
      if (!(this.samples >= 1 && Number.isInteger(this.samples))) out.push('Samples must be a whole number of at least 1.');
      if (!(this.temperature >= 0 && this.temperature <= 2)) out.push('Temperature must be between 0 and 2.');
      if (!(this.topP > 0 && this.topP <= 1)) out.push('top_p must be in (0, 1].');
      if (!(this.maxTokens >= 16 && Number.isInteger(this.maxTokens))) out.push('Max tokens must be a whole number of at least 16.');
      if (this.seed.trim() !== '' && !/^-?\d+$/.test(this.seed.trim())) out.push('The seed must be a whole number (or empty).');
    }
    if (this.backend === 'openai' && this.extraBodyIssue) out.push(this.extraBodyIssue);
    if (dataset) {
      const chosen = selectProblems(dataset, this.taskIds, this.limit);
      if (chosen.unknown.length > 0) out.push(`Unknown task ids: ${chosen.unknown.slice(0, 5).join(', ')}.`);
      const ids = this.backend === 'file' && this.testFile ? chosen.ids.filter((id) => this.testFile!.coverage?.covered.includes(id)) : chosen.ids;
      if (ids.length === 0) out.push('No problem is selected' + (this.backend === 'file' ? ' that the file has tests for.' : '.'));
    }
    return out;
  }

  /** The run to create (call only when problems() is empty). */
  input(dataset: Dataset, stored: { id: string; name: string }, testTimeoutMs: number, comparison: 'paper' | 'evalplus'): NewRunInput {
    let ids = selectProblems(dataset, this.taskIds, this.limit).ids;
    const timeout: TimeoutPolicy = this.timeLimit === 'paper' ? { kind: 'scaled', ...PAPER_TIME_LIMITS } : { kind: 'fixed', ms: testTimeoutMs };
    const execution = { comparison, timeout, budgetMs: RUN_BUDGET_CAP_MS, engineVersion: ENGINE_VERSION, pyodideVersion: PYODIDE_VERSION };
    const base = { datasetId: stored.id, datasetSha256: stored.id, datasetName: stored.name, split: dataset.split, execution };
    if (this.backend === 'file') {
      const test = this.testFile!;
      ids = ids.filter((id) => test.coverage?.covered.includes(id));
      return { ...base, name: this.name.trim() || `${test.name} on ${stored.name}`, problemIds: ids, verifier: fileVerifier(test.name, test.name, test.file) };
    }
    const model = this.backend === 'openai' ? this.model.trim() : this.webLlmModel;
    return {
      ...base,
      name: this.name.trim() || `${model} on ${stored.name}`,
      problemIds: ids,
      verifier: {
        backend: this.backend,
        model,
        baseUrl: this.backend === 'openai' ? this.baseUrl.trim() : null,
        fileName: null,
        variant: this.variant,
        testsPerProblem: this.tests,
        samplesPerProblem: this.samples,
        sampling: { temperature: this.temperature, topP: this.topP, maxTokens: this.maxTokens, seed: this.seed.trim() === '' ? null : Number(this.seed) },
        promptTemplate: encodePromptTemplate({ system: this.system, user: this.user }),
        ...(this.backend === 'openai' ? { reasoningEffort: this.reasoningEffort === '' ? null : this.reasoningEffort, extraBody: parseExtraBody(this.extraBody) } : {}),
        fencedFallback: this.fencedFallback,
      },
    };
  }
}
