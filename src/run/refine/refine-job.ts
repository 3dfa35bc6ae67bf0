// The refinement loop shared by the CLI and the Refine page: for each wrong program, its feedback (given, kept from
// an earlier pass, or drafted by a model from the program's failing ground-truth tests), then every refinement
// still to make, each re-tested on the ground truth exactly as verification runs a candidate. Finished refinements
// go to the store as they finish, so an interrupted job resumes where it stopped. An abort rejects; nothing else
// is lost.
import { eachLimited } from '../../core/concurrency/semaphore';
import type { Dataset, Problem } from '../../core/dataset/types';
import { programKey } from '../../core/refine/feedback-file';
import type { FeedbackAuthor, IlfRecord } from '../../core/refine/ilf-record';
import { finishedWork, pendingSlots, type RefineSettings, type RefineSlot, type RefineTarget } from '../../core/refine/refine-plan';
import { refinedProgram, type RefinedProgram } from '../../core/refine/refined-program';
import { problemStatement } from '../../core/run/orchestration/problem-statement';
import type { TimeLimitRule } from '../../core/run/time-limits';
import type { CompareMode, TestResult } from '../../core/run/types';
import { failedTests, failuresText } from '../../core/verify/failed-tests';
import type { FailedTest } from '../../core/verify/verify-types';
import { prepareGroundTruth, scoreOnGroundTruth, type GroundTruth } from '../../engine/ground-truth';
import type { EngineCanonicalCache } from '../../engine/prepare-tests';
import type { EnginePool } from '../../engine/pool-types';
import type { TestGenerator } from '../../llm/generator';
import { refineMessages } from '../../llm/prompts/refine-messages';
import { NO_FEEDBACK, type RefineTemplate } from '../../llm/prompts/refine-templates';

/** Where finished refinements are kept: the export file in the CLI, memory (and the page's state) in the app. */
export interface RefineStore {
  load(): Promise<IlfRecord[]>;
  put(record: IlfRecord): Promise<void>;
}

/** A model that answers the job's requests, and the name it goes by in the export. */
export interface NamedModel {
  generator: TestGenerator;
  model: string;
}

/** What a page shows of one refinement beyond its export record. */
export interface RefinementDetail {
  slot: RefineSlot;
  answer: string;
  extracted: RefinedProgram;
  /** The refinement's first failing tests (empty when it passed or had no program). */
  failures: FailedTest[];
}

/** A program's failing ground-truth tests, as shown before feedback is written and sent to a drafting model. */
export interface ProgramFailures {
  /** Fraction of ground-truth tests passed (combined as the authors did for "+" splits). */
  score: number;
  passed: number;
  total: number;
  failures: FailedTest[];
  /** The failures as prompt text (labels and messages). */
  text: string;
}

export interface RefineEnvironment {
  pool: EnginePool;
  dataset: Dataset;
  refiner: NamedModel;
  /** Drafts feedback for targets without any; null when every target has feedback. */
  drafter: NamedModel | null;
  templates: { refine: RefineTemplate; feedback: RefineTemplate };
  settings: RefineSettings;
  maxTokens: number;
  compare: CompareMode;
  rule?: TimeLimitRule;
  canonicalCache?: EngineCanonicalCache | null;
  store: RefineStore;
  /** Problems worked on at once (default 2). */
  problemsInFlight?: number;
  /** Refinement requests one program keeps in flight (default 4). */
  requestsPerProgram?: number;
  /** Failing tests kept per program (default 5). */
  failuresShown?: number;
  onFeedback?: (target: RefineTarget, feedback: { text: string; author: FeedbackAuthor }, failures: ProgramFailures) => void;
  onRefinement?: (record: IlfRecord, detail: RefinementDetail) => void;
}

/** A target needs feedback and no model was given to draft it. */
export class RefineSetupError extends Error {
  override readonly name = 'RefineSetupError';
}

/** Makes every refinement of `targets` not yet in the store. Rejects on abort, a failed request or an engine error. */
export async function refinePrograms(env: RefineEnvironment, targets: readonly RefineTarget[], signal?: AbortSignal): Promise<void> {
  const finished = finishedWork(await env.store.load());
  const needsDraft = targets.filter((t) => t.feedback === null && !finished.feedback.has(programKey(t.taskId, t.rank)));
  if (needsDraft.length > 0 && env.drafter === null) {
    throw new RefineSetupError(`${needsDraft.length} program(s) have no feedback and no model was given to draft it (first: ${needsDraft[0]!.taskId} rank ${needsDraft[0]!.rank})`);
  }
  const byTask = new Map<string, RefineTarget[]>();
  for (const t of targets) {
    if (pendingSlots(t, env.settings, finished.keys).length === 0) continue;
    byTask.set(t.taskId, [...(byTask.get(t.taskId) ?? []), t]);
  }
  const problems = new Map(env.dataset.problems.map((p) => [p.taskId, p]));
  await eachLimited(
    [...byTask.entries()],
    env.problemsInFlight ?? 2,
    async ([taskId, programs]) => {
      const problem = problems.get(taskId);
      if (!problem) throw new RefineSetupError(`the dataset has no problem ${JSON.stringify(taskId)}`);
      const truth = await groundTruthOf(env, problem, signal);
      for (const target of programs) {
        const feedback = target.feedback ?? finished.feedback.get(programKey(target.taskId, target.rank)) ?? (await draftFeedback({ ...env, drafter: env.drafter! }, problem, truth, target, signal));
        await eachLimited(pendingSlots(target, env.settings, finished.keys), env.requestsPerProgram ?? 4, (slot) => refineOne(env, problem, truth, target, feedback, slot, signal), signal);
      }
    },
    signal,
  );
}

/** A problem's ground truth, prepared as verification prepares it. */
export function groundTruthOf(env: Pick<RefineEnvironment, 'pool' | 'dataset' | 'compare' | 'rule' | 'canonicalCache'>, problem: Problem, signal?: AbortSignal): Promise<GroundTruth> {
  return prepareGroundTruth(env.pool, problem, env.dataset.split, {
    compare: env.compare,
    canonicalCache: env.canonicalCache ?? null,
    ...(env.rule ? { rule: env.rule } : {}),
    ...(signal ? { signal } : {}),
  });
}

/** How a program fares on prepared ground truth, with its first failing tests. */
export async function programFailures(pool: EnginePool, truth: GroundTruth, program: string, shown = 5, signal?: AbortSignal): Promise<ProgramFailures & { tests: TestResult[] }> {
  const { result, score } = await scoreOnGroundTruth(pool, truth, program, { signal });
  const failures = failedTests(result.tests, shown);
  return { score: score.score, passed: score.passed, total: score.total, failures, text: failuresText(truth.plan, failures), tests: result.tests };
}

/** The prompt values of a program's problem. */
function promptValues(problem: Problem, program: string): { problem: string; program: string } {
  return { problem: problemStatement(problem), program };
}

/** What drafting feedback needs of the job. */
export type DraftEnvironment = Pick<RefineEnvironment, 'pool' | 'templates' | 'settings' | 'maxTokens' | 'failuresShown' | 'onFeedback'> & { drafter: NamedModel };

/** Feedback on a program drafted by a model from its failing ground-truth tests (also told to onFeedback). */
export async function draftFeedback(env: DraftEnvironment, problem: Problem, truth: GroundTruth, target: RefineTarget, signal?: AbortSignal): Promise<{ text: string; author: FeedbackAuthor }> {
  const drafter = env.drafter;
  const failures = await programFailures(env.pool, truth, target.program, env.failuresShown ?? 5, signal);
  const messages = refineMessages(env.templates.feedback, 'feedback', { ...promptValues(problem, target.program), failures: failures.text });
  const answer = await drafter.generator.generate({ messages, temperature: env.settings.temperature, top_p: 1, max_tokens: env.maxTokens, seed: env.settings.seed, ...(signal ? { signal } : {}) });
  const text = answer.text.trim();
  if (text === '') throw new RefineSetupError(`${target.taskId} rank ${target.rank}: the feedback model answered nothing`);
  const feedback = { text, author: `model:${drafter.model}` as const };
  env.onFeedback?.(target, feedback, failures);
  return feedback;
}

async function refineOne(
  env: RefineEnvironment,
  problem: Problem,
  truth: GroundTruth,
  target: RefineTarget,
  feedback: { text: string; author: FeedbackAuthor },
  slot: RefineSlot,
  signal?: AbortSignal,
): Promise<void> {
  const messages = refineMessages(env.templates.refine, 'refine', { ...promptValues(problem, target.program), feedback: slot.withFeedback ? feedback.text : NO_FEEDBACK });
  const answer = await env.refiner.generator.generate({ messages, temperature: env.settings.temperature, top_p: 1, max_tokens: env.maxTokens, seed: slot.seed, ...(signal ? { signal } : {}) });
  const extracted = refinedProgram(answer.text);
  let score = 0;
  let passed = false;
  let failures: FailedTest[] = [];
  if (extracted.program !== null) {
    const tested = await programFailures(env.pool, truth, extracted.program, env.failuresShown ?? 5, signal);
    score = tested.score;
    passed = tested.total > 0 && tested.passed === tested.total;
    failures = tested.failures;
  }
  const record: IlfRecord = {
    task_id: target.taskId,
    rank: target.rank,
    program: target.program,
    feedback: feedback.text,
    feedback_author: feedback.author,
    with_feedback: slot.withFeedback,
    refinement: extracted.program,
    passed,
    score,
    model: env.refiner.model,
    seed: slot.seed,
  };
  await env.store.put(record);
  env.onRefinement?.(record, { slot, answer: answer.text, extracted, failures });
}
