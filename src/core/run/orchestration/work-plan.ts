// The work of a run: which generation slots and which candidate executions exist, and which are still to do.
import type { Dataset, Problem } from '../../dataset/types';
import type { VerifierConfig } from '../run-config';
import { generationSlot, resultSlot, type FinishedSlots } from '../run-progress';
import { NO_CANDIDATE } from '../run-records';
import { isScoreKind, verifierKind } from '../../verifiers/verifier-kind';
import { FEEDBACK_SAMPLE, PASTED_RANK, refineRunIssue, targetSamples, type RefineRunSettings, type RefineTargetSpec } from '../../refine/refine-run';

/** A run names a problem its dataset does not have, or a dataset that cannot be run. */
export class RunPlanError extends Error {
  override readonly name = 'RunPlanError';
}

/** One generation request of a run: (problem, candidate shown in the prompt, sample number). */
export interface GenerationSlotRef {
  taskId: string;
  shownRank: number;
  sampleIndex: number;
}

/** One problem's share of the work. */
export interface PlannedProblem {
  problem: Problem;
  /** Candidate ranks shown in the prompts: [NO_CANDIDATE] for 'instruction', every rank for 'instruction+solution' and scoring kinds. */
  shownRanks: number[];
  /** Reward and judge runs: each candidate's score comes from the answers that showed it, not from an execution. */
  scored: boolean;
  samples: number;
  /** Every candidate rank, ascending (refinement runs: the ranks of the programs refined). */
  ranks: number[];
  /** Refinement runs: the problem's programs to refine and the slot layout (see refine-run.ts); null otherwise. */
  refine: { targets: RefineTargetSpec[]; k: number; baseline: boolean } | null;
}

/** The whole run, in run order. */
export interface WorkPlan {
  problems: PlannedProblem[];
  generationsTotal: number;
  candidatesTotal: number;
}

/** The plan of a run over `dataset`. Throws RunPlanError when a task id is missing or the config is unusable. */
export function planRun(problemIds: readonly string[], verifier: Pick<VerifierConfig, 'variant' | 'samplesPerProblem' | 'kind' | 'refine'>, dataset: Dataset): WorkPlan {
  if (verifierKind(verifier) === 'refine') return planRefineRun(problemIds, verifier.refine, dataset);
  if (!Number.isInteger(verifier.samplesPerProblem) || verifier.samplesPerProblem < 1) {
    throw new RunPlanError(`samples per problem must be a whole number >= 1 (got ${verifier.samplesPerProblem})`);
  }
  const byId = new Map(dataset.problems.map((p) => [p.taskId, p]));
  const problems = problemIds.map((taskId): PlannedProblem => {
    const problem = byId.get(taskId);
    if (!problem) throw new RunPlanError(`the dataset "${dataset.name}" has no problem ${JSON.stringify(taskId)}`);
    const ranks = problem.candidates.map((c) => c.rank);
    const scored = isScoreKind(verifierKind(verifier));
    const shownRanks = verifier.variant === 'instruction' && !scored ? [NO_CANDIDATE] : ranks;
    return { problem, shownRanks, scored, samples: verifier.samplesPerProblem, ranks, refine: null };
  });
  return {
    problems,
    generationsTotal: problems.reduce((n, p) => n + p.shownRanks.length * p.samples, 0),
    candidatesTotal: problems.reduce((n, p) => n + p.ranks.length, 0),
  };
}

/** A refinement run's plan: its targets grouped by problem, each target's slots under its own rank. */
function planRefineRun(problemIds: readonly string[], settings: RefineRunSettings | undefined, dataset: Dataset): WorkPlan {
  if (!settings) throw new RunPlanError('this refinement run names no programs to refine');
  const issue = refineRunIssue(settings);
  if (issue !== null) throw new RunPlanError(issue);
  const byId = new Map(dataset.problems.map((p) => [p.taskId, p]));
  const chosen = new Set(problemIds);
  const stray = settings.targets.find((t) => !chosen.has(t.taskId));
  if (stray) throw new RunPlanError(`a program to refine is in ${JSON.stringify(stray.taskId)}, which the run does not cover`);
  const problems = problemIds.map((taskId): PlannedProblem => {
    const problem = byId.get(taskId);
    if (!problem) throw new RunPlanError(`the dataset "${dataset.name}" has no problem ${JSON.stringify(taskId)}`);
    const targets = settings.targets.filter((t) => t.taskId === taskId);
    const missing = targets.find((t) => t.rank !== PASTED_RANK && !problem.candidates.some((c) => c.rank === t.rank));
    if (missing) throw new RunPlanError(`${taskId} has no candidate of rank ${missing.rank}`);
    const ranks = targets.map((t) => t.rank).sort((a, b) => a - b);
    return { problem, shownRanks: ranks, scored: false, samples: 0, ranks, refine: { targets, k: settings.k, baseline: settings.baseline } };
  });
  return {
    problems,
    generationsTotal: problems.reduce((n, p) => n + generationSlots(p).length, 0),
    candidatesTotal: problems.reduce((n, p) => n + p.ranks.length, 0),
  };
}

/** Every generation slot of a problem, in (shownRank, sampleIndex) order. */
export function generationSlots(planned: PlannedProblem): GenerationSlotRef[] {
  const taskId = planned.problem.taskId;
  const refine = planned.refine;
  if (refine) {
    return [...refine.targets]
      .sort((a, b) => a.rank - b.rank)
      .flatMap((t) => targetSamples(t, refine).map((sampleIndex) => ({ taskId, shownRank: t.rank, sampleIndex })));
  }
  return planned.shownRanks.flatMap((shownRank) => Array.from({ length: planned.samples }, (_, sampleIndex) => ({ taskId, shownRank, sampleIndex })));
}

/**
 * Generation slots not yet finished. In a scoring run a candidate already scored (in `scored`, result slots)
 * needs no more answers: a resume from an evaluation file knows its scores without their answers.
 */
export function pendingGenerations(planned: PlannedProblem, finished: FinishedSlots, scored?: FinishedSlots): GenerationSlotRef[] {
  return generationSlots(planned).filter(
    (s) => !finished.has(generationSlot(s.taskId, s.shownRank, s.sampleIndex)) && !(planned.scored && scored?.has(resultSlot(s.taskId, s.shownRank))),
  );
}

/** What generation is still to make: how many slots, and whether a refinement run still has feedback to draft. */
export function pendingWork(plan: WorkPlan, finished: FinishedSlots, scored?: FinishedSlots): { generations: number; drafts: boolean } {
  let generations = 0;
  let drafts = false;
  for (const p of plan.problems) {
    const slots = pendingGenerations(p, finished, scored);
    generations += slots.length;
    drafts ||= p.refine !== null && slots.some((s) => s.sampleIndex === FEEDBACK_SAMPLE);
  }
  return { generations, drafts };
}

/** Candidate ranks not yet executed. */
export function pendingCandidates(planned: PlannedProblem, finished: FinishedSlots): number[] {
  return planned.ranks.filter((rank) => !finished.has(resultSlot(planned.problem.taskId, rank)));
}

/** The shownRank whose generations a candidate is tested with: the shared set, or the one that showed it. */
export function testSetOf(planned: PlannedProblem, rank: number): number {
  return planned.shownRanks.length === 1 && planned.shownRanks[0] === NO_CANDIDATE ? NO_CANDIDATE : rank;
}
