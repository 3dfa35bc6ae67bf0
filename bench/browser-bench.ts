// The browser side of the benchmark: builds bench/browser/ with vite (production build, Pyodide emitted by
// the app's own plugin), serves it with vite preview and the isolation headers (COOP/COEP, so interrupts
// work as in the app), and drives Debian's Chromium headless through playwright-core.
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import type { Page } from 'playwright-core';
import { build, preview, type PreviewServer } from 'vite';
import type { ReadyInfo } from '../src/engine/runtime';
import { launchBrowser, type Browser } from '../tests/e2e/browser';
import { pyodideAssets } from '../vite-plugins/pyodide-assets';
import type { AnalysisTiming } from './browser/analysis-timing';
import type { WorkloadRun } from './run-workload';
import type { BenchProblem } from './workload';

const PAGE_ROOT = fileURLToPath(new URL('./browser/', import.meta.url));
const HEADERS = {
  'Cross-Origin-Opener-Policy': 'same-origin',
  'Cross-Origin-Embedder-Policy': 'require-corp',
  'Cross-Origin-Resource-Policy': 'same-origin',
};

/** Wall time from creating a pool to every worker ready, as the page's main thread sees it. */
export interface ReadyTime {
  wallMs: number;
  info: ReadyInfo[];
}

export class BrowserBench {
  private constructor(
    private readonly outDir: string,
    private readonly server: PreviewServer,
    private readonly browser: Browser,
    private readonly page: Page,
    readonly url: string,
  ) {}

  static async start(chromium: string, port = 4173): Promise<BrowserBench> {
    const outDir = mkdtempSync(join(tmpdir(), 'verifier-lab-bench-page-'));
    const nodeEnv = process.env.NODE_ENV;
    process.env.NODE_ENV = 'production';
    try {
      await build({
        configFile: false,
        root: PAGE_ROOT,
        base: './',
        plugins: [pyodideAssets()],
        worker: { format: 'es' },
        build: { outDir, emptyOutDir: true },
        // 'error': pyodide.mjs's node:* imports are externalized for the browser, as in the app's build.
        logLevel: 'error',
      });
    } finally {
      process.env.NODE_ENV = nodeEnv;
    }
    // 4173 as the app's preview; the next free port when another preview holds it.
    const server = await preview({ configFile: false, root: PAGE_ROOT, build: { outDir }, preview: { port, strictPort: false, headers: HEADERS }, logLevel: 'silent' });
    const url = server.resolvedUrls?.local[0];
    if (!url) throw new Error('vite preview did not report a local URL');
    const browser = await launchBrowser(chromium);
    const page = await browser.context.newPage();
    const bench = new BrowserBench(outDir, server, browser, page, url);
    await bench.load();
    return bench;
  }

  /** (Re)load the page: a fresh JavaScript realm, HTTP cache and IndexedDB kept. */
  async load(): Promise<void> {
    await this.page.goto(this.url);
    await this.page.waitForFunction(() => (window as unknown as { benchLoaded?: boolean }).benchLoaded === true);
    const isolated = await this.page.evaluate(() => (window as unknown as { bench: { interruptsAvailable(): boolean } }).bench.interruptsAvailable());
    if (!isolated) throw new Error('the bench page is not cross-origin isolated: interrupts would not work');
  }

  /** Start a pool (no snapshot when cold; from the IndexedDB snapshot when warm), time it, close it. */
  async ready(size: number, warm: boolean): Promise<ReadyTime> {
    await this.load(); // a fresh page each time; warm = a returning visit with the snapshot in IndexedDB
    return this.page.evaluate(
      async ({ size, warm }) => {
        const b = (window as unknown as { bench: BenchApi }).bench;
        const t = performance.now();
        const pool = b.createBrowserPool({ size, snapshotStore: warm ? b.idbSnapshotStore() : null });
        const info = await pool.ready();
        const wallMs = performance.now() - t;
        await pool.close();
        return { wallMs, info };
      },
      { size, warm },
    );
  }

  /** Make the snapshot once and wait until it is in IndexedDB. */
  async primeSnapshot(): Promise<void> {
    await this.page.evaluate(async () => {
      const b = (window as unknown as { bench: BenchApi }).bench;
      const store = b.idbSnapshotStore();
      await store.clear();
      const pool = b.createBrowserPool({ size: 1, snapshotStore: store });
      await pool.ready();
      for (let i = 0; i < 600 && (await store.count()) === 0; i++) await new Promise((r) => setTimeout(r, 100));
      await pool.close();
      if ((await store.count()) === 0) throw new Error('no snapshot was stored');
    });
  }

  /** Open the throughput pool (warm, from the snapshot) and keep it on the page for runWorkload. */
  async openPool(size: number): Promise<ReadyTime> {
    await this.load();
    return this.page.evaluate(async (size) => {
      const w = window as unknown as { bench: BenchApi; pool?: unknown };
      const t = performance.now();
      const pool = w.bench.createBrowserPool({ size, snapshotStore: w.bench.idbSnapshotStore() });
      w.pool = pool;
      const info = await pool.ready();
      return { wallMs: performance.now() - t, info };
    }, size);
  }

  runWorkload(problems: readonly BenchProblem[]): Promise<WorkloadRun> {
    return this.page.evaluate((problems) => {
      const w = window as unknown as { bench: BenchApi; pool: unknown };
      return w.bench.runWorkload(w.pool, problems);
    }, problems as BenchProblem[]);
  }

  /** The leaderboard's computation at MBPP-R scale in the analysis worker, on a freshly loaded page. */
  async analysisTiming(): Promise<AnalysisTiming> {
    await this.load();
    return this.page.evaluate(() => (window as unknown as { bench: BenchApi }).bench.analysisTiming());
  }

  /** Forget the canonical runs the page's IndexedDB keeps. */
  async clearCanonicalCache(): Promise<void> {
    await this.page.evaluate(() => (window as unknown as { bench: BenchApi }).bench.clearCanonicalCache());
  }

  /** The app's re-verification of a dataset text, whole job, on a freshly loaded page (snapshot in IndexedDB). */
  async verifyWhole(text: string): Promise<{ wallMs: number; workers: number; disagree: number }> {
    await this.load();
    return this.page.evaluate((text) => (window as unknown as { bench: BenchApi }).bench.verifyWhole(text), text);
  }

  async close(): Promise<void> {
    await this.browser.close().catch(() => {});
    await this.server.close();
    rmSync(this.outDir, { recursive: true, force: true });
  }
}

/** What bench/browser/main.ts puts on window (loosely typed: it lives in the page). */
interface BenchApi {
  createBrowserPool(options: object): { ready(): Promise<ReadyInfo[]>; close(): Promise<void> };
  interruptsAvailable(): boolean;
  runWorkload(pool: unknown, problems: unknown): Promise<WorkloadRun>;
  idbSnapshotStore(): { clear(): Promise<void>; count(): Promise<number> };
  verifyWhole(text: string): Promise<{ wallMs: number; workers: number; disagree: number }>;
  clearCanonicalCache(): Promise<void>;
  analysisTiming(): Promise<AnalysisTiming>;
}
