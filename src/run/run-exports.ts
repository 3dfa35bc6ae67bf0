// Downloads of a stored run: the run file (everything, for re-import and inspection) and the authors' evaluation
// file (one line per solution of every fully executed problem, so evaluate.py users can check our numbers).
import { runPredictionMethod } from '../core/verifiers/verifier-kind';
import type { Dataset } from '../core/dataset/types';
import { scoredSolutions } from '../core/run/orchestration/run-solutions';
import { planRun } from '../core/run/orchestration/work-plan';
import { formatEvalFile } from '../core/run/eval-file-write';
import { loadResults } from '../storage/results-repo';
import { exportRunFile } from '../storage/run-file-store';
import { getRun } from '../storage/runs-repo';
import type { LabDb } from '../storage/schema';
import { RunNotFoundError } from '../storage/storage-errors';
import { APP_VERSION } from './versions';

/** A file to offer for download. */
export interface ExportedFile {
  name: string;
  text: string;
  type: string;
}

/** File-name-safe form of a run name. */
export function fileStem(name: string): string {
  return name.trim().replace(/[^\w.-]+/g, '-').replace(/^-+|-+$/g, '').slice(0, 80) || 'run';
}

/** The run file of a stored run. */
export async function runFileExport(db: LabDb, runId: string): Promise<ExportedFile> {
  const run = await getRun(db, runId);
  if (!run) throw new RunNotFoundError(runId);
  return { name: `${fileStem(run.name)}.run.jsonl`, text: await exportRunFile(db, runId, { appVersion: APP_VERSION }), type: 'application/jsonl' };
}

/** The evaluation file of a stored run (its kind's method: pass fractions, or raw reward / judge scores); throws when no problem is fully executed yet. */
export async function evalFileExport(db: LabDb, runId: string, dataset: Dataset): Promise<ExportedFile> {
  const run = await getRun(db, runId);
  if (!run) throw new RunNotFoundError(runId);
  const solutions = scoredSolutions(planRun(run.problemIds, run.verifier, dataset), run.split, await loadResults(db, runId));
  if (solutions.length === 0) throw new Error('no problem of this run has all its candidates executed yet');
  return { name: `${fileStem(run.name)}.eval.jsonl`, text: formatEvalFile(solutions, runPredictionMethod(run.verifier)), type: 'application/jsonl' };
}
