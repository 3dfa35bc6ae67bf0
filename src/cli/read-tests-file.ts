// Reads a generated-tests file for `score` with the app's importer (every error names its line): lines of one
// task are merged, and lines whose "shown_rank" is a candidate rank form that candidate's own test set.
import type { FileTaskTests, FileTestSet } from '../core/run/orchestration/file-generations';
import { NO_CANDIDATE } from '../core/run/run-records';
import type { Dataset } from '../core/dataset/types';
import { parseGeneratedTests, TestFileParseError, type ImportedTestFile } from '../llm/from-file';
import { CliUsageError } from './cli-io';
import { readInputFile } from './read-input-file';

/** Test sets by task, then by shown rank (NO_CANDIDATE: shared by every candidate). */
export async function readTestsFile(file: string, dataset: Dataset, warn: (text: string) => void): Promise<Map<string, FileTaskTests>> {
  const text = await readInputFile(file);
  const options = { promptToTaskId: new Map(dataset.problems.map((p) => [p.prompt, p.taskId])) };
  const parse = (body: string) => {
    try {
      return parseGeneratedTests(body, options);
    } catch (error) {
      if (error instanceof TestFileParseError) throw new CliUsageError(`${file}: ${error.message}`);
      throw error;
    }
  };
  const whole = parse(text);
  const lines = text.split('\n');
  const shownOf = lines.map((raw, i) => (raw.trim() === '' ? NO_CANDIDATE : shownRankOf(JSON.parse(raw), file, i + 1)));
  // Each rank's lines go through the importer again, the others blanked out (so line numbers stay right).
  const groups = new Map<number, ImportedTestFile>();
  if (shownOf.every((s) => s === NO_CANDIDATE)) groups.set(NO_CANDIDATE, whole);
  else for (const shown of new Set(shownOf)) groups.set(shown, parse(lines.map((raw, i) => (shownOf[i] === shown ? raw : '')).join('\n')));

  const known = new Set(dataset.problems.map((p) => p.taskId));
  const unknown = whole.problems.filter((p) => !known.has(p.taskId)).map((p) => p.taskId);
  if (unknown.length === whole.problems.length) throw new CliUsageError(`${file}: none of its ${unknown.length} tasks is a problem of ${dataset.name} (first: ${unknown[0] ?? 'none'})`);
  if (unknown.length > 0) warn(`score: ${unknown.length} task(s) of ${file} are not in ${dataset.name}, ignored (${unknown.slice(0, 3).join(', ')})\n`);

  const byTask = new Map<string, Map<number, FileTestSet>>();
  for (const [shown, imported] of groups) {
    for (const p of imported.problems) {
      if (!known.has(p.taskId)) continue;
      const sets = byTask.get(p.taskId) ?? new Map<number, FileTestSet>();
      if (sets.size > 0 && sets.has(NO_CANDIDATE) !== (shown === NO_CANDIDATE)) {
        throw new CliUsageError(`${file}: line ${p.lines[0]}: task ${p.taskId} mixes shared tests (shown_rank 0) with per-candidate tests`);
      }
      byTask.set(p.taskId, sets.set(shown, { tests: p.tests, responses: p.responses }));
    }
  }
  return byTask;
}

function shownRankOf(json: { shown_rank?: unknown }, file: string, line: number): number {
  const shown = json.shown_rank ?? NO_CANDIDATE;
  if (typeof shown !== 'number' || !Number.isInteger(shown) || shown < 0) throw new CliUsageError(`${file}: line ${line}: "shown_rank" must be a whole number >= 0`);
  return shown;
}
