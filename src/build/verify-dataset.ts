// Re-verifies a dataset's ground truth on an engine pool: every candidate runs on its own problem's tests
// (base tests for base splits, base + plus inputs combined as the authors did for "+" splits), and the
// recomputed score is compared with the stored one. Cancelled by the signal; nothing is returned then.
import { BuildRequestError } from '../core/build/build-errors';
import { candidateScore } from '../core/build/candidate-score';
import type { Dataset } from '../core/dataset/types';
import { CanonicalError } from '../core/run/canonical-error';
import type { TimeLimitRule } from '../core/run/time-limits';
import type { CompareMode } from '../core/run/types';
import { needsRecheck, recheckedOutcome, skippedOutcome, verifyOutcome, verifySummary } from '../core/verify/verify-compare';
import { failedTests } from '../core/verify/failed-tests';
import type { VerifyOutcome, VerifySummary } from '../core/verify/verify-types';
import type { EnginePool } from '../engine/pool-types';
import { eachLimited } from '../core/concurrency/semaphore';
import { prepareGroundTruth, rescoreTimeouts, scoreOnGroundTruth, type GroundTruthScore } from '../engine/ground-truth';
import { firstOfSameKey } from '../core/run/same-programs';
import type { EngineCanonicalCache } from '../engine/prepare-tests';

export interface VerifyOptions {
  compare: CompareMode;
  rule?: TimeLimitRule;
  signal?: AbortSignal;
  onProgress?: (progress: VerifyProgress) => void;
  /** Failing tests kept per outcome for its diff (default 5). */
  failuresShown?: number;
  problemConcurrency?: number;
  /** Canonical runs kept from earlier jobs on this machine (none by default). */
  canonicalCache?: EngineCanonicalCache | null;
  /** Parts a candidate's tests are split into across workers (default partsFor: long worst cases only). */
  partsPerCandidate?: (limitsMs: readonly number[], workers: number) => number;
}

export interface VerifyProgress {
  problemsDone: number;
  problemsTotal: number;
  candidatesDone: number;
  candidatesTotal: number;
  /** Disagreements found so far. */
  disagree: number;
}

export interface VerifyResult {
  summary: VerifySummary;
  /** In dataset order (problem, then rank). */
  outcomes: VerifyOutcome[];
  ms: number;
  /** The second runs of candidates whose disagreement timeouts could explain (see below): how many, how long. */
  recheck: { candidates: number; ms: number };
}

export async function verifyDataset(pool: EnginePool, dataset: Dataset, options: VerifyOptions): Promise<VerifyResult> {
  const began = Date.now();
  const { compare, signal, rule } = options;
  const shown = options.failuresShown ?? 5;
  const lanes = Math.max(2, 2 * pool.stats().size);
  const perProblem: VerifyOutcome[][] = dataset.problems.map(() => []);
  const progress: VerifyProgress = {
    problemsDone: 0,
    problemsTotal: dataset.problems.length,
    candidatesDone: 0,
    candidatesTotal: dataset.problems.reduce((n, p) => n + p.candidates.length, 0),
    disagree: 0,
  };
  options.onProgress?.({ ...progress });
  // Disagreements that timeouts could explain, run again once everything else is done (see below).
  const rechecks: { problem: number; candidate: number; first: VerifyOutcome; run: () => Promise<VerifyOutcome> }[] = [];

  await eachLimited(
    dataset.problems,
    options.problemConcurrency ?? 2,
    async (problem, index) => {
      const stored = (rank: number, score: number) => ({ taskId: problem.taskId, rank, score });
      let truth;
      try {
        truth = await prepareGroundTruth(pool, problem, dataset.split, { compare, canonicalCache: options.canonicalCache ?? null, ...(rule ? { rule } : {}), ...(signal ? { signal } : {}) });
      } catch (error) {
        if (!(error instanceof BuildRequestError || error instanceof CanonicalError)) throw error;
        const reason = error.message;
        perProblem[index] = problem.candidates.map((c) => skippedOutcome(stored(c.rank, c.score), reason));
        progress.candidatesDone += problem.candidates.length;
        progress.disagree += problem.candidates.length;
        progress.problemsDone++;
        return options.onProgress?.({ ...progress });
      }
      const { plan } = truth;
      const outcomes: VerifyOutcome[] = new Array(problem.candidates.length);
      // The same program twice (up to formatting and comments) runs once per attempt: its copies share the run.
      const firsts = firstOfSameKey(await pool.programKeys(problem.candidates.map((c) => c.code), { signal }));
      // A second attempt runs again only the tests that timed out in the first (rescoreTimeouts).
      const runs = new Map<string, Promise<GroundTruthScore>>();
      const scored = (i: number, attempt: number): Promise<GroundTruthScore> => {
        const first = firsts[i]!;
        const key = `${first}:${attempt}`;
        let run = runs.get(key);
        if (!run) {
          const code = problem.candidates[first]!.code;
          const scoreOptions = { signal, partsPerCandidate: options.partsPerCandidate };
          run =
            attempt === 0
              ? scoreOnGroundTruth(pool, truth, code, scoreOptions)
              : scored(i, attempt - 1).then((before) => rescoreTimeouts(pool, truth, code, before.result, scoreOptions));
          runs.set(key, run);
        }
        return run;
      };
      await eachLimited(
        problem.candidates,
        lanes,
        async (candidate, i) => {
          let upper = 0;
          let attempts = 0;
          const reused = firsts[i] === i ? {} : { reusedFrom: problem.candidates[firsts[i]!]!.rank };
          const run = async () => {
            const { result, score: s } = await scored(i, attempts++);
            const timeouts = result.tests.reduce((n, t) => n + (t.status === 'timeout' ? 1 : 0), 0);
            upper = timeouts === 0 ? s.score : candidateScore(result.tests.map((t) => (t.status === 'timeout' ? { ...t, status: 'pass' as const } : t)), plan).score;
            return { ...verifyOutcome(stored(candidate.rank, candidate.score), { ...s, timeouts, failures: failedTests(result.tests, shown) }), ...reused };
          };
          const outcome = await run();
          if (needsRecheck(outcome, upper)) rechecks.push({ problem: index, candidate: i, first: outcome, run });
          outcomes[i] = outcome;
          progress.candidatesDone++;
          if (!outcome.agree) progress.disagree++;
          options.onProgress?.({ ...progress });
        },
        signal,
      );
      perProblem[index] = outcomes;
      progress.problemsDone++;
      options.onProgress?.({ ...progress });
    },
    signal,
  );

  // Near a time limit the outcome follows machine load. A second run of the tests that timed out, one candidate
  // at a time after the rest (so the machine is as quiet as this job can make it), tells load apart from a wrong
  // stored score; the outcome keeps the first run's tally beside the second's, and the summary counts how many
  // agreed only then.
  const recheckBegan = Date.now();
  for (const { problem, candidate, first, run } of rechecks) {
    const second = recheckedOutcome(first, await run());
    perProblem[problem]![candidate] = second;
    if (second.agree) progress.disagree--;
    options.onProgress?.({ ...progress });
  }

  const outcomes = perProblem.flat();
  const recheck = { candidates: rechecks.length, ms: Date.now() - recheckBegan };
  return { summary: verifySummary(dataset.split, outcomes), outcomes, ms: Date.now() - began, recheck };
}
