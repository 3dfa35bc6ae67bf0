// The refinement kind's step in the shared run loop, in place of executing candidates on generated tests: for each
// wrong program of a problem, its ground-truth failures, its feedback (given with the run, kept from an earlier
// start, or drafted now by the feedback model from those failures), then every refinement still to make, each
// re-tested on the ground truth exactly as verification runs a candidate, and stored with its outcome as it
// finishes. The program's own result closes it (its candidate record): a resumed run asks for nothing stored and
// tests again only programs without that record.
import { eachLimited } from '../../core/concurrency/semaphore';
import type { Problem, SplitName } from '../../core/dataset/types';
import type { FeedbackAuthor } from '../../core/refine/ilf-record';
import { refinedProgram } from '../../core/refine/refined-program';
import { targetFeedback } from '../../core/refine/run-ilf';
import {
  FEEDBACK_SAMPLE,
  refineRequest,
  refinementOfSample,
  refinementSeed,
  targetProgram,
  targetSamples,
  type RefineRunSettings,
  type RefineTargetSpec,
} from '../../core/refine/refine-run';
import { problemStatement } from '../../core/run/orchestration/problem-statement';
import { candidateRecord } from '../../core/run/orchestration/candidate-tests';
import type { GenerationSlotRef, PlannedProblem } from '../../core/run/orchestration/work-plan';
import type { ExecutionConfig, VerifierConfig } from '../../core/run/run-config';
import type { CandidateRecord, GenerationRecord, GenerationRequest, RefinementOutcome } from '../../core/run/run-records';
import type { GroundTruth } from '../../engine/ground-truth';
import type { EngineCanonicalCache } from '../../engine/prepare-tests';
import type { EnginePool } from '../../engine/pool-types';
import { refineMessages } from '../../llm/prompts/refine-messages';
import { NO_FEEDBACK } from '../../llm/prompts/refine-templates';
import { decodePromptTemplate } from '../prompt-template-text';
import { groundTruthOf, programFailures, type ProgramFailures } from './program-failures';

/** Which model a request goes to: the refiner (the run's model) or the feedback model. */
export type RefineRequestModel = 'refiner' | 'feedback';

export interface RefineStepContext {
  runId: string;
  verifier: VerifierConfig & { refine: RefineRunSettings };
  execution: ExecutionConfig;
  split: SplitName;
  pool: EnginePool;
  canonicalCache: EngineCanonicalCache | null;
  signal: AbortSignal;
  /** Asks one slot (the loop's generateSlot); resolves with a finished or failed record, not yet stored. */
  ask(request: GenerationRequest, slot: GenerationSlotRef, model: RefineRequestModel): Promise<GenerationRecord>;
  /** Stores a generation and counts it; a failed one is stored and then rejects, which stops the run. */
  keepGeneration(record: GenerationRecord): Promise<void>;
  keepResult(record: CandidateRecord): Promise<void>;
  /** Refinement requests one program keeps in flight. */
  requestsPerProgram: number;
}

/** Refines the `pending` ranks of a refinement run's problem. `stored` holds its finished generations. */
export async function refineProblem(ctx: RefineStepContext, planned: PlannedProblem, stored: readonly GenerationRecord[], pending: readonly number[]): Promise<void> {
  const targets = (planned.refine?.targets ?? []).filter((t) => pending.includes(t.rank));
  if (targets.length === 0) return;
  const truth = await groundTruthOf(ctx.pool, planned.problem, ctx.split, ctx.execution, ctx.canonicalCache, ctx.signal);
  for (const target of targets) {
    const mine = stored.filter((g) => g.shownRank === target.rank && g.error === null);
    await refineTarget(ctx, planned.problem, truth, target, mine);
  }
}

async function refineTarget(ctx: RefineStepContext, problem: Problem, truth: GroundTruth, target: RefineTargetSpec, stored: readonly GenerationRecord[]): Promise<void> {
  const settings = ctx.verifier.refine;
  const program = targetProgram(target, problem);
  const own = await programFailures(ctx.pool, truth, program, ctx.signal);
  const feedback = targetFeedback(target, stored) ?? (await draftFeedback(ctx, problem, target, program, own));
  const done = new Map(stored.filter((g) => g.refinement).map((g) => [g.sampleIndex, g.refinement!]));
  const pending = targetSamples(target, settings).filter((s) => s !== FEEDBACK_SAMPLE && !done.has(s));
  const template = decodePromptTemplate(ctx.verifier.promptTemplate, 'instruction');
  await eachLimited(
    pending,
    ctx.requestsPerProgram,
    async (sample) => {
      const slot = refinementOfSample(sample, settings)!;
      const messages = refineMessages(template, 'refine', { problem: problemStatement(problem), program, feedback: slot.withFeedback ? feedback.text : NO_FEEDBACK });
      const asked = await ctx.ask(refineRequest(ctx.verifier, ctx.verifier.model, messages, refinementSeed(ctx.verifier.sampling, slot)), slotRef(target, sample), 'refiner');
      if (asked.error !== null) return ctx.keepGeneration(asked);
      const outcome = await retest(ctx, truth, asked.rawResponse);
      done.set(sample, outcome);
      await ctx.keepGeneration({ ...asked, tests: [], malformedCount: 0, refinement: outcome });
    },
    ctx.signal,
  );
  const withFeedback = [...done].filter(([sample]) => refinementOfSample(sample, settings)?.withFeedback);
  const record = candidateRecord(ctx.runId, problem.taskId, target.rank, own.result);
  await ctx.keepResult({ ...record, predicted: withFeedback.filter(([, o]) => o.passed).length / Math.max(1, withFeedback.length) });
}

async function draftFeedback(ctx: RefineStepContext, problem: Problem, target: RefineTargetSpec, program: string, own: ProgramFailures): Promise<{ text: string; author: FeedbackAuthor }> {
  const model = ctx.verifier.refine.feedbackModel!;
  const template = decodePromptTemplate(ctx.verifier.refine.feedbackTemplate, 'instruction');
  const messages = refineMessages(template, 'feedback', { problem: problemStatement(problem), program, failures: own.text });
  const asked = await ctx.ask(refineRequest(ctx.verifier, model, messages, ctx.verifier.sampling.seed), slotRef(target, FEEDBACK_SAMPLE), 'feedback');
  const text = asked.rawResponse.trim();
  const record = asked.error === null && text === '' ? { ...asked, error: 'the feedback model answered nothing' } : asked;
  await ctx.keepGeneration({ ...record, tests: [], malformedCount: 0 });
  return { text, author: `model:${model}` };
}

/** A refinement's program taken from its answer and re-tested; an answer without a program is a failed refinement. */
async function retest(ctx: RefineStepContext, truth: GroundTruth, answer: string): Promise<RefinementOutcome> {
  const extracted = refinedProgram(answer);
  if (extracted.program === null) return { program: null, passed: false, score: 0, failures: [] };
  const tested = await programFailures(ctx.pool, truth, extracted.program, ctx.signal);
  return { program: extracted.program, passed: tested.total > 0 && tested.passed === tested.total, score: tested.score, failures: tested.failures };
}

function slotRef(target: RefineTargetSpec, sampleIndex: number): GenerationSlotRef {
  return { taskId: target.taskId, shownRank: target.rank, sampleIndex };
}
