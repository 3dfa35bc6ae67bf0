// What a refinement run's pages show, from its stored records: each target's refinements (program, outcome, the
// answer when it held no program), and the report of one program (the Refine page's exercise) or of all of them
// (a batch run's page): pass@1, pass@k, repairs, the teaching verdict and bootstrap intervals over programs.
import type { Dataset } from '../dataset/types';
import type { GenerationRecord } from '../run/run-records';
import type { VerifierConfig } from '../run/run-config';
import type { FailedTest } from '../verify/verify-types';
import type { IlfRecord } from './ilf-record';
import { pairRefinements, type ProgramPair, type RefineTally } from './refine-pairs';
import type { RefineRunSettings, RefineTargetSpec } from './refine-run';
import { refinedProgram } from './refined-program';
import { completePrograms, repairComparison, sideSummary, type RefineSideSummary, type RepairComparison } from './repair-summary';
import { feedbackByProgram, ilfRecordOf } from './run-ilf';
import { programKey } from './feedback-file';
import { teachingVerdict, type TeachingVerdict } from './teaching-verdict';

type RefineVerifier = VerifierConfig & { refine: RefineRunSettings };

/** One refinement as a page lists it. */
export interface RefinementView {
  record: IlfRecord;
  /** The model's whole answer. */
  answer: string;
  /** Why the answer held no program (record.refinement is null), else null. */
  reason: string | null;
  /** Its first failing ground-truth tests. */
  failures: FailedTest[];
}

/** One program of a run: its feedback (null while a model has not drafted it) and its refinements so far. */
export interface TargetView {
  target: RefineTargetSpec;
  feedback: IlfRecord['feedback'] | null;
  author: IlfRecord['feedback_author'] | null;
  refinements: RefinementView[];
}

/** Every target of a run with its refinements (with feedback first, then by seed), in run order. */
export function targetViews(run: { problemIds: readonly string[]; verifier: RefineVerifier }, dataset: Dataset, generations: readonly GenerationRecord[]): TargetView[] {
  const problems = new Map(dataset.problems.map((p) => [p.taskId, p]));
  const order = new Map(run.problemIds.map((id, i) => [id, i]));
  const targets = [...run.verifier.refine.targets].sort((a, b) => (order.get(a.taskId) ?? 0) - (order.get(b.taskId) ?? 0) || a.rank - b.rank);
  const feedbackOf = feedbackByProgram(targets, generations);
  const byProgram = new Map<string, GenerationRecord[]>();
  for (const g of generations) {
    const key = programKey(g.taskId, g.shownRank);
    const list = byProgram.get(key);
    if (list) list.push(g);
    else byProgram.set(key, [g]);
  }
  return targets.map((target) => {
    const key = programKey(target.taskId, target.rank);
    const feedback = feedbackOf.get(key) ?? null;
    const problem = problems.get(target.taskId);
    const mine = byProgram.get(key) ?? [];
    const refinements = feedback && problem ? mine.flatMap((g) => viewOf(run.verifier, problem, g, feedback, target)) : [];
    refinements.sort((a, b) => Number(b.record.with_feedback) - Number(a.record.with_feedback) || a.record.seed - b.record.seed);
    return { target, feedback: feedback?.text ?? null, author: feedback?.author ?? null, refinements };
  });
}

function viewOf(verifier: RefineVerifier, problem: Dataset['problems'][number], g: GenerationRecord, feedback: { text: string; author: IlfRecord['feedback_author'] }, target: RefineTargetSpec): RefinementView[] {
  const record = ilfRecordOf(verifier, problem, g, feedback, target);
  if (!record) return [];
  const extracted = record.refinement === null ? refinedProgram(g.rawResponse) : null;
  return [{ record, answer: g.rawResponse, reason: extracted && extracted.program === null ? extracted.reason : null, failures: g.refinement?.failures ?? [] }];
}

/** One program's report: pass@1 and pass@k on each side (k = refinements made so far there), and the verdict once complete. */
export interface ProgramReport {
  pair: ProgramPair;
  withFeedback: RefineSideSummary | null;
  withoutFeedback: RefineSideSummary | null;
  verdict: TeachingVerdict | null;
}

/** The report of one program's refinements; null before any. The verdict waits for k on both sides (or on one, without a baseline). */
export function programReport(view: TargetView, settings: Pick<RefineRunSettings, 'k' | 'baseline'>): ProgramReport | null {
  const records = view.refinements.map((r) => r.record);
  const [pair] = pairRefinements(records);
  if (!pair || view.author === null) return null;
  const summary = (tally: RefineTally | null) => (tally && tally.made > 0 ? sideSummary([tally], Math.min(settings.k, tally.made)) : null);
  const complete = pair.withFeedback.made >= settings.k && (!settings.baseline || (pair.withoutFeedback?.made ?? 0) >= settings.k);
  return { pair, withFeedback: summary(pair.withFeedback), withoutFeedback: summary(pair.withoutFeedback), verdict: complete ? teachingVerdict(pair, view.author) : null };
}

/** A batch run's report: each side over programs with all k refinements, and repair-rate intervals when there is a baseline. */
export interface BatchReport {
  k: number;
  programs: number;
  withFeedback: RefineSideSummary;
  withoutFeedback: RefineSideSummary | null;
  comparison: RepairComparison | null;
}

export function batchReport(views: readonly TargetView[], settings: Pick<RefineRunSettings, 'k' | 'baseline'>): BatchReport {
  const pairs = pairRefinements(views.flatMap((v) => v.refinements.map((r) => r.record)), settings.k);
  return {
    k: settings.k,
    programs: views.length,
    withFeedback: sideSummary(completePrograms(pairs, settings.k, 'with'), settings.k),
    withoutFeedback: settings.baseline ? sideSummary(completePrograms(pairs, settings.k, 'without'), settings.k) : null,
    comparison: settings.baseline ? repairComparison(pairs, settings.k) : null,
  };
}
