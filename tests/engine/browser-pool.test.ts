// The browser pool in headless Chromium (Vite dev server with the pyodide-assets plugin and isolation
// headers): module workers start, interrupts and the watchdog work, the snapshot cache is used, and the
// worker realm has nothing left to reach the network, storage or the page, even with the Python guard defeated.
import { createServer as createHttpServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { existsSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import type { Page } from 'playwright-core';
import { createServer, type ViteDevServer } from 'vite';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { pyodideAssets } from '../../vite-plugins/pyodide-assets';
import { launchBrowser, type Browser } from '../e2e/browser';
import { ALWAYS_EQUAL, FORGE_RESULTS, READ_EXPECTED, SECRET_PREFIX } from './realm/io-attacks';
import { ADD, CASES } from './realm/isolation-cases';
import { GUARD_BYPASS, JS_ROUTES } from './realm/python-routes';

const CHROMIUM = process.env.CHROMIUM_PATH || '/usr/bin/chromium';
const present = existsSync(CHROMIUM);
if (!present) console.log(`notice: no Chromium at ${CHROMIUM}; the browser engine test is skipped`);
const ROOT = fileURLToPath(new URL('../..', import.meta.url));

let vite: ViteDevServer;
let browser: Browser;
let page: Page;
let leak: Server;
let leakHits = 0;
let leakUrl = '';

beforeAll(async () => {
  if (!present) return;
  leak = createHttpServer((_req, res) => {
    leakHits++;
    res.setHeader('Access-Control-Allow-Origin', '*');
    res.end('secret');
  });
  await new Promise<void>((r) => leak.listen(0, '127.0.0.1', r));
  leakUrl = `http://127.0.0.1:${(leak.address() as AddressInfo).port}/runs`;
  const headers = {
    'Cross-Origin-Opener-Policy': 'same-origin',
    'Cross-Origin-Embedder-Policy': 'require-corp',
    'Cross-Origin-Resource-Policy': 'same-origin',
  };
  vite = await createServer({
    configFile: false,
    root: fileURLToPath(new URL('./browser/', import.meta.url)),
    plugins: [pyodideAssets()],
    server: { port: 4175, strictPort: false, headers, fs: { allow: [ROOT] } },
    worker: { format: 'es' },
    optimizeDeps: { exclude: ['pyodide'], entries: [] },
    logLevel: 'silent',
  });
  await vite.listen();
  browser = await launchBrowser(CHROMIUM);
  page = await browser.context.newPage();
  await page.goto(vite.resolvedUrls!.local[0]);
  await page.waitForFunction(() => (window as unknown as { engineLoaded?: boolean }).engineLoaded === true);
}, 180_000);

afterAll(async () => {
  await browser?.close();
  await vite?.close();
  leak?.close();
});


describe.skipIf(!present)('browser pool (headless Chromium)', () => {
  it('starts an isolated worker, interrupts a loop, kills a BaseException loop, then loads from its snapshot', async () => {
    const out = await page.evaluate(async (code) => {
      type Engine = { createBrowserPool: Function; interruptsAvailable: () => boolean };
      const { createBrowserPool, interruptsAvailable } = (window as unknown as { engine: Engine }).engine;
      const kept = new Map<string, Uint8Array>();
      const snapshotStore = { get: async (k: string) => kept.get(k), put: async (k: string, b: Uint8Array) => void kept.set(k, b) };
      const pool = createBrowserPool({ size: 1, snapshotStore, graceMs: 500 });
      const ready = await pool.ready();
      // The inner loop keeps the interrupt landing inside the try, so it is always swallowed.
      const swallow = 'while True:\n    try:\n        while True: pass\n    except BaseException:\n        pass';
      const r = await pool.score({
        code,
        tests: { kind: 'assert', setup: '', asserts: ['assert add(1, 2) == 3', 'while True: pass', swallow, 'assert add(2, 2) == 4'] },
        compare: 'paper',
        limitMs: 300,
        budgetMs: 30_000,
      });
      const stats = pool.stats();
      await pool.close();
      return {
        isolated: interruptsAvailable(),
        first: ready[0].snapshot,
        statuses: r.tests.map((t: { status: string }) => t.status),
        kills: stats.watchdogKills,
        later: stats.readyInfo.slice(1).map((i: { snapshot: string; readyMs: number }) => i.snapshot),
        stored: kept.size,
      };
    }, ADD);
    expect(out.isolated).toBe(true);
    expect(out.first).toBe('made');
    expect(out.statuses).toEqual(['pass', 'timeout', 'timeout', 'pass']);
    // The swallowing loop needs the watchdog; the plain loop normally stops at the interrupt, but under load
    // the interrupt may miss the 500 ms grace, so only the outcome is asserted, not which mechanism won.
    expect(out.kills).toBeGreaterThanOrEqual(1);
    expect(out.later).toEqual(out.later.map(() => 'loaded'));
    expect(out.later.length).toBe(out.kills);
    expect(out.stored).toBe(1);
  });

  it('gives Python no route into the JS realm, even with the Python guard defeated', async () => {
    const out = await page.evaluate(
      async ({ code, setup, routes }) => {
        const { createBrowserPool } = (window as unknown as { engine: { createBrowserPool: Function } }).engine;
        let pageMessages = 0;
        const channel = new BroadcastChannel('verifier-lab');
        channel.onmessage = () => pageMessages++;
        const pool = createBrowserPool({ size: 1 });
        const probe = await pool.score({
          code,
          tests: { kind: 'assert', setup, asserts: [...routes, 'assert add(1, 2) == 3'] },
          compare: 'evalplus',
          limitMs: 3000,
          budgetMs: 60_000,
        });
        await new Promise((r) => setTimeout(r, 300));
        await pool.close();
        channel.close();
        return { statuses: probe.tests.map((t: { status: string }) => t.status), pageMessages };
      },
      { code: ADD, setup: GUARD_BYPASS, routes: JS_ROUTES },
    );
    const reached = JS_ROUTES.filter((_, i) => out.statuses[i] === 'pass');
    expect(reached).toEqual([]);
    expect(out.statuses.at(-1)).toBe('pass');
    expect(out.pageMessages).toBe(0);
  });

  it('the next candidate on the same worker sees nothing a candidate or a generated test changed', async () => {
    const out = await page.evaluate(
      async ({ add, cases }) => {
        const { createBrowserPool } = (window as unknown as { engine: { createBrowserPool: Function } }).engine;
        const pool = createBrowserPool({ size: 1 });
        const request = (code: string, asserts: string[]) => ({ code, tests: { kind: 'assert', setup: '', asserts }, compare: 'paper', limitMs: 3000, budgetMs: 30_000 });
        const statuses = (r: { tests: { status: string; message: string }[] }) => r.tests.map((t) => `${t.status}${t.message ? `: ${t.message}` : ''}`);
        const seen: Record<string, string[]> = {};
        for (const [what, change, check] of cases) {
          await pool.score(request(`${add}\n${change}\n`, ['assert add(1, 2) == 3']));
          seen[`${what} (candidate)`] = statuses(await pool.score(request(add, [check])));
          await pool.score(request(add, [change, 'assert add(1, 2) == 3']));
          seen[`${what} (generated test)`] = statuses(await pool.score(request(add, [check])));
        }
        const last = statuses(await pool.score(request(add, ['assert add(2, 2) == 4', 'assert add(2, 2) == 5'])));
        const { workersStarted: started, crashes, watchdogKills } = pool.stats();
        await pool.close();
        return { seen, last, started, crashes, watchdogKills };
      },
      { add: ADD, cases: CASES },
    );
    const broken = Object.entries(out.seen).filter(([, s]) => s.join() !== 'pass');
    expect(broken).toEqual([]);
    expect(Object.keys(out.seen)).toHaveLength(2 * CASES.length);
    expect(out.last.map((s) => s.split(':')[0])).toEqual(['pass', 'fail']);
    // A worker dies only in a candidate that touches JS built-ins an earlier one kept proxies of (isolation.test.ts).
    expect(out.watchdogKills).toBe(0);
    expect(out.crashes).toBeLessThanOrEqual(2);
    expect(out.started).toBe(1 + out.crashes);
  });

  it('runs no work a candidate scheduled for after its call (asyncio\'s loop, which Pyodide hands to a MessageChannel or a timer)', async () => {
    const out = await page.evaluate(async (add) => {
      const { createBrowserPool } = (window as unknown as { engine: { createBrowserPool: Function } }).engine;
      const pool = createBrowserPool({ size: 1 });
      const request = (code: string) => ({ code, tests: { kind: 'assert', setup: '', asserts: ['assert add(1, 2) == 3'] }, compare: 'paper', limitMs: 3000, budgetMs: 30_000 });
      const schedule = 'import asyncio\ndef spin():\n    while True:\n        try:\n            while True: pass\n        except BaseException:\n            pass\ntry:\n    loop = asyncio.get_event_loop()\n    loop.call_soon(spin)\n    loop.call_later(0.05, spin)\nexcept Exception:\n    pass';
      await pool.score(request(`${add}\n${schedule}\n`));
      await new Promise((r) => setTimeout(r, 300)); // room for anything scheduled to run
      const next = (await pool.score(request(add))).tests.map((t: { status: string }) => t.status);
      const { watchdogKills } = pool.stats();
      await pool.close();
      return { next, watchdogKills };
    }, ADD);
    expect(out).toEqual({ next: ['pass'], watchdogKills: 0 });
  });

  it('decides io tests outside the candidate: no expected output to find, no forged pass, no foreign pickle', async () => {
    const out = await page.evaluate(
      async ({ secret, attacks }) => {
        const { createBrowserPool } = (window as unknown as { engine: { createBrowserPool: Function } }).engine;
        const pool = createBrowserPool({ size: 1 });
        const canonical = `def f(x):\n    return ${JSON.stringify(secret)} + str(x)\n`;
        const passed: Record<string, number> = {};
        for (const compare of ['paper', 'evalplus']) {
          const inputs = { key: `b-${compare}`, source: '{"base_input": [[1], [2], [3]], "plus_input": []}', sets: ['base'] };
          const common = { taskId: 'HumanEval/901', entryPoint: 'f', inputs, compare };
          const expected = await pool.expect({ ...common, canonical, limitMs: 5000, budgetMs: 60_000 });
          const score = async (code: string) =>
            (await pool.score({ code, tests: { kind: 'io', ...common, atol: 0, expected }, compare, limitMs: 5000, budgetMs: 60_000 })).passed;
          passed[`${compare}: canonical`] = await score(canonical);
          for (const [name, code] of Object.entries(attacks)) passed[`${compare}: ${name}`] = await score(code as string);
        }
        await pool.close();
        return passed;
      },
      { secret: `${SECRET_PREFIX}${Math.random().toString(36).slice(2)}`, attacks: { READ_EXPECTED, FORGE_RESULTS, ALWAYS_EQUAL } },
    );
    expect(out).toEqual({
      'paper: canonical': 3, 'paper: READ_EXPECTED': 0, 'paper: FORGE_RESULTS': 0, 'paper: ALWAYS_EQUAL': 0,
      'evalplus: canonical': 3, 'evalplus: READ_EXPECTED': 0, 'evalplus: FORGE_RESULTS': 0, 'evalplus: ALWAYS_EQUAL': 0,
    });
  });

  it('leaves a stripped worker realm nothing to reach the network, storage or the page with', async () => {
    const out = await page.evaluate(async (url) => {
      const { probeRealm } = (window as unknown as { engine: { probeRealm: Function } }).engine;
      let pageMessages = 0;
      const channel = new BroadcastChannel('verifier-lab');
      channel.onmessage = () => pageMessages++;
      const result = await probeRealm(new URL('/pyodide/', location.href).href, url);
      await new Promise((r) => setTimeout(r, 300));
      channel.close();
      return { ...result, pageMessages };
    }, leakUrl);
    expect(out.through).toEqual([]);
    expect(out.report.stuck).toEqual([]);
    expect(out.pageMessages).toBe(0);
    expect(leakHits).toBe(0);
  });
});
