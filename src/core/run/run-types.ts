// The run record: a dataset (or subset of its problems) crossed with a verifier and an execution config, with its status and counters.
import type { SplitName } from '../dataset/types';
import type { MetricsBySplit } from '../metrics/types';
import type { ExecutionConfig, VerifierConfig } from './run-config';

/** Lifecycle of a run; see run-status.ts for the allowed transitions. */
export type RunStatus = 'draft' | 'running' | 'paused' | 'done' | 'failed' | 'cancelled';

/** Counters the orchestrator keeps up to date as work finishes. */
export interface RunProgress {
  problemsTotal: number;
  problemsDone: number;
  generationsTotal: number;
  generationsDone: number;
  candidatesTotal: number;
  candidatesDone: number;
  /** Extracted assertions over all generations. */
  testsGenerated: number;
  /** Tagged assertions that could not be used (see the core extractor). */
  malformedTests: number;
  promptTokens: number;
  completionTokens: number;
}

/** One verifier run. Everything needed to reproduce it, nothing secret. */
export interface Run {
  id: string;
  name: string;
  /** Epoch milliseconds. */
  createdAt: number;
  updatedAt: number;
  /** Id of the stored dataset (storage uses the content sha256 as the id). */
  datasetId: string;
  /** sha256 (hex) of the dataset text the run was made on. */
  datasetSha256: string;
  /** Dataset display name when the run was made, kept for listings after the dataset is deleted. */
  datasetName: string;
  split: SplitName;
  /** The problems of the dataset this run covers, in run order. */
  problemIds: string[];
  verifier: VerifierConfig;
  execution: ExecutionConfig;
  status: RunStatus;
  /** Why the run failed (status 'failed'), else null. */
  error: string | null;
  progress: RunProgress;
  /** Headline metrics per split once computed, else null. */
  metrics: MetricsBySplit | null;
  /**
   * The run whose generated tests this run took over whole: a copy of it on the companion split (HE-R's run scored
   * on HE-R+). The leaderboard shows the two as one row with both splits. Absent for every other run.
   */
  testsFrom?: string;
}

/** Counters of a run that has not started. */
export function emptyProgress(problemsTotal = 0): RunProgress {
  return {
    problemsTotal,
    problemsDone: 0,
    generationsTotal: 0,
    generationsDone: 0,
    candidatesTotal: 0,
    candidatesDone: 0,
    testsGenerated: 0,
    malformedTests: 0,
    promptTokens: 0,
    completionTokens: 0,
  };
}

/** What a caller supplies to make a new run; the rest starts empty. */
export type NewRunInput = Pick<Run, 'name' | 'datasetId' | 'datasetSha256' | 'datasetName' | 'split' | 'problemIds' | 'verifier' | 'execution'>;

/** A fresh 'draft' run record (pure: the caller supplies the id and clock). */
export function draftRun(input: NewRunInput, id: string, now: number): Run {
  return {
    id,
    name: input.name,
    createdAt: now,
    updatedAt: now,
    datasetId: input.datasetId,
    datasetSha256: input.datasetSha256,
    datasetName: input.datasetName,
    split: input.split,
    problemIds: [...input.problemIds],
    verifier: input.verifier,
    execution: input.execution,
    status: 'draft',
    error: null,
    progress: emptyProgress(input.problemIds.length),
    metrics: null,
  };
}
