// What a run was configured with: the verifier (who writes the tests, how) and the execution (how tests are run). Never a secret.
import type { TimeLimitRule } from './time-limits';
import type { CompareMode } from './types';
import type { JudgeSettings, RewardSettings, VerifierKind } from '../verifiers/verifier-kind';
import type { RefineRunSettings } from '../refine/refine-run';

/** Where generated tests come from. 'file' imports tests written elsewhere (e.g. CodeT's, Reflexion's). */
export type VerifierBackend = 'openai' | 'webllm' | 'file';

/** The paper's two prompt variants: the problem alone, or the problem plus the candidate under test. */
export type PromptVariant = 'instruction' | 'instruction+solution';

/** OpenAI's `reasoning_effort` values; a run whose effort is null sends none (the server's default). */
export const REASONING_EFFORTS = ['none', 'low', 'medium', 'high'] as const;
export type ReasoningEffort = (typeof REASONING_EFFORTS)[number];

/** Sampling settings sent with every generation request. */
export interface SamplingSettings {
  temperature: number;
  topP: number;
  maxTokens: number;
  /** Per-request seed, when the backend supports one; null = unseeded. */
  seed: number | null;
}

/**
 * The test generator of a run. There is deliberately no API key field: the key lives in memory
 * (or localStorage when the user asks), never in IndexedDB or a run file.
 */
export interface VerifierConfig {
  backend: VerifierBackend;
  /** Model id as the backend names it, or a label for imported tests. */
  model: string;
  /** OpenAI-compatible base URL; null for the other backends. */
  baseUrl: string | null;
  /** Name of the imported tests file (backend 'file'); null otherwise. */
  fileName: string | null;
  variant: PromptVariant;
  /** Assertions asked for per request (N, 10 in the paper). */
  testsPerProblem: number;
  /** Requests per problem (or per problem and candidate for 'instruction+solution'). */
  samplesPerProblem: number;
  sampling: SamplingSettings;
  /** The editable prompt template, saved verbatim so the run can be reproduced (a judge run's: the judge prompt). */
  promptTemplate: string;
  /** Sent as `reasoning_effort` with every request; absent or null = not sent (the server's default). */
  reasoningEffort?: ReasoningEffort | null;
  /**
   * A JSON object merged into every request body after our own fields, so on a collision it wins (see
   * request-extras.ts); it may not set `model` or `messages`. Absent or null = nothing extra.
   */
  extraBody?: Record<string, unknown> | null;
  /**
   * Also take asserts from Python code fences when an answer has no `<assertion>` tags. New runs default to false
   * (the paper's parsing); absent = true, because runs made before the option existed were made with it.
   */
  fencedFallback?: boolean;
  /** What the run measures (see verifier-kind.ts); absent = 'tests', as every run made before kinds existed. */
  kind?: VerifierKind;
  /** Reward runs: the attribute weights (absent = DEFAULT_REWARD_SETTINGS, the attribute "reward"). */
  reward?: RewardSettings;
  /** Judge runs: the score scale (absent = DEFAULT_JUDGE_SETTINGS). */
  judge?: JudgeSettings;
  /** Refinement runs: the programs refined and how (required for kind 'refine'; the refinement prompt is promptTemplate). */
  refine?: RefineRunSettings;
}

/**
 * Per-test time limit. 'fixed' is one limit for every test; 'scaled' is the paper's rule,
 * max(minMs, factor x the canonical solution's time on that test) (see time-limits.ts).
 */
export type TimeoutPolicy = { kind: 'fixed'; ms: number } | ({ kind: 'scaled' } & TimeLimitRule);

/** How candidates were executed; the versions make results comparable across app updates. */
export interface ExecutionConfig {
  comparison: CompareMode;
  timeout: TimeoutPolicy;
  /** Wall-time budget of one candidate's whole batch of tests, in ms. */
  budgetMs: number;
  /** Version of this app's engine (harness + runtime). */
  engineVersion: string;
  /** `pyodide.version` of the runtime that executed the tests. */
  pyodideVersion: string;
}

/** The paper's sampling: temperature 1.0, top_p 1.0 and 16,000 tokens (room for a reasoning model's thinking); unseeded. */
export const PAPER_SAMPLING: Readonly<SamplingSettings> = { temperature: 1, topP: 1, maxTokens: 16_000, seed: null };

/** Whether a run takes asserts from code fences when an answer has no tags (absent: true, see VerifierConfig). */
export function usesFencedFallback(verifier: Pick<VerifierConfig, 'fencedFallback'>): boolean {
  return verifier.fencedFallback ?? true;
}

/** Tests per problem used throughout the paper. */
export const PAPER_TESTS_PER_PROBLEM = 10;
