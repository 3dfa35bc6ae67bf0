// The verifier config of a refinement run, built one way for the CLI's `refine` and the app's Refine page, so a run
// made in either reads and resumes in the other.
import type { RefineTargetSpec } from '../../core/refine/refine-run';
import type { VerifierConfig } from '../../core/run/run-config';
import type { RefineTemplate } from '../../llm/prompts/refine-templates';
import { encodePromptTemplate } from '../prompt-template-text';

export interface RefineRunRequest {
  backend: 'openai' | 'webllm';
  /** OpenAI-compatible base URL (backend 'openai'). */
  baseUrl: string | null;
  /** The model that refines. */
  model: string;
  /** The model that drafts feedback for targets without any (same endpoint), or null. */
  feedbackModel: string | null;
  k: number;
  baseline: boolean;
  temperature: number;
  /** Seed of refinement 0 (refinement i uses seed + i on both sides). */
  seed: number;
  maxTokens: number;
  templates: { refine: RefineTemplate; feedback: RefineTemplate };
  targets: RefineTargetSpec[];
}

/** A refinement run's verifier (no key: keys never enter a run). */
export function refineVerifierConfig(r: RefineRunRequest): VerifierConfig {
  return {
    kind: 'refine',
    backend: r.backend,
    model: r.model,
    baseUrl: r.backend === 'openai' ? r.baseUrl : null,
    fileName: null,
    variant: 'instruction',
    // Unused by refinement runs (their slots come from `refine`), kept at their smallest valid values.
    testsPerProblem: 1,
    samplesPerProblem: 1,
    sampling: { temperature: r.temperature, topP: 1, maxTokens: r.maxTokens, seed: r.seed },
    promptTemplate: encodePromptTemplate(r.templates.refine),
    refine: { k: r.k, baseline: r.baseline, feedbackModel: r.feedbackModel, feedbackTemplate: encodePromptTemplate(r.templates.feedback), targets: r.targets },
  };
}
