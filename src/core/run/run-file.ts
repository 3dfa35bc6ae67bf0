// The run file: JSONL, a manifest line (format, versions, the whole run config) then one line per generation and per result.
import { readCandidateRecord, readGeneration } from './record-read';
import { RunFieldError, RunReader } from './run-fields';
import { generationSlot, resultSlot } from './run-progress';
import { readRun } from './run-read';
import type { CandidateRecord, GenerationRecord } from './run-records';
import type { Run } from './run-types';
import { errorMessage } from '../error-message';
import { PASTED_RANK } from '../refine/refine-run';

/** Value of the manifest's `format` field. */
export const RUN_FILE_FORMAT = 'verifier-lab-run';
/** Newest format this code writes and reads. */
export const RUN_FILE_VERSION = 1;

/**
 * First line of a run file. `run` carries the reproducibility facts: datasetSha256, the verifier
 * (model, prompt template, sampling settings, seed) and the execution (engine and Pyodide versions).
 */
export interface RunFileManifest {
  format: typeof RUN_FILE_FORMAT;
  formatVersion: number;
  appVersion: string;
  /** ISO 8601. */
  exportedAt: string;
  counts: { generations: number; results: number };
  run: Run;
}

/** Everything a run file holds. */
export interface RunFileContents {
  manifest: RunFileManifest;
  generations: GenerationRecord[];
  results: CandidateRecord[];
}

/** A bad run file: the 1-based line, the field path and what is wrong. Nothing is imported when this is thrown. */
export class RunFileError extends Error {
  override readonly name = 'RunFileError';

  constructor(
    readonly line: number,
    readonly path: string,
    problem: string,
  ) {
    super(`line ${line}: ${path === '' ? '' : `${path}: `}${problem}`);
  }
}

/** Writes a run file. Every record is re-read field by field first, so nothing outside the model (no key) is written. */
export function formatRunFile(
  run: Run,
  generations: readonly GenerationRecord[],
  results: readonly CandidateRecord[],
  info: { appVersion: string; exportedAt: string },
): string {
  const manifest: RunFileManifest = {
    format: RUN_FILE_FORMAT,
    formatVersion: RUN_FILE_VERSION,
    appVersion: info.appVersion,
    exportedAt: info.exportedAt,
    counts: { generations: generations.length, results: results.length },
    run: readRun(run),
  };
  const lines = [JSON.stringify({ type: 'manifest', ...manifest })];
  for (const g of generations) lines.push(JSON.stringify({ type: 'generation', ...readGeneration(g) }));
  for (const r of results) lines.push(JSON.stringify({ type: 'result', ...readCandidateRecord(r) }));
  return lines.join('\n') + '\n';
}

/** Parses and validates a whole run file; throws RunFileError at the first problem. */
export function parseRunFile(text: string): RunFileContents {
  return readRunLines(text, false);
}

/**
 * Reads the run file a run is being written to (the CLI's store): records appended after the manifest are
 * counted as they come, a later record of a slot replaces an earlier one (a retried request), and a last line
 * cut off by a killed process (no newline, not JSON) is dropped. Anything else wrong is a RunFileError.
 */
export function parseRunJournal(text: string): RunFileContents {
  return readRunLines(text, true);
}

function readRunLines(text: string, journal: boolean): RunFileContents {
  const lines = text.replace(/^\uFEFF/, '').split('\n');
  let manifest: RunFileManifest | undefined;
  let problems: ReadonlySet<string> = new Set();
  const generations = new Map<string, GenerationRecord>();
  const results = new Map<string, CandidateRecord>();
  lines.forEach((raw, index) => {
    const line = index + 1;
    if (raw.trim() === '') return;
    let value: unknown;
    try {
      value = JSON.parse(raw);
    } catch (error) {
      if (journal && index === lines.length - 1 && manifest !== undefined) return;
      throw new RunFileError(line, '', `not valid JSON (${errorMessage(error)})`);
    }
    try {
      if (manifest === undefined) {
        manifest = readManifest(value);
        problems = new Set(manifest.run.problemIds);
        return;
      }
      const kind = RunReader.of(value, '').oneOf('type', ['generation', 'result']);
      const record = kind === 'generation' ? readGeneration(value, 'generation') : readCandidateRecord(value, 'result');
      const slot = checkRecord(manifest.run, problems, record, kind);
      const held: Map<string, GenerationRecord | CandidateRecord> = kind === 'generation' ? generations : results;
      if (held.has(slot) && !journal) throw new RunFieldError(kind, 'duplicate record: this key already appeared earlier in the file');
      held.set(slot, record);
    } catch (error) {
      if (error instanceof RunFieldError) throw new RunFileError(line, error.path, error.problem);
      throw error;
    }
  });
  if (manifest === undefined) throw new RunFileError(1, '', 'empty run file: expected a manifest line');
  const { counts } = manifest;
  if (!journal && (generations.size !== counts.generations || results.size !== counts.results)) {
    throw new RunFileError(lines.length, '', `the manifest lists ${counts.generations} generations and ${counts.results} results, the file holds ${generations.size} and ${results.size} (truncated?)`);
  }
  return { manifest, generations: [...generations.values()], results: [...results.values()] };
}

function readManifest(value: unknown): RunFileManifest {
  const r = RunReader.of(value, '');
  if (r.string('type') !== 'manifest') throw new RunFieldError('type', 'the first line must be the manifest ("type": "manifest")');
  if (r.string('format') !== RUN_FILE_FORMAT) throw new RunFieldError('format', `expected ${JSON.stringify(RUN_FILE_FORMAT)}: not a Verifier Lab run file`);
  const formatVersion = r.int('formatVersion', 1);
  if (formatVersion > RUN_FILE_VERSION) throw new RunFieldError('formatVersion', `format ${formatVersion} comes from a newer Verifier Lab; this one reads up to ${RUN_FILE_VERSION}`);
  const counts = r.object('counts');
  return {
    format: RUN_FILE_FORMAT,
    formatVersion,
    appVersion: r.string('appVersion'),
    exportedAt: r.string('exportedAt'),
    counts: { generations: counts.int('generations'), results: counts.int('results') },
    run: readRun(r.raw('run'), 'run'),
  };
}

/** The record's slot key, after checking it belongs to the manifest's run. */
function checkRecord(run: Run, problems: ReadonlySet<string>, record: GenerationRecord | CandidateRecord, kind: 'generation' | 'result'): string {
  if (record.runId !== run.id) throw new RunFieldError(`${kind}.runId`, `is ${JSON.stringify(record.runId)}, the manifest's run is ${JSON.stringify(run.id)}`);
  if (!problems.has(record.taskId)) throw new RunFieldError(`${kind}.taskId`, `${JSON.stringify(record.taskId)} is not one of the run's problems`);
  if (!('rank' in record)) return generationSlot(record.taskId, record.shownRank, record.sampleIndex);
  // Rank 0 is a program pasted into a refinement run; every other run scores dataset candidates (rank 1 up).
  if (record.rank === PASTED_RANK && run.verifier.kind !== 'refine') throw new RunFieldError(`${kind}.rank`, 'is 0 (a pasted program), which only refinement runs hold');
  return resultSlot(record.taskId, record.rank);
}
