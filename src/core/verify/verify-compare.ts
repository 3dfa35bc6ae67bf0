// Compares recomputed scores with stored ones: agreement means equal after the authors' 2-decimal rounding.
import { pyRound } from '../dataset/py-round';
import type { SplitName } from '../dataset/types';
import type { FailedTest, VerifyOutcome, VerifySummary } from './verify-types';

/** Tolerance for stored scores that were not rounded (our own builds keep full precision only when asked). */
const EPSILON = 1e-9;

/** Whether a recomputed (unrounded) score matches a stored one. */
export function scoresAgree(stored: number, recomputed: number): boolean {
  return pyRound(recomputed, 2) === pyRound(stored, 2) || Math.abs(recomputed - stored) < EPSILON;
}

/** Builds one outcome from a candidate's stored score and its recomputed tally. */
export function verifyOutcome(
  stored: { taskId: string; rank: number; score: number },
  recomputed: { score: number; passed: number; total: number; allErrored: boolean; failures: FailedTest[]; timeouts?: number },
  rechecked = false,
): VerifyOutcome {
  return {
    taskId: stored.taskId,
    rank: stored.rank,
    stored: stored.score,
    recomputed: recomputed.score,
    rounded: pyRound(recomputed.score, 2),
    agree: scoresAgree(stored.score, recomputed.score),
    passed: recomputed.passed,
    total: recomputed.total,
    failures: recomputed.failures,
    allErrored: recomputed.allErrored,
    timeouts: recomputed.timeouts ?? 0,
    rechecked,
  };
}

/**
 * Whether a disagreement is worth a second run: the stored score lies between the recomputed one and the score
 * the candidate would get if its timed-out tests had passed, so timeouts alone could explain the gap.
 * `ifTimeoutsPassed` is that upper score, unrounded.
 */
export function needsRecheck(o: VerifyOutcome, ifTimeoutsPassed: number): boolean {
  return !o.agree && o.skipped === undefined && o.timeouts > 0 && o.rounded < o.stored && o.stored <= pyRound(ifTimeoutsPassed, 2);
}

/** The second run of a re-checked candidate, carrying the first run's tally. */
export function recheckedOutcome(first: VerifyOutcome, second: VerifyOutcome): VerifyOutcome {
  return { ...second, rechecked: true, firstRun: { rounded: first.rounded, passed: first.passed, timeouts: first.timeouts } };
}

/** An outcome for a candidate that could not be executed. */
export function skippedOutcome(stored: { taskId: string; rank: number; score: number }, reason: string): VerifyOutcome {
  return { taskId: stored.taskId, rank: stored.rank, stored: stored.score, recomputed: NaN, rounded: NaN, agree: false, passed: 0, total: 0, failures: [], allErrored: false, timeouts: 0, rechecked: false, skipped: reason };
}

/** Agreement summary of one split's outcomes. */
export function verifySummary(split: SplitName, outcomes: readonly VerifyOutcome[]): VerifySummary {
  const ran = outcomes.filter((o) => o.skipped === undefined);
  const diffs = ran.map((o) => Math.abs(o.rounded - o.stored));
  const agree = ran.filter((o) => o.agree).length;
  return {
    split,
    problems: new Set(outcomes.map((o) => o.taskId)).size,
    candidates: outcomes.length,
    agree,
    disagree: ran.length - agree,
    skipped: outcomes.length - ran.length,
    agreement: ran.length === 0 ? NaN : agree / ran.length,
    meanAbsDiff: ran.length === 0 ? NaN : diffs.reduce((a, b) => a + b, 0) / ran.length,
    maxAbsDiff: diffs.reduce((a, b) => Math.max(a, b), 0),
    canonicalDisagreements: ran.filter((o) => !o.agree && o.rank === 1).length,
    timingDisagreements: ran.filter((o) => !o.agree && o.rechecked && o.timeouts > 0).length,
    agreedOnRecheck: ran.filter((o) => o.agree && o.rechecked).length,
    reused: ran.filter((o) => o.reusedFrom !== undefined).length,
  };
}

/** What timeouts did to a re-verification, in one sentence; null when no test timed out where it mattered. */
export function timingNote(s: VerifySummary): string | null {
  if (s.timingDisagreements === 0 && s.agreedOnRecheck === 0) return null;
  const agreed = `${s.agreedOnRecheck} ${s.agreedOnRecheck === 1 ? 'candidate' : 'candidates'} agreed only on a second run after timeouts`;
  const still = `${s.timingDisagreements} of the ${s.disagree} disagreements had tests time out on both runs, enough to explain the gap`;
  return `${agreed}; ${still} (near a time limit the outcome follows machine load).`;
}

/** How many candidates reused an earlier candidate's run, in one sentence; null when none did. */
export function reuseNote(s: VerifySummary): string | null {
  if (s.reused === 0) return null;
  const which = s.reused === 1 ? '1 candidate is' : `${s.reused} candidates are`;
  return `${which} the same program as an earlier candidate of the problem (up to formatting and comments) and reused its run instead of running again.`;
}

/** Disagreements (and skipped candidates last), largest difference first, then by task and rank. */
export function disagreements(outcomes: readonly VerifyOutcome[]): VerifyOutcome[] {
  const gap = (o: VerifyOutcome) => (o.skipped !== undefined ? -1 : Math.abs(o.rounded - o.stored));
  return outcomes
    .filter((o) => !o.agree)
    .sort((a, b) => gap(b) - gap(a) || a.taskId.localeCompare(b.taskId, 'en', { numeric: true }) || a.rank - b.rank);
}

/** One line describing a disagreement: stored vs recomputed, the tally and the first failing tests. */
export function describeDisagreement(o: VerifyOutcome): string {
  if (o.skipped !== undefined) return `${o.taskId} rank ${o.rank}: not run (${o.skipped})`;
  const sign = o.rounded > o.stored ? '+' : '';
  const first = o.firstRun ? `; first run ${o.firstRun.rounded} with ${o.firstRun.timeouts} timed out` : '';
  const timing = o.timeouts > 0 || o.firstRun ? `, ${o.timeouts} timed out${first}` : '';
  const same = o.reusedFrom === undefined ? '' : `; the same program as rank ${o.reusedFrom}, whose run it shares`;
  const head = `${o.taskId} rank ${o.rank}: stored ${o.stored}, recomputed ${o.rounded} (${sign}${pyRound(o.rounded - o.stored, 2)}; ${o.passed}/${o.total} passed${timing}${same})`;
  const tests = o.failures.map((f) => `#${f.index} ${f.status}: ${f.message}`).join('; ');
  return tests === '' ? head : `${head}; ${tests}`;
}
