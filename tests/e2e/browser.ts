// e2e helpers: a vite preview server on dist/ and Debian Chromium with a fresh profile, both closed by the caller.
import { mkdtemp, rm } from 'node:fs/promises';
import { createServer, type AddressInfo } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { chromium, type BrowserContext, type Page } from 'playwright-core';
import { preview, type Plugin, type PreviewServer } from 'vite';
import { afterAll, beforeAll } from 'vitest';

const ROOT = fileURLToPath(new URL('../..', import.meta.url));

// From stack-notes: headless without sandbox/GPU, and no background traffic to Google.
const CHROMIUM_ARGS = [
  '--headless',
  '--no-sandbox',
  '--disable-gpu',
  '--disable-quic',
  '--no-first-run',
  '--disable-background-networking',
  '--disable-component-update',
  '--disable-sync',
];

export interface Served {
  server: PreviewServer;
  /** e.g. "http://localhost:41735/" */
  url: string;
}

/** A port nothing listens on now: tests must not collide with `npm start` (4173), a bench or each other. */
export function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const probe = createServer();
    probe.once('error', reject);
    probe.listen(0, '127.0.0.1', () => {
      const { port } = probe.address() as AddressInfo;
      probe.close(() => resolve(port));
    });
  });
}

/** Serve dist/ with the app's preview settings (COOP/COEP headers), on a free port; `plugins` may add middleware. */
export async function startPreview(plugins: Plugin[] = []): Promise<Served> {
  const port = await freePort();
  const server = await preview({ root: ROOT, configFile: `${ROOT}/vite.config.ts`, logLevel: 'silent', preview: { port, strictPort: true }, plugins });
  const url = server.resolvedUrls?.local[0];
  if (!url) throw new Error('vite preview did not report a local URL');
  return { server, url };
}

/** Serve dist/ like a plain static host: no COOP/COEP headers (vite preview without the app's config). */
export async function startStaticHost(): Promise<Served> {
  const server = await preview({
    root: ROOT,
    configFile: false,
    logLevel: 'silent',
    preview: { port: await freePort(), strictPort: true },
  });
  const url = server.resolvedUrls?.local[0];
  if (!url) throw new Error('vite preview did not report a local URL');
  return { server, url };
}

export interface Browser {
  context: BrowserContext;
  close(): Promise<void>;
}

export interface LaunchOptions {
  /** 'block' keeps the app's service worker out, so every request reaches the network (and the test's routes). */
  serviceWorkers?: 'allow' | 'block';
}

/** Launch Chromium with a new, empty profile (no service worker or cache from earlier runs). */
export async function launchBrowser(executablePath: string, options: LaunchOptions = {}): Promise<Browser> {
  const profile = await mkdtemp(join(tmpdir(), 'verifier-lab-e2e-'));
  const context = await chromium.launchPersistentContext(profile, {
    executablePath,
    headless: true,
    args: CHROMIUM_ARGS,
    viewport: { width: 1280, height: 800 },
    serviceWorkers: options.serviceWorkers ?? 'allow',
  });
  return {
    context,
    async close() {
      await context.close();
      await rm(profile, { recursive: true, force: true });
    },
  };
}

export interface PageLog {
  /** Console errors and uncaught exceptions. */
  errors: string[];
  /** Every URL the context requested (pages and service worker). */
  requests: string[];
}

/** Record console errors, page errors and requests of a context's pages. */
export function recordPage(context: BrowserContext, page: Page): PageLog {
  const log: PageLog = { errors: [], requests: [] };
  page.on('console', (msg) => {
    if (msg.type() === 'error') log.errors.push(`console: ${msg.text()} (${msg.location().url})`);
  });
  page.on('pageerror', (err) => log.errors.push(`pageerror: ${err.message}`));
  context.on('request', (req) => log.requests.push(req.url()));
  return log;
}

/** URLs that leave this machine (anything not localhost, data: or blob:). */
export function externalUrls(urls: readonly string[]): string[] {
  return urls.filter((u) => {
    const url = new URL(u);
    if (url.protocol === 'data:' || url.protocol === 'blob:') return false;
    return !['localhost', '127.0.0.1', '[::1]'].includes(url.hostname);
  });
}

/**
 * Wait until a service worker controls the page, in two steps with their own deadlines so a failure says which:
 * one is active for the page (installed, which precaches about 26 MB, and activated: 5-10 s on a loaded 2-core
 * machine), then it controls this page (the activation's claim, or the app asking to be claimed if that missed it).
 * Polls on a timer (requestAnimationFrame may not run in a background tab) and survives the page reloading.
 */
export async function waitForServiceWorker(page: Page, installTimeout = 90_000): Promise<void> {
  await page
    .waitForFunction(
      () => {
        const w = window as { swReadySeen?: boolean; swReadyWatched?: boolean };
        if (!w.swReadyWatched) void navigator.serviceWorker.ready.then(() => (w.swReadySeen = true));
        w.swReadyWatched = true;
        return w.swReadySeen === true;
      },
      undefined,
      { polling: 200, timeout: installTimeout },
    )
    .catch((err: unknown) => {
      throw new Error(`no service worker became active for the page within ${installTimeout / 1000} s (install failed or slow)`, { cause: err });
    });
  await page
    .waitForFunction(() => navigator.serviceWorker.controller !== null, undefined, { polling: 100, timeout: 30_000 })
    .catch((err: unknown) => {
      throw new Error('a service worker is active but does not control the page', { cause: err });
    });
}

export interface AppOptions extends LaunchOptions {
  /** How the app is served: the app's preview by default, or another server (a static host, a special build). */
  serve?: () => Promise<Served>;
}

export interface App {
  served: Served;
  browser: Browser;
  /** Stops the server now (a test that goes offline); closing twice is harmless. */
  closeServer(): Promise<void>;
}

/** The app on a free port and a fresh Chromium for one describe block: opened before its tests, closed after. */
export function useApp(executablePath: string, options: AppOptions = {}): App {
  let serverClosed: Promise<void> | null = null;
  const app = {
    closeServer() {
      serverClosed ??= app.served?.server.close() ?? Promise.resolve();
      return serverClosed;
    },
  } as App;
  beforeAll(async () => {
    app.served = await (options.serve ?? startPreview)();
    app.browser = await launchBrowser(executablePath, options);
  });
  afterAll(async () => {
    await app.browser?.close();
    await app.closeServer();
  });
  return app;
}

/** Records main-thread long tasks in every page of the context, for takeLongTasks. */
export async function recordLongTasks(context: BrowserContext): Promise<void> {
  await context.addInitScript(() => {
    const w = window as unknown as { __longTasks: number[] };
    w.__longTasks = [];
    new PerformanceObserver((list) => {
      for (const entry of list.getEntries()) w.__longTasks.push(entry.duration);
    }).observe({ type: 'longtask', buffered: true });
  });
}

/** Long-task durations (ms) recorded since the last call, then cleared. */
export function takeLongTasks(page: Page): Promise<number[]> {
  return page.evaluate(() => (window as unknown as { __longTasks: number[] }).__longTasks.splice(0));
}
