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
import { DEFAULT_JUDGE_TEMPLATE } from '../llm/prompts/judge-template';
import { judgeTemplateIssues } from '../llm/prompts/score-messages';
import { judgeScaleIssue } from '../core/verifiers/judge-answer';
import { parseRewardWeights, RewardWeightsError } from '../core/verifiers/reward-weights';
import { DEFAULT_JUDGE_SETTINGS, defaultSampling, isScoreKind, type VerifierKind } from '../core/verifiers/verifier-kind';
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
  /** What the run measures: a test generator (the default), a reward model, or an LLM judge. */
  kind = $state<VerifierKind>('tests');
  /** Reward runs: the attribute, or weights "helpfulness=0.5, correctness=2". */
  rewardWeights = $state('reward');
  judgeMin = $state(DEFAULT_JUDGE_SETTINGS.min);
  judgeMax = $state(DEFAULT_JUDGE_SETTINGS.max);
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
  /** Which preset a test run's template starts from (the run stores the template text, not this choice). */
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

  /** Switches the preset of a test run: its template for the current variant, and its N when it sets one. */
  setPreset(preset: PromptPreset): void {
    this.preset = preset;
    this.resetTemplate();
    const n = PRESET_INFO[preset].testsPerProblem;
    if (n !== null) this.tests = n;
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
  timeLimit = $state<'fixed' | 'paper'>('fixed');
  testFile = $state.raw<TestFileState | null>(null);
  testFileError = $state<string | null>(null);

  /** Switches the variant and, unless the template was edited, its default template. */
  setVariant(variant: PromptVariant): void {
    const edited = this.#templateEdited();
    this.variant = variant;
    if (!edited) this.resetTemplate();
  }

  /**
   * Switches the kind: its default template unless the current one was edited, and its default sampling (a reward
   * model does not sample; a judge is asked greedily). A reward model needs an API; a judge cannot come from a file.
   */
  setKind(kind: VerifierKind): void {
    const edited = this.#templateEdited();
    this.kind = kind;
    if (!edited) this.resetTemplate();
    const sampling = isScoreKind(kind) ? defaultSampling(kind) : PAPER_SAMPLING;
    this.temperature = sampling.temperature;
    this.topP = sampling.topP;
    this.maxTokens = sampling.maxTokens;
    if ((kind === 'reward' && this.backend !== 'openai') || (kind === 'judge' && this.backend === 'file')) this.backend = 'openai';
  }

  #defaultTemplate(): { system: string; user: string } {
    return this.kind === 'judge' ? DEFAULT_JUDGE_TEMPLATE : presetTemplate(this.preset, this.variant);
  }

  #templateEdited(): boolean {
    const current = this.#defaultTemplate();
    return this.system !== current.system || this.user !== current.user;
  }

  resetTemplate(): void {
    this.system = this.#defaultTemplate().system;
    this.user = this.#defaultTemplate().user;
  }

  get templateIssues(): string[] {
    if (this.kind === 'reward') return [];
    if (this.kind === 'judge') return judgeTemplateIssues({ system: this.system, user: this.user });
    return templateIssues({ variant: this.variant, system: this.system, user: this.user });
  }

  /** Why the reward or judge settings cannot be used, or null. */
  get scoreIssue(): string | null {
    if (this.kind === 'judge') return judgeScaleIssue({ min: this.judgeMin, max: this.judgeMax });
    if (this.kind !== 'reward') return null;
    try {
      parseRewardWeights(this.rewardWeights);
      return null;
    } catch (error) {
      if (error instanceof RewardWeightsError) return `Reward attribute: ${error.message}.`;
      throw error;
    }
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
    if (this.kind === 'reward' && this.backend !== 'openai') out.push('A reward model is asked through an OpenAI-compatible API.');
    if (this.kind === 'judge' && this.backend === 'file') out.push('An LLM judge is a model: choose an API or a model in this browser.');
    const scoreIssue = this.scoreIssue;
    if (scoreIssue !== null) out.push(scoreIssue);
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
    const scoring = isScoreKind(this.kind);
    return {
      ...base,
      name: this.name.trim() || `${model} on ${stored.name}`,
      problemIds: ids,
      verifier: {
        backend: this.backend,
        model,
        baseUrl: this.backend === 'openai' ? this.baseUrl.trim() : null,
        fileName: null,
        // A scoring run shows each candidate to the model; N has no meaning there and is stored as 1.
        variant: scoring ? 'instruction+solution' : this.variant,
        testsPerProblem: scoring ? 1 : this.tests,
        samplesPerProblem: this.samples,
        sampling: { temperature: this.temperature, topP: this.topP, maxTokens: this.maxTokens, seed: this.seed.trim() === '' ? null : Number(this.seed) },
        promptTemplate: this.kind === 'reward' ? '' : encodePromptTemplate({ system: this.system, user: this.user }),
        ...(scoring ? { kind: this.kind } : {}),
        ...(this.kind === 'reward' ? { reward: parseRewardWeights(this.rewardWeights) } : {}),
        ...(this.kind === 'judge' ? { judge: { min: this.judgeMin, max: this.judgeMax } } : {}),
        ...(this.backend === 'openai' ? { reasoningEffort: this.reasoningEffort === '' ? null : this.reasoningEffort, extraBody: parseExtraBody(this.extraBody) } : {}),
        ...(this.kind === 'tests' ? { fencedFallback: this.fencedFallback } : {}),
      },
    };
  }
}
