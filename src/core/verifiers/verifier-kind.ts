// What kind of verifier a run measures, and the one place that says what each kind implies: how its candidates
// get a score (executed on generated tests, or scored by a model's answer), and how the metrics read that score.
import type { PredictionMethod } from '../metrics/types';
import { PAPER_SAMPLING, type SamplingSettings } from '../run/run-config';

/**
 * Test generation (the paper's first family), a trained reward model, a chat model asked to judge, or refinement
 * with natural-language feedback (the ILF paper: wrong programs refined, and the refinements re-tested).
 */
export const VERIFIER_KINDS = ['tests', 'reward', 'judge', 'refine'] as const;
export type VerifierKind = (typeof VERIFIER_KINDS)[number];

/** The kinds whose candidates are scored from one answer per (candidate, sample) instead of being executed. */
export type ScoreKind = 'reward' | 'judge';

/**
 * How a reward answer becomes one scalar: the weighted sum of the named attributes the model returns
 * (`{ reward: 1 }`, the default, reads Llama-3.1-Nemotron-70B-Reward's single attribute as is).
 */
export interface RewardSettings {
  weights: Record<string, number>;
}

/** The judge's scale: the prompt asks for a number from `min` to `max`, and an answer outside it is an error. */
export interface JudgeSettings {
  min: number;
  max: number;
}

export const DEFAULT_REWARD_SETTINGS: Readonly<RewardSettings> = { weights: { reward: 1 } };
export const DEFAULT_JUDGE_SETTINGS: Readonly<JudgeSettings> = { min: 0, max: 10 };

/** The run's kind; runs made before kinds existed have none and are test runs. */
export function verifierKind(verifier: { kind?: VerifierKind | undefined }): VerifierKind {
  return verifier.kind ?? 'tests';
}

/** Whether candidates run in the engine (tests) or take their score from the model's answers. */
export function isScoreKind(kind: VerifierKind): kind is ScoreKind {
  return kind === 'reward' || kind === 'judge';
}

/** Whether a run ranks candidates (and so has the six metrics and leaderboard rows): every kind but refinement. */
export function ranksCandidates(kind: VerifierKind): boolean {
  return kind !== 'refine';
}

/**
 * How the metrics read a kind's predictions: pass fractions as is ('utg'); a reward or a judge's score is a raw
 * scalar, min-max normalized within each problem ('reward', the paper's rule for reward models).
 */
export function predictionMethod(kind: VerifierKind): PredictionMethod {
  return isScoreKind(kind) ? 'reward' : 'utg';
}

/** In-run attempts at a parsable answer: a reward model answers the same every time; a sampled judge may not. */
export function scoreAttempts(kind: ScoreKind): number {
  return kind === 'judge' ? 3 : 1;
}

/** "reward", or "0.5 x helpfulness + 1 x correctness": how a reward run's scalar was made, in words. */
export function describeRewardWeights(settings: RewardSettings): string {
  const entries = Object.entries(settings.weights);
  if (entries.length === 1 && entries[0]![1] === 1) return entries[0]![0];
  return entries.map(([name, weight]) => `${weight} x ${name}`).join(' + ');
}

/** Whether answers are streamed: a reward model's comes as one JSON body (its logprob form is read from that body). */
export function streamsAnswers(kind: VerifierKind): boolean {
  return kind !== 'reward';
}

/**
 * Default sampling of the scoring kinds. A reward model does not sample, and the token budget stays small because a
 * server may refuse prompt + max_tokens beyond the model's 4,096-token context; a judge is asked greedily, with the
 * test writers' token budget (room for a reasoning model's thinking).
 */
export function defaultSampling(kind: ScoreKind): SamplingSettings {
  return kind === 'reward' ? { temperature: 0, topP: 1, maxTokens: 64, seed: null } : { ...PAPER_SAMPLING, temperature: 0 };
}

/** How a run's predictions read (its kind's method): the one lookup the run page, exports and leaderboard share. */
export function runPredictionMethod(verifier: { kind?: VerifierKind | undefined }): PredictionMethod {
  return predictionMethod(verifierKind(verifier));
}
