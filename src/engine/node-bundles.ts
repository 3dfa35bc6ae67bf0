// The engine host and its worker threads run as esbuild bundles (Node 20 cannot run TypeScript, and the host
// runs under the permission model, where nothing may be loaded from the source tree). Each is built once per
// process into node_modules/.cache/verifier-lab/ (where a bare `pyodide` import resolves), named by its
// content hash and compared with what this process built every time a pool starts: a file that differs is
// rewritten. The host can only read that folder, never write it. Old bundles (tens of kB) are left in place:
// a process started before a source change may still use its own.
import { buildSync } from 'esbuild';
import { createHash } from 'node:crypto';
import { mkdirSync, readFileSync, renameSync, writeFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { threadId } from 'node:worker_threads';
import { nodePyodideDir } from './node-sources';

export interface NodeEngineBundles {
  /** The folder holding the bundles (the host may read it). */
  dir: string;
  /** node-engine-host.ts bundled: the child process's entry. */
  host: string;
  /** node-engine.worker.ts bundled: each worker thread's entry. */
  worker: string;
}

const ENTRIES = { host: './node-engine-host.ts', worker: './node-engine.worker.ts' } as const;

function bundle(entry: string): string {
  const result = buildSync({
    entryPoints: [fileURLToPath(new URL(entry, import.meta.url))],
    bundle: true,
    platform: 'node',
    format: 'esm',
    target: 'node20',
    write: false,
    logLevel: 'silent',
    external: ['pyodide'],
  });
  return result.outputFiles[0]!.text;
}

/** Write `code` as `<name>-<hash>.mjs` unless that file already holds exactly it. */
function bundleFile(dir: string, name: string, code: string): string {
  const file = join(dir, `${name}-${createHash('sha256').update(code).digest('hex').slice(0, 16)}.mjs`);
  let current: string | null = null;
  try {
    current = readFileSync(file, 'utf8');
  } catch {
    // not written yet
  }
  if (current !== code) {
    const tmp = `${file}.${process.pid}.${threadId}.${Math.random().toString(36).slice(2)}.tmp`;
    writeFileSync(tmp, code);
    renameSync(tmp, file); // atomic: other processes and threads never see half a file
  }
  return file;
}

let built: { host: string; worker: string } | null = null;

/** The engine's bundles for this process: built on first use, checked (and rewritten if changed) every call. */
export function nodeEngineBundles(): NodeEngineBundles {
  built ??= { host: bundle(ENTRIES.host), worker: bundle(ENTRIES.worker) };
  const dir = join(dirname(nodePyodideDir()), '.cache', 'verifier-lab');
  mkdirSync(dir, { recursive: true });
  return { dir, host: bundleFile(dir, 'engine-host', built.host), worker: bundleFile(dir, 'engine-worker', built.worker) };
}
