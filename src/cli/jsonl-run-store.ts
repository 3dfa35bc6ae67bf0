// The run loop's store in the CLI: a run file (the app's export format) on disk. Records are appended as they
// finish, so a killed process keeps its finished work; every status change rewrites the file whole (temp file,
// then rename) into a valid run file, which the app imports as the same run. `null` keeps it in memory only.
import { appendFile, readFile, rename, writeFile } from 'node:fs/promises';
import { MemoryRunStore } from '../core/run/memory-run-store';
import { formatRunFile, parseRunJournal, RunFileError } from '../core/run/run-file';
import type { GenerationRecord } from '../core/run/run-records';
import type { RunStore } from '../core/run/run-store';
import type { Run } from '../core/run/run-types';
import { APP_VERSION } from '../run/versions';
import { CliUsageError } from './cli-io';
import { readInputFile } from './read-input-file';

/** A store holding one run, and that run. */
export interface CliRunStore {
  store: RunStore;
  run: Run;
}

/** Writes `run` (with any records it starts with) as a new run file at `path`, or nowhere for null, and returns its store. */
export async function createJsonlRunStore(path: string | null, run: Run, generations: readonly GenerationRecord[] = []): Promise<CliRunStore> {
  const { store, save } = persisted(path);
  store.add(run, generations);
  await save(run);
  return { store, run };
}

/** The store of the run file at `path`, which an earlier command (or the app's export) wrote. */
export async function openJsonlRunStore(path: string): Promise<CliRunStore> {
  let contents;
  try {
    contents = parseRunJournal(await readInputFile(path));
  } catch (error) {
    if (error instanceof RunFileError) throw new CliUsageError(`${path}: ${error.message}`);
    throw error;
  }
  const { store, save } = persisted(path);
  const { run } = contents.manifest;
  store.add(run, contents.generations, contents.results);
  await save(run); // compact what a killed process appended
  return { store, run };
}

function persisted(path: string | null): { store: MemoryRunStore; save: (run: Run) => Promise<void> } {
  // Appends and rewrites go through one queue, so lines never interleave and a rewrite sees every append before it.
  let queue: Promise<unknown> = Promise.resolve();
  const serial = (write: () => Promise<void>): Promise<void> => {
    const next = queue.then(write);
    queue = next.catch(() => {});
    return next;
  };
  const save = async (run: Run): Promise<void> => {
    if (path === null) return;
    const [generations, results] = await Promise.all([store.loadGenerations(run.id), store.loadResults(run.id)]);
    const text = formatRunFile(run, generations, results, { appVersion: APP_VERSION, exportedAt: new Date().toISOString() });
    await serial(async () => {
      const temp = `${path}.partial-${process.pid}`;
      await writeFile(temp, text, 'utf8');
      await rename(temp, path);
    });
  };
  const store = new MemoryRunStore({
    record: (kind, record) => (path === null ? undefined : serial(() => appendFile(path, `${JSON.stringify({ type: kind, ...record })}\n`, 'utf8'))),
    // Counters are recomputed from the records on resume; only a new status or metrics rewrites the file.
    run: (run, change) => (change === 'progress' ? undefined : save(run)),
  });
  return { store, save };
}
