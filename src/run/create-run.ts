// Making runs: the input record from a form's values, and runs from a file of generated tests, whose tests are
// stored as generation records at once (the file is not needed again, and resume works without it).
import type { Dataset } from '../core/dataset/types';
import { fileGenerations } from '../core/run/orchestration/file-generations';
import { PAPER_SAMPLING, type VerifierConfig } from '../core/run/run-config';
import { NO_CANDIDATE } from '../core/run/run-records';
import { FILE_EXTRACTION } from '../core/tests/extract-assertions';
import type { NewRunInput, Run } from '../core/run/run-types';
import type { ImportedTestFile } from '../llm/from-file';
import { putGenerations } from '../storage/generations-repo';
import { createRun, deleteRun, type StampOptions } from '../storage/runs-repo';
import type { LabDb } from '../storage/schema';
import { RunSetupError } from './run-stop';

/** How a test file's problems meet a dataset's. */
export interface FileCoverage {
  /** Task ids in both, in dataset order. */
  covered: string[];
  /** Dataset problems the file has no tests for. */
  missing: string[];
  /** File task ids the dataset does not have. */
  extra: string[];
}

export function fileCoverage(dataset: Dataset, file: ImportedTestFile): FileCoverage {
  const inFile = new Set(file.problems.map((p) => p.taskId));
  const inDataset = new Set(dataset.problems.map((p) => p.taskId));
  return {
    covered: dataset.problems.filter((p) => inFile.has(p.taskId)).map((p) => p.taskId),
    missing: dataset.problems.filter((p) => !inFile.has(p.taskId)).map((p) => p.taskId),
    extra: file.problems.filter((p) => !inDataset.has(p.taskId)).map((p) => p.taskId),
  };
}

/**
 * The verifier config of imported tests: one "sample" per problem, shown no candidate. N is not asked of anyone
 * here, so it records the most tests any problem of the file has (at least 1, as the run model requires).
 */
export function fileVerifier(fileName: string, label: string, file?: ImportedTestFile): VerifierConfig {
  return {
    backend: 'file',
    model: label,
    baseUrl: null,
    fileName,
    variant: 'instruction',
    testsPerProblem: Math.max(1, ...(file?.problems.map((p) => p.tests.length) ?? [])),
    samplesPerProblem: 1,
    sampling: { ...PAPER_SAMPLING },
    promptTemplate: '',
    fencedFallback: FILE_EXTRACTION.fencedFallback,
  };
}

/**
 * Stores a run over the problems of `input.problemIds` with the file's tests as finished generations. Every
 * problem must be covered by the file. All or nothing: if storing the tests fails, the run is deleted again.
 */
export async function createFileRun(
  db: LabDb,
  input: Omit<NewRunInput, 'verifier'> & { verifier: VerifierConfig },
  file: ImportedTestFile,
  options: StampOptions = {},
): Promise<Run> {
  if (input.verifier.backend !== 'file' || input.verifier.samplesPerProblem !== 1 || input.verifier.variant !== 'instruction') {
    throw new RunSetupError('a run from a file has backend "file", one sample per problem and the instruction variant');
  }
  const byTask = new Map(file.problems.map((p) => [p.taskId, p]));
  const uncovered = input.problemIds.filter((id) => !byTask.has(id));
  if (uncovered.length > 0) throw new RunSetupError(`the file has no tests for ${uncovered.length} of the chosen problems (${uncovered.slice(0, 3).join(', ')}${uncovered.length > 3 ? ', ...' : ''})`);
  const run = await createRun(db, input, options);
  const sets = new Map(file.problems.map((p) => [p.taskId, new Map([[NO_CANDIDATE, p]])]));
  const request = { model: input.verifier.model, sampling: input.verifier.sampling, startedAt: options.now ?? Date.now() };
  const records = fileGenerations(run.id, () => [], input.problemIds, sets, request);
  try {
    await putGenerations(db, records);
  } catch (error) {
    await deleteRun(db, run.id).catch(() => {});
    throw error;
  }
  return run;
}
