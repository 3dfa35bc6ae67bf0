// How a Node pool starts its worker threads. Node 20 cannot run the TypeScript worker entry directly, and
// registering tsx inside every worker costs about 0.3 s per start, so the entry is bundled once per process
// with esbuild into one ES module under node_modules/.cache (pyodide stays external and resolves from there).
// If bundling or writing fails, workers fall back to registering tsx themselves. Old bundles (25 kB each) are
// left in place: a process started before a source change may still spawn workers from its own.
import type { buildSync as BuildSync } from 'esbuild';
import { createHash } from 'node:crypto';
import { existsSync, mkdirSync, readFileSync, renameSync, writeFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { dirname, join } from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';
import { threadId } from 'node:worker_threads';

export interface NodeWorkerEntry {
  /** What `new Worker(...)` is given: the bundle's file URL, or bootstrap source to eval (tsx). */
  script: URL | string;
  eval: boolean;
  /** workerData the bootstrap needs (empty for the bundle). */
  bootData: Record<string, string>;
  mode: 'bundle' | 'tsx';
}

const ENTRY = new URL('./node-engine.worker.ts', import.meta.url);
const requireHere = createRequire(import.meta.url);

// Registers tsx first, then imports the TypeScript entry: the slow path.
const TSX_BOOT = `
const { workerData } = require('node:worker_threads');
import(workerData.boot.tsx).then((m) => { m.register(); return import(workerData.boot.entry); })
  .catch((e) => setImmediate(() => { throw e; }));
`;

/** tsx's ESM register API (require.resolve would pick its CommonJS build, which cannot register ESM hooks). */
function tsxApiUrl(): string {
  const manifest = requireHere.resolve('tsx/package.json');
  const exports = JSON.parse(readFileSync(manifest, 'utf8')).exports['./esm/api'];
  return pathToFileURL(join(dirname(manifest), exports.import.default ?? exports.import)).href;
}

function bundle(): string {
  // Loaded here, not imported: without esbuild the pool still works, through tsx.
  const { buildSync } = requireHere('esbuild') as { buildSync: typeof BuildSync };
  const result = buildSync({
    entryPoints: [fileURLToPath(ENTRY)],
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

/** Write the bundle where a bare `pyodide` import resolves (node_modules/.cache/...), named by its content. */
function bundleFile(code: string): URL {
  const root = dirname(dirname(requireHere.resolve('pyodide/package.json')));
  const dir = join(root, '.cache', 'verifier-lab');
  const file = join(dir, `engine-worker-${createHash('sha256').update(code).digest('hex').slice(0, 16)}.mjs`);
  if (!existsSync(file) || readFileSync(file, 'utf8') !== code) {
    mkdirSync(dir, { recursive: true });
    const tmp = `${file}.${process.pid}.${threadId}.${Math.random().toString(36).slice(2)}.tmp`;
    writeFileSync(tmp, code);
    renameSync(tmp, file); // atomic: other processes and threads never see half a file
  }
  return pathToFileURL(file);
}

let cached: NodeWorkerEntry | null = null;

/** The worker entry for this process (bundled on first use). */
export function nodeWorkerEntry(): NodeWorkerEntry {
  if (cached) return cached;
  try {
    cached = { script: bundleFile(bundle()), eval: false, bootData: {}, mode: 'bundle' };
  } catch {
    cached = { script: TSX_BOOT, eval: true, bootData: { entry: ENTRY.href, tsx: tsxApiUrl() }, mode: 'tsx' };
  }
  return cached;
}
