// A refinement run's stored records as ILF export lines, and back: the CLI keeps its run as the export file
// itself and resumes from it, so each direction must keep what the other needs (program, side, seed, feedback).
import type { Dataset, Problem } from '../dataset/types';
import type { CandidateRecord, GenerationRecord, GenerationRequest } from '../run/run-records';
import type { VerifierConfig } from '../run/run-config';
import { programKey } from './feedback-file';
import type { FeedbackAuthor, IlfRecord } from './ilf-record';
import { RefineInputError } from './refine-errors';
import { FEEDBACK_SAMPLE, refineRequest, refinementOfSample, refinementSample, refinementSeed, targetProgram, targetSamples, type RefineRunSettings, type RefineTargetSpec } from './refine-run';

type RefineVerifier = VerifierConfig & { refine: RefineRunSettings };

/** A target's feedback: given with the run, or drafted (the draft record of its rank), or null while not drafted yet. */
export function targetFeedback(target: RefineTargetSpec, generations: readonly GenerationRecord[]): { text: string; author: FeedbackAuthor } | null {
  return feedbackByProgram([target], generations).get(programKey(target.taskId, target.rank)) ?? null;
}

/** Every target's feedback by program key (given, or drafted in `generations`); targets still without any are absent. */
export function feedbackByProgram(targets: readonly RefineTargetSpec[], generations: readonly GenerationRecord[]): Map<string, { text: string; author: FeedbackAuthor }> {
  const drafts = new Map(generations.filter((g) => g.sampleIndex === FEEDBACK_SAMPLE && g.error === null && !g.refinement).map((g) => [programKey(g.taskId, g.shownRank), g]));
  const out = new Map<string, { text: string; author: FeedbackAuthor }>();
  for (const t of targets) {
    const key = programKey(t.taskId, t.rank);
    const draft = drafts.get(key);
    const feedback = t.feedback ?? (draft ? { text: draft.rawResponse.trim(), author: `model:${draft.request.model}` as const } : null);
    if (feedback) out.set(key, feedback);
  }
  return out;
}

/** The export line of one refinement record, or null when the record is not a finished refinement. */
export function ilfRecordOf(
  verifier: RefineVerifier,
  problem: Problem,
  record: GenerationRecord,
  feedback: { text: string; author: FeedbackAuthor },
  known?: RefineTargetSpec,
): IlfRecord | null {
  const slot = refinementOfSample(record.sampleIndex, verifier.refine);
  const outcome = record.refinement;
  if (!slot || !outcome || record.error !== null) return null;
  const target = known ?? verifier.refine.targets.find((t) => t.taskId === record.taskId && t.rank === record.shownRank);
  if (!target) return null;
  return {
    task_id: record.taskId,
    rank: record.shownRank,
    program: targetProgram(target, problem),
    feedback: feedback.text,
    feedback_author: feedback.author,
    with_feedback: slot.withFeedback,
    refinement: outcome.program,
    passed: outcome.passed,
    score: outcome.score,
    model: record.request.model,
    seed: record.request.sampling.seed ?? refinementSeed(verifier.sampling, slot),
  };
}

/** Every finished refinement of a run as export lines, in run order: problem, rank, with feedback first, seed. */
export function ilfRecordsOfRun(run: { problemIds: readonly string[]; verifier: RefineVerifier }, dataset: Dataset, generations: readonly GenerationRecord[]): IlfRecord[] {
  const problems = new Map(dataset.problems.map((p) => [p.taskId, p]));
  const order = new Map(run.problemIds.map((id, i) => [id, i]));
  const feedbackOf = feedbackByProgram(run.verifier.refine.targets, generations);
  const targets = new Map(run.verifier.refine.targets.map((t) => [programKey(t.taskId, t.rank), t]));
  const sorted = [...generations].sort((a, b) => (order.get(a.taskId) ?? 0) - (order.get(b.taskId) ?? 0) || a.shownRank - b.shownRank || a.sampleIndex - b.sampleIndex);
  return sorted.flatMap((g) => {
    const problem = problems.get(g.taskId);
    const key = programKey(g.taskId, g.shownRank);
    const feedback = feedbackOf.get(key);
    const target = targets.get(key);
    const line = problem && feedback && target ? ilfRecordOf(run.verifier, problem, g, feedback, target) : null;
    return line ? [line] : [];
  });
}

/**
 * The records an export file stands for in a run about to resume from it: each refinement, and the feedback a model
 * drafted. Lines of programs the run does not refine are left out; a line that contradicts the run (another model,
 * other feedback, a seed outside its k) is a RefineInputError, because resuming would mix two experiments.
 */
export function runRecordsOfIlf(runId: string, verifier: RefineVerifier, dataset: Dataset, lines: readonly IlfRecord[]): GenerationRecord[] {
  const { refine } = verifier;
  const out = new Map<string, GenerationRecord>();
  const base = verifier.sampling.seed ?? 0;
  const targets = new Map(refine.targets.map((t) => [programKey(t.taskId, t.rank), t]));
  const problems = new Map(dataset.problems.map((p) => [p.taskId, p]));
  for (const line of lines) {
    const target = targets.get(programKey(line.task_id, line.rank));
    const problem = problems.get(line.task_id);
    if (!target || !problem) continue;
    const name = `${line.task_id} rank ${line.rank}`;
    if (line.model !== verifier.model) throw new RefineInputError(`${name} was refined by ${line.model}, not ${verifier.model}`);
    if (line.program !== targetProgram(target, problem)) throw new RefineInputError(`${name}: the file refined another program than this dataset's (another dataset?)`);
    if (target.feedback && (target.feedback.text.trim() !== line.feedback.trim() || target.feedback.author !== line.feedback_author)) {
      throw new RefineInputError(`${name} was refined with other feedback than this run gives it`);
    }
    const index = line.seed - base;
    if (!(Number.isInteger(index) && index >= 0 && index < refine.k) || (!line.with_feedback && !refine.baseline)) {
      throw new RefineInputError(`${name}: a refinement ${line.with_feedback ? 'with' : 'without'} feedback with seed ${line.seed} is outside this run's k = ${refine.k} from seed ${base}${refine.baseline ? '' : ' (and no baseline)'}`);
    }
    if (!target.feedback) {
      const drafted = line.feedback_author === 'person' ? null : line.feedback_author.slice('model:'.length);
      if (drafted === null) throw new RefineInputError(`${name} has feedback by a person in the file, and none in this run`);
      if (drafted !== refine.feedbackModel) throw new RefineInputError(`${name} has feedback drafted by ${drafted} in the file, and this run drafts with ${refine.feedbackModel ?? 'no model'}`);
      const key = `${line.task_id}\u0000${line.rank}\u0000${FEEDBACK_SAMPLE}`;
      const earlier = out.get(key);
      if (earlier && earlier.rawResponse.trim() !== line.feedback.trim()) throw new RefineInputError(`${name} has two different drafted feedbacks in the file`);
      out.set(key, kept(runId, line, FEEDBACK_SAMPLE, refineRequest(verifier, drafted, [], verifier.sampling.seed), line.feedback));
    }
    const sample = refinementSample({ withFeedback: line.with_feedback, index }, refine.k);
    const record = kept(runId, line, sample, refineRequest(verifier, line.model, [], line.seed), line.refinement === null ? '' : `\`\`\`python\n${line.refinement}\n\`\`\``);
    out.set(`${line.task_id}\u0000${line.rank}\u0000${sample}`, { ...record, refinement: { program: line.refinement, passed: line.passed, score: line.score, failures: [] } });
  }
  return [...out.values()];
}

/**
 * Results of the programs whose every refinement is in the file, so a resumed run does not test them again. The
 * file keeps no per-test results, so these hold none: only `predicted`, the share of refinements with feedback that pass.
 */
export function resumedResults(runId: string, verifier: RefineVerifier, generations: readonly GenerationRecord[]): CandidateRecord[] {
  return verifier.refine.targets.flatMap((t) => {
    const mine = generations.filter((g) => g.taskId === t.taskId && g.shownRank === t.rank && g.refinement);
    const samples = new Set(mine.map((g) => g.sampleIndex));
    if (!targetSamples(t, verifier.refine).every((s) => s === FEEDBACK_SAMPLE || samples.has(s))) return [];
    const withFeedback = mine.filter((g) => refinementOfSample(g.sampleIndex, verifier.refine)?.withFeedback);
    const predicted = withFeedback.filter((g) => g.refinement!.passed).length / Math.max(1, withFeedback.length);
    return [{ runId, taskId: t.taskId, rank: t.rank, tests: [], passed: 0, total: 0, predicted, uncompilable: [], compileError: null, ms: 0 }];
  });
}

/** A record read back from an export line: its answer is all the file kept (no prompt, usage or timings). */
function kept(runId: string, line: IlfRecord, sampleIndex: number, req: GenerationRequest, rawResponse: string): GenerationRecord {
  return {
    runId,
    taskId: line.task_id,
    shownRank: line.rank,
    sampleIndex,
    request: req,
    rawResponse,
    tests: [],
    malformedCount: 0,
    usage: null,
    timings: { startedAt: 0, firstTokenMs: null, totalMs: 0 },
    finishReason: null,
    error: null,
  };
}
