// Ad-hoc: where a whole verify job's time goes (pool start, canonical runs, candidate calls, rechecks, idle).
//   npx tsx bench/profile-verify.ts SET.jsonl [--workers N] [--canonical-cache] [--no-split]
import { readFileSync } from 'node:fs';
import { parseArgs } from 'node:util';
import { verifyDataset } from '../src/build/verify-dataset';
import { parseDatasetText } from '../src/core/dataset/parse-dataset';
import { openPool } from '../src/cli/commands/engine-options';
import { nodeCanonicalCache } from '../src/engine/node-canonical-cache';
import type { EnginePool } from '../src/engine/pool-types';

const { values, positionals } = parseArgs({ options: { workers: { type: 'string' }, 'canonical-cache': { type: 'boolean' }, 'no-split': { type: 'boolean' } }, allowPositionals: true });
const t0 = performance.now();
const dataset = parseDatasetText(readFileSync(positionals[0]!, 'utf8'), { name: 'HE-R+', split: 'HE_plus' });
const tParsed = performance.now();
const inner = openPool(values.workers ? Number(values.workers) : undefined);
await inner.ready();
const tReady = performance.now();
const spans: { kind: string; start: number; end: number; tests: number; task: string }[] = [];
// Idle capacity: worker slots with no call in flight, integrated over the job (a long tail shows up here).
const slots = inner.stats().size;
let inFlight = 0;
let lastChange = performance.now();
let idleSlotMs = 0;
const flight = (delta: number) => {
  const now = performance.now();
  idleSlotMs += Math.max(0, slots - inFlight) * (now - lastChange);
  lastChange = now;
  inFlight += delta;
};
const tracked = async <T>(call: () => Promise<T>): Promise<T> => {
  flight(1);
  try {
    return await call();
  } finally {
    flight(-1);
  }
};
// Tests that ran out of time, and the time their limits cost (each ran at least that long).
const timedOut = { tests: 0, limitMs: 0 };
const pool: EnginePool = {
  ...inner,
  async score(request, options) {
    const start = performance.now();
    const r = await tracked(() => inner.score(request, options));
    r.tests.forEach((t, i) => {
      if (t.status !== 'timeout') return;
      timedOut.tests++;
      timedOut.limitMs += Array.isArray(request.limitMs) ? (request.limitMs[i] ?? 0) : request.limitMs;
    });
    spans.push({ kind: 'score', start, end: performance.now(), tests: r.total, task: request.tests.kind === 'io' ? request.tests.taskId : '' });
    return r;
  },
  programKeys: (codes, options) => tracked(() => inner.programKeys(codes, options)),
  async expect(request, options) {
    const start = performance.now();
    const r = await tracked(() => inner.expect(request, options));
    spans.push({ kind: 'expect', start, end: performance.now(), tests: r.outputs.length, task: request.taskId });
    return r;
  },
};
const canonicalCache = values['canonical-cache'] ? nodeCanonicalCache() : null;
const partsPerCandidate = values['no-split'] ? () => 1 : undefined;
const result = await verifyDataset(pool, dataset, { compare: 'paper', canonicalCache, ...(partsPerCandidate ? { partsPerCandidate } : {}) });
const tDone = performance.now();
flight(0);
await inner.close();
const sum = (k: string) => spans.filter((s) => s.kind === k).reduce((n, s) => n + (s.end - s.start), 0);
const tests = (k: string) => spans.filter((s) => s.kind === k).reduce((n, s) => n + s.tests, 0);
console.log(JSON.stringify({
  parseMs: tParsed - t0, readyMs: tReady - tParsed, verifyMs: tDone - tReady,
  workers: inner.stats().size,
  expect: { calls: spans.filter((s) => s.kind === 'expect').length, ms: sum('expect'), tests: tests('expect') },
  score: { calls: spans.filter((s) => s.kind === 'score').length, ms: sum('score'), tests: tests('score') },
  summary: result.summary,
  timedOut,
  recheck: result.recheck,
  slowest: spans.sort((a, b) => b.end - b.start - (a.end - a.start)).slice(0, 8).map((s) => ({ ...s, ms: s.end - s.start })),
  idle: { slotMs: Math.round(idleSlotMs), fraction: idleSlotMs / (slots * (tDone - tReady)) },
  tail: spans.filter((s) => s.end > tDone - 0.15 * (tDone - tReady)).length,
  stats: inner.stats(),
}, null, 1));
