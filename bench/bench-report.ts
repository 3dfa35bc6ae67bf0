// The benchmark's markdown report: throughput and start-up tables, ratios and the targets, computed
// from the raw measurements of one run (nothing here is a constant figure).
import type { ReadyTime } from './browser-bench';
import { agreement, fmtInt, fmtRatio, fmtSeconds, markdownTable, median } from './report';
import type { WorkloadRun } from './run-workload';

/** What bench/native_baseline.py prints for one repetition. */
export interface NativeRun {
  python: string;
  workers: number;
  tests: number;
  prepareSeconds: number;
  modes: Record<'exec' | 'compiled', { seconds: number[]; passed: number[][]; timeouts: number }>;
}

export interface BenchResults {
  command: string;
  date: string;
  workload: { title: string; problems: number; candidates: number; tests: number; dropped: { candidates: number; tests: number }; real: boolean };
  machine: { cpu: string; cores: number; loadBefore: number[]; loadAfter: number[]; node: string; chromium: string | null; python: string; pyodide: string };
  workers: number;
  reps: number;
  ready: { nodeCold: ReadyTime[]; nodeWarm: ReadyTime[]; browserCold: ReadyTime[]; browserWarm: ReadyTime[] };
  native: NativeRun[];
  nodeRuns: WorkloadRun[];
  browserRuns: WorkloadRun[];
  minutes: number;
}

const WARM_TARGET_MS = 1000;

export function renderReport(r: BenchResults): string {
  const nativeTps = (mode: 'exec' | 'compiled') => r.native.map((n) => n.tests / n.modes[mode].seconds[0]!);
  const poolTps = (runs: WorkloadRun[]) => runs.map((x) => x.tests / (x.scoreMs / 1000));
  const lastNative = r.native.at(-1)!;
  const reference = lastNative.modes.compiled.passed;

  // Runs are interleaved, so each run's ratio pairs measurements taken under the same background load.
  const paired = (tps: number[], base: number[]) => median(tps.map((x, i) => x / base[i]!));
  const row = (name: string, tps: number[], seconds: number[], timeouts: number, passed: number[][] | null) => {
    const same = passed ? agreement(passed, reference) : null;
    return [
      name,
      fmtInt(median(tps)),
      seconds.map((s) => s.toFixed(1)).join(', '),
      fmtRatio(paired(tps, nativeTps('exec'))),
      fmtRatio(paired(tps, nativeTps('compiled'))),
      String(timeouts),
      same ? `${same.same}/${same.total}` : 'n/a',
    ];
  };
  const rows = [];
  if (r.browserRuns.length) {
    rows.push(row(`Chromium pool (${r.workers} worker${r.workers > 1 ? 's' : ''})`, poolTps(r.browserRuns), r.browserRuns.map((x) => x.scoreMs / 1000), r.browserRuns.at(-1)!.timeouts, r.browserRuns.at(-1)!.passed));
  }
  rows.push(row(`Node pool (${r.workers} worker${r.workers > 1 ? 's' : ''})`, poolTps(r.nodeRuns), r.nodeRuns.map((x) => x.scoreMs / 1000), r.nodeRuns.at(-1)!.timeouts, r.nodeRuns.at(-1)!.passed));
  rows.push(row(`native CPython, exec per test (paper style)`, nativeTps('exec'), r.native.map((n) => n.modes.exec.seconds[0]!), lastNative.modes.exec.timeouts, lastNative.modes.exec.passed));
  rows.push(row(`native CPython, compiled once`, nativeTps('compiled'), r.native.map((n) => n.modes.compiled.seconds[0]!), lastNative.modes.compiled.timeouts, null));
  const throughput = markdownTable(['system', 'tests/s (median)', 'runs (s)', 'vs native exec', 'vs native compiled', 'timeouts (last run)', 'pass counts = native'], rows);

  const all = (list: ReadyTime[]) => `${fmtSeconds(median(list.map((t) => t.wallMs)))} (${list.map((t) => (t.wallMs / 1000).toFixed(2)).join(', ')})`;
  const readyRow = (name: string, cold: ReadyTime[], warm: ReadyTime[]) => [
    name,
    all(cold),
    all(warm),
    fmtSeconds(median(cold.map((t) => t.info[0]!.readyMs))),
    fmtSeconds(median(warm.map((t) => t.info[0]!.readyMs))),
    uses(cold, warm),
  ];
  const readyRows = [readyRow('Node (worker_threads)', r.ready.nodeCold, r.ready.nodeWarm)];
  if (r.ready.browserCold.length) readyRows.unshift(readyRow('Chromium (Web Worker)', r.ready.browserCold, r.ready.browserWarm));
  const ready = markdownTable(['system', 'cold: pool ready', 'warm: pool ready', 'cold: in worker', 'warm: in worker', 'snapshot use (cold / warm)'], readyRows);

  const browserRatio = r.browserRuns.length ? paired(poolTps(r.browserRuns), nativeTps('exec')) : Number.NaN;
  const browserCompiled = r.browserRuns.length ? paired(poolTps(r.browserRuns), nativeTps('compiled')) : Number.NaN;
  const warmMs = (list: ReadyTime[]) => median(list.map((t) => t.wallMs));
  const targets = [
    r.browserRuns.length
      ? `- Browser throughput >= 1.0x native (paper-style exec per test): **${browserRatio >= 1 ? 'met' : 'not met'}** (${fmtRatio(browserRatio)}; the 2x stretch goal is ${browserRatio >= 2 ? 'met' : 'not met'}). Against native with the candidate compiled once, as the engine does: ${fmtRatio(browserCompiled)}.`
      : '- Browser throughput: not measured (--no-browser).',
    r.ready.browserWarm.length
      ? `- Warm worker ready < 1 s in Chromium: **${warmMs(r.ready.browserWarm) < WARM_TARGET_MS ? 'met' : 'not met'}** (${fmtSeconds(warmMs(r.ready.browserWarm))} from creating the pool on a freshly loaded page, snapshot read from IndexedDB).`
      : '',
    `- Warm worker ready < 1 s in Node: **${warmMs(r.ready.nodeWarm) < WARM_TARGET_MS ? 'met' : 'not met'}** (${fmtSeconds(warmMs(r.ready.nodeWarm))}).`,
  ].filter(Boolean);

  const m = r.machine;
  const w = r.workload;
  const load = (l: number[]) => l.map((x) => x.toFixed(2)).join(' ');
  return [
    '# Engine benchmark',
    '',
    `Command: \`${r.command}\` (${r.date}, ${r.minutes.toFixed(1)} min).`,
    '',
    `Workload: ${w.title}. ${w.problems} problem${w.problems === 1 ? '' : 's'}, ${fmtInt(w.candidates)} candidates, ${fmtInt(w.tests)} candidate x test executions per run` +
      (w.dropped.candidates ? `; ${w.dropped.candidates} candidate(s) that exceed a per-test limit natively are left out (${fmtInt(w.dropped.tests)} tests: they would cost every system its time limits on the clock)` : '') +
      '. Comparison: the paper mode (io tests: printed output). Problems are prepared first, untimed (canonical outputs and the paper\'s limits, max(0.1 s, 4 x canonical)); tests/s counts the scoring of every candidate.',
    '',
    `Machine: ${m.cpu}, ${m.cores} cores; load average ${load(m.loadBefore)} before, ${load(m.loadAfter)} after. Node ${m.node}, ${m.chromium ?? 'no Chromium'}, Pyodide ${m.pyodide}, native Python ${m.python}. ${r.workers} worker(s) / process(es) per system; medians of ${r.reps} interleaved runs.`,
    '',
    '## Throughput',
    '',
    throughput,
    '',
    '"vs native": the median over runs of the ratio of tests/s in the same run. "pass counts = native": candidates whose number of passed tests equals native CPython\'s (compiled once) in the last run.',
    '',
    '## Worker start-up',
    '',
    ready,
    '',
    '"pool ready": wall time from creating a pool to every worker ready, on the main thread (Chromium: on a freshly loaded page), median (each run). "in worker": the runtime\'s own load time, median. Cold: no memory snapshot (Chromium\'s first cold start also has an empty HTTP cache); warm: from the snapshot (Node: file store; Chromium: IndexedDB).',
    '',
    '## Targets (issue 3)',
    '',
    ...targets,
    '',
  ].join('\n');
}

function uses(cold: ReadyTime[], warm: ReadyTime[]): string {
  const kinds = (list: ReadyTime[]) => [...new Set(list.flatMap((t) => t.info.map((i) => i.snapshot)))].join('+');
  return `${kinds(cold)} / ${kinds(warm)}`;
}
