// The whole-job re-verification measurement: per repetition, interleaved so background load hits each alike,
// (1) the paper-style native harness as one process (start, canonical timing, every test; exec per test, one
// process per core), (2) `verifier-lab verify SET --json` as a user runs it (default workers), and (3) the
// app's re-verification in Chromium on a freshly loaded page (pool from the stored snapshot, default workers).
// Every figure is a wall time of the whole job measured here.
import { execFile } from 'node:child_process';
import { fileURLToPath } from 'node:url';
import { readFileSync, rmSync, writeFileSync } from 'node:fs';
import { nodeCanonicalCache } from '../src/engine/node-canonical-cache';
import type { BrowserBench } from './browser-bench';
import { fmtInt, fmtRatio, markdownTable, median } from './report';
import type { Workload } from './workload';

const CLI = fileURLToPath(new URL('../bin/verifier-lab.js', import.meta.url));
const NATIVE = fileURLToPath(new URL('./native_baseline.py', import.meta.url));

export interface ReverifyRep {
  nativeMs: number;
  cliMs: number;
  browserMs: number | null;
  /** Solutions whose recomputed score disagrees with the stored one (CLI; browser). */
  cliDisagree: number;
  browserDisagree: number | null;
}

export interface ReverifyResults {
  title: string;
  tests: number;
  candidates: number;
  nativeWorkers: number;
  cliWorkers: string;
  browserWorkers: number | null;
  reps: ReverifyRep[];
}

export interface ReverifyOptions {
  setFile: string;
  workload: Workload;
  workloadFile: string;
  reps: number;
  nativeWorkers: number;
  browser: BrowserBench | null;
  log: (text: string) => void;
}

export async function measureReverify(o: ReverifyOptions): Promise<ReverifyResults> {
  writeFileSync(o.workloadFile, JSON.stringify(o.workload));
  const text = readFileSync(o.setFile, 'utf8');
  const reps: ReverifyRep[] = [];
  let browserWorkers: number | null = null;
  // The first repetition times every canonical solution (as a first job on a machine does); later ones reuse
  // the kept runs (as every later job does). Native times its canonicals every time.
  rmSync(nodeCanonicalCache().dir, { recursive: true, force: true });
  await o.browser?.clearCanonicalCache();
  for (let r = 0; r < o.reps; r++) {
    const nativeMs = await timed(() => run('python3', [NATIVE, o.workloadFile, '--reps', '1', '--workers', String(o.nativeWorkers), '--modes', 'exec']));
    let out = '';
    const cliMs = await timed(async () => void (out = await run(process.execPath, [CLI, 'verify', o.setFile, '--split', 'HE-R+', '--json'])));
    const cli = JSON.parse(out) as { files: { summary: { disagree: number; skipped: number } }[] };
    const cliDisagree = cli.files[0]!.summary.disagree + cli.files[0]!.summary.skipped;
    let browser: { wallMs: number; workers: number; disagree: number } | null = null;
    if (o.browser) {
      browser = await o.browser.verifyWhole(text);
      browserWorkers = browser.workers;
    }
    reps.push({ nativeMs, cliMs, browserMs: browser?.wallMs ?? null, cliDisagree, browserDisagree: browser?.disagree ?? null });
    o.log(`re-verification rep ${r + 1}/${o.reps}: native ${(nativeMs / 1000).toFixed(1)} s, CLI ${(cliMs / 1000).toFixed(1)} s${browser ? `, Chromium ${(browser.wallMs / 1000).toFixed(1)} s` : ''}`);
  }
  return {
    title: o.workload.title,
    tests: o.workload.tests,
    candidates: o.workload.candidates,
    nativeWorkers: o.nativeWorkers,
    cliWorkers: 'default',
    browserWorkers,
    reps,
  };
}

/** The report section: tests/s of each whole job and its ratio to native in the same repetition (median). */
export function renderReverify(r: ReverifyResults): string {
  const tps = (ms: number) => r.tests / (ms / 1000);
  const ratio = (pick: (x: ReverifyRep) => number | null) => median(r.reps.flatMap((x) => (pick(x) === null ? [] : [x.nativeMs / pick(x)!])));
  const row = (name: string, pick: (x: ReverifyRep) => number | null, disagree: (x: ReverifyRep) => number | null) => {
    const times = r.reps.flatMap((x) => (pick(x) === null ? [] : [pick(x)!]));
    const first = pick(r.reps[0]!);
    return [name, fmtInt(median(times.map(tps))), times.map((t) => (t / 1000).toFixed(1)).join(', '), fmtRatio(ratio(pick)), first === null ? 'n/a' : fmtRatio(r.reps[0]!.nativeMs / first), String(disagree(r.reps.at(-1)!) ?? 'n/a')];
  };
  const rows = [row(`native CPython, exec per test (${r.nativeWorkers} processes)`, (x) => x.nativeMs, () => null)];
  rows.push(row('`verifier-lab verify` (CLI, default workers)', (x) => x.cliMs, (x) => x.cliDisagree));
  if (r.browserWorkers !== null) rows.push(row(`app re-verification in Chromium (${r.browserWorkers} workers, the app's default)`, (x) => x.browserMs, (x) => x.browserDisagree));
  return [
    '## Whole-job re-verification (issue 15)',
    '',
    `Workload: ${r.title}. ${fmtInt(r.candidates)} solutions, ${fmtInt(r.tests)} solution x test executions. Each time is a whole job: the native harness as one process (start, canonical timing, every test), the CLI as one process (start, dataset parse, pool start from the cached snapshot, canonical timing, scheduling, rechecks), the app's re-verification on a freshly loaded page. Repetition 1 of the CLI and the app times every canonical solution (their canonical caches are cleared first); later repetitions reuse the kept canonical runs, as later jobs on a machine do.`,
    '',
    markdownTable(['system', 'tests/s (median)', 'whole job (s)', 'vs native (median of paired ratios)', 'vs native, repetition 1 (canonicals timed)', 'disagreeing (last run)'], rows),
    '',
  ].join('\n');
}

async function timed(job: () => Promise<unknown>): Promise<number> {
  const t = performance.now();
  await job();
  return performance.now() - t;
}

function run(command: string, args: string[]): Promise<string> {
  return new Promise((resolve, reject) => {
    execFile(command, args, { maxBuffer: 1 << 28 }, (error, stdout, stderr) => {
      if (error) reject(new Error(`${command} ${args.slice(0, 2).join(' ')} failed: ${error.message}\n${stderr}`));
      else resolve(stdout);
    });
  });
}
