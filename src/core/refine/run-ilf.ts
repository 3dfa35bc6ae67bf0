// A refinement run's stored records as ILF export lines, and back: the CLI keeps its run as the export file
// itself and resumes from it, so each direction must keep what the other needs (program, side, seed, feedback).
import type { Dataset, Problem } from '../dataset/types';
import type { GenerationRecord, GenerationRequest } from '../run/run-records';
import type { VerifierConfig } from '../run/run-config';
import type { FeedbackAuthor, IlfRecord } from './ilf-record';
import { RefineInputError } from './refine-errors';
import { FEEDBACK_SAMPLE, refinementOfSample, refinementSample, refinementSeed, targetProgram, type RefineRunSettings, type RefineTargetSpec } from './refine-run';

type RefineVerifier = VerifierConfig & { refine: RefineRunSettings };

/** A target's feedback: given with the run, or drafted (the draft record of its rank), or null while not drafted yet. */
export function targetFeedback(target: RefineTargetSpec, generations: readonly GenerationRecord[]): { text: string; author: FeedbackAuthor } | null {
  if (target.feedback) return target.feedback;
  const draft = generations.find((g) => g.taskId === target.taskId && g.shownRank === target.rank && g.sampleIndex === FEEDBACK_SAMPLE && g.error === null);
  return draft ? { text: draft.rawResponse.trim(), author: `model:${draft.request.model}` } : null;
}

/** The export line of one refinement record, or null when the record is not a finished refinement. */
export function ilfRecordOf(verifier: RefineVerifier, problem: Problem, record: GenerationRecord, feedback: { text: string; author: FeedbackAuthor }): IlfRecord | null {
  const slot = refinementOfSample(record.sampleIndex, verifier.refine);
  const outcome = record.refinement;
  if (!slot || !outcome || record.error !== null) return null;
  const target = verifier.refine.targets.find((t) => t.taskId === record.taskId && t.rank === record.shownRank);
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
  const sorted = [...generations].sort((a, b) => (order.get(a.taskId) ?? 0) - (order.get(b.taskId) ?? 0) || a.shownRank - b.shownRank || a.sampleIndex - b.sampleIndex);
  return sorted.flatMap((g) => {
    const target = run.verifier.refine.targets.find((t) => t.taskId === g.taskId && t.rank === g.shownRank);
    const problem = problems.get(g.taskId);
    const feedback = target && targetFeedback(target, generations);
    const line = problem && feedback ? ilfRecordOf(run.verifier, problem, g, feedback) : null;
    return line ? [line] : [];
  });
}

/**
 * The records an export file stands for in a run about to resume from it: each refinement, and the feedback a model
 * drafted. Lines of programs the run does not refine are left out; a line that contradicts the run (another model,
 * other feedback, a seed outside its k) is a RefineInputError, because resuming would mix two experiments.
 */
export function runRecordsOfIlf(runId: string, verifier: RefineVerifier, lines: readonly IlfRecord[]): GenerationRecord[] {
  const { refine } = verifier;
  const out = new Map<string, GenerationRecord>();
  const base = verifier.sampling.seed ?? 0;
  for (const line of lines) {
    const target = refine.targets.find((t) => t.taskId === line.task_id && t.rank === line.rank);
    if (!target) continue;
    const name = `${line.task_id} rank ${line.rank}`;
    if (line.model !== verifier.model) throw new RefineInputError(`${name} was refined by ${line.model}, not ${verifier.model}`);
    if (target.feedback && target.feedback.text.trim() !== line.feedback.trim()) throw new RefineInputError(`${name} was refined with other feedback than this run gives it`);
    const index = line.seed - base;
    if (!(Number.isInteger(index) && index >= 0 && index < refine.k) || (!line.with_feedback && !refine.baseline)) {
      throw new RefineInputError(`${name}: a refinement ${line.with_feedback ? 'with' : 'without'} feedback with seed ${line.seed} is outside this run's k = ${refine.k} from seed ${base}${refine.baseline ? '' : ' (and no baseline)'}`);
    }
    if (!target.feedback) {
      const drafted = line.feedback_author === 'person' ? null : line.feedback_author.slice('model:'.length);
      if (drafted === null) throw new RefineInputError(`${name} has feedback by a person in the file, and none in this run`);
      const key = `${line.task_id}\u0000${line.rank}\u0000${FEEDBACK_SAMPLE}`;
      const earlier = out.get(key);
      if (earlier && earlier.rawResponse.trim() !== line.feedback.trim()) throw new RefineInputError(`${name} has two different drafted feedbacks in the file`);
      out.set(key, kept(runId, line, FEEDBACK_SAMPLE, request(verifier, drafted, base), line.feedback));
    }
    const sample = refinementSample({ withFeedback: line.with_feedback, index }, refine.k);
    const record = kept(runId, line, sample, request(verifier, line.model, line.seed), line.refinement === null ? '' : `\`\`\`python\n${line.refinement}\n\`\`\``);
    out.set(`${line.task_id}\u0000${line.rank}\u0000${sample}`, { ...record, refinement: { program: line.refinement, passed: line.passed, score: line.score, failures: [] } });
  }
  return [...out.values()];
}

function request(verifier: VerifierConfig, model: string, seed: number | null): GenerationRequest {
  return { backend: verifier.backend, model, variant: 'instruction', messages: [], sampling: { ...verifier.sampling, seed } };
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
