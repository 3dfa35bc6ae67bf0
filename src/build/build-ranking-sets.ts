// Builds ranking sets with the paper's method on an engine pool: per problem, run the canonical solution (its
// outputs and times), score every distinct pool candidate on the ground truth, then combine + filter into the
// official line schema. Cancelled by the signal; nothing is returned then.
import { BuildRequestError } from '../core/build/build-errors';
import { candidateScore, canonicalSeconds } from '../core/build/candidate-score';
import { rankedProblem } from '../core/build/ranked-problem';
import { benchmarkTestPlan, outputSplit, planTestCount } from '../core/build/test-plan';
import type { Benchmark, BenchmarkProblem, BuildSplit, PoolProgram } from '../core/build/types';
import type { PoolCandidate } from '../core/dataset/ranking-set';
import type { SplitName } from '../core/dataset/types';
import { CanonicalError } from '../core/run/canonical-error';
import { PAPER_TIME_LIMITS, type TimeLimitRule } from '../core/run/time-limits';
import type { CompareMode } from '../core/run/types';
import type { EnginePool } from '../engine/pool-types';
import { eachLimited } from '../core/concurrency/semaphore';
import { prepareTests, type EngineCanonicalCache } from '../engine/prepare-tests';
import { partsFor, scoreInParts } from '../engine/score-parts';
import { firstOfSameKey } from '../core/run/same-programs';

export interface BuildOptions {
  split: BuildSplit;
  compare: CompareMode;
  /** Solutions per problem, canonical included (paper: 5). */
  size?: number;
  /** Problems whose set would have fewer solutions are left out (default 2: the canonical and one candidate). */
  minSolutions?: number;
  rule?: TimeLimitRule;
  signal?: AbortSignal;
  onProgress?: (progress: BuildProgress) => void;
  /** Canonical runs kept from earlier jobs on this machine (none by default). */
  canonicalCache?: EngineCanonicalCache | null;
  /**
   * Cap on one candidate's total wall time (ms). Default: none beyond every test's own limit, as in the paper.
   * A capped candidate's remaining tests count as timeouts; reports count how often that happened.
   */
  candidateBudgetMs?: number;
  /** Problems worked on at once (default 2, so one problem's canonical run overlaps another's candidates). */
  problemConcurrency?: number;
}

export interface BuildProgress {
  problemsDone: number;
  problemsTotal: number;
  candidatesDone: number;
  candidatesTotal: number;
}

export type ProblemBuildStatus = 'built' | 'too-few' | 'skipped';

export interface ProblemBuildReport {
  taskId: string;
  status: ProblemBuildStatus;
  /** Why a problem was skipped or left out. */
  reason?: string;
  tests: number;
  /** Distinct pool programs scored. */
  candidates: number;
  /** Pool programs not scored: the same program as another (up to formatting and comments), so the set cannot
   *  hold one program twice under two ranks. */
  sameProgram: number;
  /** Candidates dropped because every test errored. */
  allErrored: number;
  /** Candidates whose remaining tests were cut by candidateBudgetMs. */
  budgetExhausted: number;
  /** Solutions in the output line, canonical included (0 unless built). */
  solutions: number;
  /** Tests the canonical solution did not pass (or inputs it raised on). */
  canonicalProblems: string[];
}

export interface BuildResult {
  split: SplitName;
  /** JSONL text, one official line per built problem, in benchmark order. */
  text: string;
  problems: ProblemBuildReport[];
  /** Wall time (ms). */
  ms: number;
}

/** Builds the ranking sets of every benchmark problem that has pool candidates. */
export async function buildRankingSets(
  pool: EnginePool,
  benchmark: Benchmark,
  programs: ReadonlyMap<string, readonly PoolProgram[]>,
  options: BuildOptions,
): Promise<BuildResult> {
  const began = Date.now();
  const split = outputSplit(benchmark, options.split);
  const { signal, compare } = options;
  const size = options.size ?? 5;
  const minSolutions = options.minSolutions ?? 2;
  const candidateLanes = Math.max(2, 2 * pool.stats().size);
  const lines: (string | null)[] = new Array(benchmark.problems.length).fill(null);
  const reports: ProblemBuildReport[] = new Array(benchmark.problems.length);
  const progress: BuildProgress = {
    problemsDone: 0,
    problemsTotal: benchmark.problems.length,
    candidatesDone: 0,
    candidatesTotal: benchmark.problems.reduce((n, p) => n + (programs.get(p.taskId)?.length ?? 0), 0),
  };
  options.onProgress?.({ ...progress });

  await eachLimited(
    benchmark.problems,
    options.problemConcurrency ?? 2,
    async (problem, index) => {
      const list = programs.get(problem.taskId) ?? [];
      const report: ProblemBuildReport = { taskId: problem.taskId, status: 'skipped', tests: 0, candidates: list.length, sameProgram: 0, allErrored: 0, budgetExhausted: 0, solutions: 0, canonicalProblems: [] };
      reports[index] = report;
      const finish = (skippedCandidates: number) => {
        progress.problemsDone++;
        progress.candidatesDone += skippedCandidates;
        options.onProgress?.({ ...progress });
      };
      if (list.length === 0) {
        report.status = 'too-few';
        report.reason = 'no pool candidates';
        return finish(0);
      }
      const ready = await prepareProblem(pool, problem, options, report);
      if (typeof ready === 'string') {
        report.reason = ready;
        return finish(list.length);
      }
      const { plan, prepared } = ready;
      report.canonicalProblems = prepared.canonicalProblems;
      const firsts = firstOfSameKey(await pool.programKeys(list.map((p) => p.code), { signal }));
      const distinct = list.filter((_, i) => firsts[i] === i);
      report.sameProgram = list.length - distinct.length;
      report.candidates = distinct.length;
      progress.candidatesDone += report.sameProgram;
      const scored: PoolCandidate[] = new Array(distinct.length);
      await eachLimited(
        distinct,
        candidateLanes,
        async (program, i) => {
          const parts = partsFor(prepared.limitsMs, pool.stats().size);
          const result = await scoreInParts(pool, { code: program.code, tests: prepared.spec, compare, limitMs: prepared.limitsMs, budgetMs: prepared.budgetMs }, parts, { signal });
          const s = candidateScore(result.tests, plan);
          if (result.budgetExhausted) report.budgetExhausted++;
          scored[i] = { code: program.code, score: s.score, timeTaken: s.timeTaken, allErrored: s.allErrored };
          progress.candidatesDone++;
          options.onProgress?.({ ...progress });
        },
        signal,
      );
      report.allErrored = scored.filter((c) => c.allErrored).length;
      const ranked = rankedProblem(problem, canonicalSeconds(prepared.canonicalMs, plan), scored, size);
      if (ranked.picks.length < minSolutions) {
        report.status = 'too-few';
        report.reason = `${ranked.picks.length} solution(s) after combine and filter (every candidate errored, or scored 1.0)`;
      } else {
        report.status = 'built';
        report.solutions = ranked.picks.length;
        lines[index] = ranked.line;
      }
      finish(0);
    },
    signal,
  );

  const text = lines.flatMap((l) => (l === null ? [] : [`${l}\n`])).join('');
  return { split, text, problems: reports, ms: Date.now() - began };
}

/** Counts of a build's problem reports. */
export function buildTotals(reports: readonly ProblemBuildReport[]) {
  const count = (s: ProblemBuildStatus) => reports.filter((r) => r.status === s).length;
  return {
    built: count('built'),
    tooFew: count('too-few'),
    skipped: count('skipped'),
    candidates: reports.reduce((n, r) => n + r.candidates, 0),
    sameProgram: reports.reduce((n, r) => n + r.sameProgram, 0),
    allErrored: reports.reduce((n, r) => n + r.allErrored, 0),
    budgetExhausted: reports.reduce((n, r) => n + r.budgetExhausted, 0),
    solutions: reports.reduce((n, r) => n + r.solutions, 0),
  };
}

/** The plan and prepared tests of one problem, or why it cannot be built. */
async function prepareProblem(pool: EnginePool, problem: BenchmarkProblem, options: BuildOptions, report: ProblemBuildReport) {
  try {
    const plan = benchmarkTestPlan(problem, options.split);
    report.tests = planTestCount(plan);
    if (report.tests === 0) return 'no ground-truth tests';
    const { compare, signal } = options;
    const timeout = { kind: 'scaled' as const, ...(options.rule ?? PAPER_TIME_LIMITS) };
    const prepared = await prepareTests(pool, plan, problem.canonical, {
      compare,
      timeout,
      origin: 'ground-truth',
      alwaysRunCanonical: true,
      canonicalCache: options.canonicalCache ?? null,
      ...(options.candidateBudgetMs === undefined ? {} : { budgetCapMs: options.candidateBudgetMs }),
      ...(signal ? { signal } : {}),
    });
    return { plan, prepared };
  } catch (error) {
    if (error instanceof BuildRequestError || error instanceof CanonicalError) return error.message;
    throw error;
  }
}
