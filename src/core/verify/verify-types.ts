// Shapes of re-verification: one candidate's stored versus recomputed score, and a split's agreement summary.
import type { SplitName } from '../dataset/types';
import type { TestStatus } from '../run/types';

/** A test that did not pass, as shown in a disagreement's diff. */
export interface FailedTest {
  /** 0-based test index within the problem's ground truth (base inputs first, then plus). */
  index: number;
  status: Exclude<TestStatus, 'pass'>;
  message: string;
}

/** One candidate re-executed on its own ground truth. */
export interface VerifyOutcome {
  taskId: string;
  rank: number;
  /** Score stored in the dataset. */
  stored: number;
  /** Recomputed score, unrounded (the authors' combine order for "+" splits). */
  recomputed: number;
  /** recomputed rounded to 2 decimals with Python's round, as the authors stored it. */
  rounded: number;
  agree: boolean;
  passed: number;
  total: number;
  /** The first few tests that did not pass (all of them are counted in passed/total). */
  failures: FailedTest[];
  /** Every test errored: the authors' combine step would have dropped this candidate. */
  allErrored: boolean;
  /** Tests that ran out of time: near a limit their outcome depends on machine load. */
  timeouts: number;
  /** True when a disagreement that its timeouts could explain was run a second time; this is that result. */
  rechecked: boolean;
  /** The first run's result, when this outcome is a re-check. */
  firstRun?: { rounded: number; passed: number; timeouts: number };
  /** Set when the candidate could not be run at all (e.g. its problem's canonical solution failed to run). */
  skipped?: string;
  /** Rank of the candidate whose run this one shares: the same program up to formatting and comments. */
  reusedFrom?: number;
}

/** Agreement of one split (one dataset file). */
export interface VerifySummary {
  split: SplitName;
  problems: number;
  candidates: number;
  agree: number;
  disagree: number;
  /** Candidates not re-executed (see VerifyOutcome.skipped). */
  skipped: number;
  /** agree / (candidates - skipped); NaN when nothing ran. */
  agreement: number;
  /** Mean and max |rounded - stored| over executed candidates. */
  meanAbsDiff: number;
  maxAbsDiff: number;
  /** Disagreements among rank-1 (canonical) solutions: the ground truth itself did not reproduce. */
  canonicalDisagreements: number;
  /** Re-checked disagreements that still had timed-out tests: likely machine load, not a wrong score. */
  timingDisagreements: number;
  /** Candidates that disagreed with timeouts on the first run and agreed on the second. */
  agreedOnRecheck: number;
  /** Candidates not run because an earlier candidate of their problem is the same program (see reusedFrom). */
  reused: number;
}
