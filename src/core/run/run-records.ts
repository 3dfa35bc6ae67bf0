// What a run stores as it goes: one record per generation request and one per executed candidate.
import type { PromptVariant, SamplingSettings, VerifierBackend } from './run-config';
import type { FailedTest } from '../verify/verify-types';
import type { TestResult } from './types';

/** `shownRank` of a generation whose prompt showed no candidate (variant 'instruction'). Dataset ranks start at 1 (0 is also a refinement run's pasted program). */
export const NO_CANDIDATE = 0;

/** A chat message as sent to the model (OpenAI shape). */
export interface PromptMessage {
  role: 'system' | 'user' | 'assistant';
  content: string;
}

/** The request as sent, minus transport details (no headers, no key). */
export interface GenerationRequest {
  backend: VerifierBackend;
  model: string;
  variant: PromptVariant;
  messages: PromptMessage[];
  sampling: SamplingSettings;
}

/** Token counts as reported by the backend. */
export interface TokenUsage {
  promptTokens: number;
  completionTokens: number;
}

/** When a request started and how long it took, in milliseconds. */
export interface GenerationTimings {
  /** Epoch milliseconds. */
  startedAt: number;
  /** Time to the first streamed token, when streaming. */
  firstTokenMs: number | null;
  totalMs: number;
}

/**
 * One generation request and what came of it. Key: (runId, taskId, shownRank, sampleIndex).
 * A record with a non-null `error` is kept for inspection but is not finished: resume retries it.
 */
export interface GenerationRecord {
  runId: string;
  taskId: string;
  /** Rank of the candidate shown in the prompt ('instruction+solution'), or NO_CANDIDATE. */
  shownRank: number;
  /** 0-based sample number within (taskId, shownRank). */
  sampleIndex: number;
  request: GenerationRequest;
  /** The model's whole answer, verbatim. */
  rawResponse: string;
  /**
   * Reasoning the API returned beside the answer (`reasoning_content` / `reasoning`), verbatim; absent when there was
   * none (and in records made before it was kept). Never read for tests: assertions come from `rawResponse` only.
   */
  reasoning?: string;
  /** Assertions extracted from the response, in order. */
  tests: string[];
  /** Tagged assertions dropped as malformed. */
  malformedCount: number;
  usage: TokenUsage | null;
  timings: GenerationTimings;
  /** The backend's finish reason ('stop', 'length', ...), when given. */
  finishReason: string | null;
  error: string | null;
  /**
   * Reward and judge runs: the score read from this answer (a raw reward, or the judge's number); absent for test
   * runs and for answers without a usable score (then `error` says why).
   */
  score?: number;
  /** Reward runs: every attribute the answer named (e.g. helpfulness, correctness), before the weighted sum. */
  attributes?: Record<string, number>;
  /** Refinement runs: the refined program and its re-test (absent on the feedback-draft sample and other kinds). */
  refinement?: RefinementOutcome;
}

/** A refinement's program, taken from its answer, and how it did on the problem's ground-truth tests. */
export interface RefinementOutcome {
  /** Null when the answer held no program: a failed refinement, never run. */
  program: string | null;
  /** Every ground-truth test passed. */
  passed: boolean;
  /** Fraction of ground-truth tests passed (combined as the authors did for "+" splits; 0 without a program). */
  score: number;
  /** Its first failing tests (empty when it passed or had no program). */
  failures: FailedTest[];
}

/**
 * One candidate executed against its generated tests, as stored. In a refinement run: a wrong program on its ground
 * truth, `predicted` the share of its refinements with feedback that pass, rank 0 a pasted program (the engine's result plus its place in the run).
 * Key: (runId, taskId, rank). `tests` follows the tests of the generations used, in (sampleIndex, test order) order.
 */
export interface CandidateRecord {
  runId: string;
  taskId: string;
  rank: number;
  tests: TestResult[];
  /** Count of 'pass' in `tests`. */
  passed: number;
  /** `tests.length`. */
  total: number;
  /** The verifier's score for this candidate (pass fraction for generated tests). */
  predicted: number;
  /** Indices of tests that do not compile (they fail for every candidate). */
  uncompilable: number[];
  /** Set when the candidate program itself does not compile. */
  compileError: string | null;
  /** Wall time of the whole batch, in ms. */
  ms: number;
  /** Rank of the candidate whose run this record copies: the same program up to formatting and comments. */
  reusedFrom?: number;
}
