// A refinement run (kind 'refine') on the shared run loop: which wrong programs it refines, and how its generation
// slots are laid out. Each target (a dataset candidate, or a program pasted in as rank 0) owns the slots of its
// rank: sample 0 is the feedback a model drafted (only when the target came without feedback), samples 1..k the
// refinements with the feedback and k+1..2k those without it (baseline runs); the i-th of each side uses seed + i.
import type { Problem } from '../dataset/types';
import type { SamplingSettings, VerifierConfig } from '../run/run-config';
import type { GenerationRequest, PromptMessage } from '../run/run-records';
import type { FeedbackAuthor } from './ilf-record';
import { RefineInputError } from './refine-errors';
import type { RefineSettings } from './refine-plan';

/** Rank of a program pasted in rather than taken from the dataset (dataset ranks start at 1). */
export const PASTED_RANK = 0;

/** Sample index of a target's drafted feedback. */
export const FEEDBACK_SAMPLE = 0;

/** One wrong program a run refines. */
export interface RefineTargetSpec {
  taskId: string;
  /** The dataset candidate's rank, or PASTED_RANK with `program`. */
  rank: number;
  /** The pasted program (rank 0 only; a dataset candidate's code is read from the dataset). */
  program?: string;
  /** Feedback given with the run (a person's, or a file's); absent = drafted by `feedbackModel` during the run. */
  feedback?: { text: string; author: FeedbackAuthor };
}

/** What a refinement run adds to its verifier config (the refinement prompt is the config's promptTemplate). */
export interface RefineRunSettings {
  /** Refinements per program and side (1..8). */
  k: number;
  /** Also make the k refinements without the feedback. */
  baseline: boolean;
  /** The model, on the same endpoint, that drafts feedback for targets without any; null = none may be drafted. */
  feedbackModel: string | null;
  /** The feedback-drafting prompt template, saved verbatim as promptTemplate is. */
  feedbackTemplate: string;
  /** The programs refined, in run order within each problem. */
  targets: RefineTargetSpec[];
}

/** Which refinement a sample index is. */
export interface RefinementSlot {
  withFeedback: boolean;
  /** 0-based within its side. */
  index: number;
}

/** The sample index of refinement `index` of one side. */
export function refinementSample(slot: RefinementSlot, k: number): number {
  return 1 + (slot.withFeedback ? 0 : k) + slot.index;
}

/** The refinement a sample index holds, or null for the feedback sample (or an index past the layout). */
export function refinementOfSample(sample: number, settings: Pick<RefineRunSettings, 'k' | 'baseline'>): RefinementSlot | null {
  const { k } = settings;
  if (sample >= 1 && sample <= k) return { withFeedback: true, index: sample - 1 };
  if (settings.baseline && sample > k && sample <= 2 * k) return { withFeedback: false, index: sample - k - 1 };
  return null;
}

/** Every sample index of a target, in order: the feedback draft (when drafted), then each side's refinements. */
export function targetSamples(target: RefineTargetSpec, settings: Pick<RefineRunSettings, 'k' | 'baseline'>): number[] {
  const refinements = Array.from({ length: settings.k * (settings.baseline ? 2 : 1) }, (_, i) => i + 1);
  return target.feedback ? refinements : [FEEDBACK_SAMPLE, ...refinements];
}

/** The seed of a refinement: the run's seed plus its index, the same on both sides. */
export function refinementSeed(sampling: Pick<SamplingSettings, 'seed'>, slot: RefinementSlot): number {
  return (sampling.seed ?? 0) + slot.index;
}

/** The pairing settings of a run's refinements. */
export function refineSettingsOf(settings: Pick<RefineRunSettings, 'k' | 'baseline'>, sampling: Pick<SamplingSettings, 'temperature' | 'seed'>): RefineSettings {
  return { k: settings.k, baseline: settings.baseline, temperature: sampling.temperature, seed: sampling.seed ?? 0 };
}

/** The code of a target: the pasted program, or its dataset candidate's. */
export function targetProgram(target: RefineTargetSpec, problem: Problem): string {
  if (target.rank === PASTED_RANK) return target.program ?? '';
  const candidate = problem.candidates.find((c) => c.rank === target.rank);
  if (!candidate) throw new RefineInputError(`${problem.taskId} has no candidate of rank ${target.rank}`);
  return candidate.code;
}

/** Why a run's refine settings cannot run, or null: bounds, duplicate targets, feedback no one can draft. */
export function refineRunIssue(settings: RefineRunSettings): string | null {
  if (!Number.isInteger(settings.k) || settings.k < 1 || settings.k > 8) return `k must be a whole number from 1 to 8 (got ${settings.k})`;
  if (settings.targets.length === 0) return 'there is no program to refine';
  const seen = new Set<string>();
  for (const t of settings.targets) {
    const key = `${t.taskId}\u0000${t.rank}`;
    if (seen.has(key)) return `${t.taskId} rank ${t.rank} is named twice`;
    seen.add(key);
    if (t.rank === PASTED_RANK && !(t.program ?? '').trim()) return `${t.taskId}: the pasted program is empty`;
    if (t.rank !== PASTED_RANK && t.program !== undefined) return `${t.taskId} rank ${t.rank}: only a pasted program (rank 0) carries its code`;
    if (!t.feedback && settings.feedbackModel === null) return `${t.taskId} rank ${t.rank} has no feedback and no model is named to draft it`;
    if (t.feedback && !t.feedback.text.trim()) return `${t.taskId} rank ${t.rank}: the feedback is empty`;
  }
  return null;
}

/** The verifier of a refinement run, its settings known present (a RefineInputError otherwise). */
export function refineVerifier(verifier: VerifierConfig): VerifierConfig & { refine: RefineRunSettings } {
  if (!verifier.refine) throw new RefineInputError('this refinement run names no programs to refine');
  return verifier as VerifierConfig & { refine: RefineRunSettings };
}

/** The request of a refinement run's slot: the run's endpoint and sampling, `model` (refiner or feedback model), `seed`. */
export function refineRequest(verifier: VerifierConfig, model: string, messages: PromptMessage[], seed: number | null): GenerationRequest {
  return { backend: verifier.backend, model, variant: 'instruction', messages, sampling: { ...verifier.sampling, seed } };
}

/** The run as the feedback model's generator sees it: the same endpoint and settings, the feedback model. */
export function feedbackModelRun<T extends { verifier: VerifierConfig }>(run: T): T {
  const model = run.verifier.refine?.feedbackModel;
  return model ? { ...run, verifier: { ...run.verifier, model } } : run;
}

/** A refinement slot in words, for errors: "Demo/0 rank 2 (refinement 1 without feedback)". */
export function refineSlotName(taskId: string, rank: number, sample: number, settings: Pick<RefineRunSettings, 'k' | 'baseline'>): string {
  const program = rank === PASTED_RANK ? 'the pasted program' : `rank ${rank}`;
  const slot = refinementOfSample(sample, settings);
  const what = slot ? `refinement ${slot.index + 1} ${slot.withFeedback ? 'with' : 'without'} feedback` : 'feedback draft';
  return `${taskId} ${program} (${what})`;
}
