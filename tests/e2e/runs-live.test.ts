// What the tab that executes a run shows while it works: a status label that follows the run (also after a pause
// and a failure), after a reload a prompt for the API key before anything is sent, and the Python engine's start
// apart from test generation. Requests to the local OpenAI mock wait at its gate and Pyodide's wasm at a route
// until the test lets them go, so "while running" or "while Python starts" are states the test controls, not
// moments it hopes to catch.
import type { Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest';
import { startOpenAiMock, type OpenAiMock } from '../servers/openai-mock';
import { audit, report } from './axe-audit';
import { recordPage, useApp, waitForServiceWorker } from './browser';
import { dumpIndexedDb } from './idb-dump';

const chromiumPath = inject('chromiumPath');
const KEY = 'sk-e2e-live-5c1d9e';
const PROBLEMS = 3;

/** Fills the new-run form for the first PROBLEMS demo problems and starts the run; resolves on its page. */
async function startRun(page: Page, mock: OpenAiMock, options: { model: string; key: string; remember?: boolean }): Promise<void> {
  await page.goto(new URL('#/runs/new', page.url()).href);
  const ranking = page.getByLabel('Ranking set');
  await expect.poll(() => ranking.evaluate((s: HTMLSelectElement) => s.selectedOptions[0]?.textContent ?? '')).toMatch(/^Demo-R \(DEMO\)/);
  await page.getByLabel('Only the first N (0 = all)').fill(String(PROBLEMS));
  await page.getByLabel('Base URL').fill(mock.url);
  await page.getByLabel('Model', { exact: true }).fill(options.model);
  await page.getByLabel('API key').fill(options.key);
  if (options.remember) await page.getByLabel('Remember this key in this browser').check();
  await page.getByRole('button', { name: 'Create and start the run' }).click();
  await page.waitForURL(/#\/runs\/[0-9a-f-]{36}$/);
}

/** The run of this page's URL as stored in IndexedDB. */
async function storedRun(page: Page): Promise<{ status: string; error: string | null }> {
  const runId = /#\/runs\/([0-9a-f-]{36})$/.exec(page.url())![1]!;
  const stored = JSON.parse(await dumpIndexedDb(page, '')) as Record<string, { id: string; status: string; error: string | null }[]>;
  return stored['verifier-lab/runs']!.find((r) => r.id === runId)!;
}

/** axe's serious and critical WCAG 2 A/AA findings on the page as it is, in the light and the dark scheme. */
async function auditSchemes(page: Page, state: string): Promise<void> {
  const findings = [];
  for (const colorScheme of ['light', 'dark'] as const) {
    await page.emulateMedia({ colorScheme });
    findings.push(...(await audit(page, `${state}, ${colorScheme}`)));
  }
  await page.emulateMedia({ colorScheme: null });
  expect(findings, report(findings)).toEqual([]);
}

/** Resolves once the mock has received `n` requests more than `since` (held ones included). */
async function requestsAfter(mock: OpenAiMock, since: number, n = 1): Promise<void> {
  await expect.poll(() => mock.requests.length - since, { timeout: 60_000 }).toBeGreaterThanOrEqual(n);
}

let mock: OpenAiMock;
beforeAll(async () => {
  mock = await startOpenAiMock({ apiKey: KEY });
});
afterAll(async () => {
  await mock?.close();
});

describe.skipIf(!chromiumPath)('a running run in the tab that runs it', () => {
  const app = useApp(chromiumPath!);

  it('labels it Running while it runs: when started, after a pause, and after a failure', async () => {
    mock.reset();
    mock.gate.close();
    const page = await app.browser.context.newPage();
    const log = recordPage(app.browser.context, page);
    await page.goto(app.served.url);
    await waitForServiceWorker(page); // its first activation reloads the page once; get that over with
    const badge = page.locator('.page-head .status');

    // A draft run, started: its requests wait at the gate, so it is running until the gate opens.
    await startRun(page, mock, { model: 'mock-asserts+hold', key: KEY });
    await requestsAfter(mock, 0);
    await expect.poll(() => badge.textContent()).toBe('Running');
    await page.getByRole('link', { name: '← All runs' }).click();
    await expect.poll(() => page.getByRole('row').nth(1).locator('.status').textContent()).toBe('Running');
    await page.goBack();

    // Paused, then resumed.
    await page.getByRole('button', { name: 'Pause' }).click();
    await expect.poll(() => badge.textContent()).toBe('Paused');
    let sent = mock.requests.length;
    await page.getByRole('button', { name: 'Resume' }).click();
    await requestsAfter(mock, sent);
    await expect.poll(() => badge.textContent()).toBe('Running');

    // Paused, resumed with a wrong key: it fails with the server's 401.
    await page.getByRole('button', { name: 'Pause' }).click();
    await expect.poll(() => badge.textContent()).toBe('Paused');
    await page.getByLabel(/^API key for /).fill('sk-wrong');
    await page.getByRole('button', { name: 'Resume' }).click();
    await expect.poll(() => badge.textContent(), { timeout: 60_000 }).toBe('Failed');
    await page.getByText('The run stopped with an error').waitFor();

    // Resumed with the right key: running again (not "Failed"), and the old error is not shown meanwhile.
    sent = mock.requests.length;
    await page.getByLabel(/^API key for /).fill(KEY);
    await page.getByRole('button', { name: 'Resume' }).click();
    await requestsAfter(mock, sent);
    await expect.poll(() => badge.textContent()).toBe('Running');
    expect(await page.getByText('The run stopped with an error').count()).toBe(0);

    mock.gate.open();
    await expect.poll(() => badge.textContent(), { timeout: 120_000 }).toBe('Done');
    expect(await page.locator('[data-fact="problems"]').textContent()).toBe(`${PROBLEMS} / ${PROBLEMS}`);
    // The only other key sent is the wrong one (the requests in flight when the first 401 came back).
    const others = new Set(mock.requests.filter((r) => r.headers.authorization !== `Bearer ${KEY}`).map((r) => r.headers.authorization));
    expect([...others]).toEqual(['Bearer sk-wrong']);
    expect(log.errors.filter((e) => !e.includes('status of 401'))).toEqual([]); // the browser logs the 401s themselves
    await page.close();
  });

  it('asks for the API key after a reload before it resumes: nothing is sent without it, and "Not now" leaves the run as it was', async () => {
    mock.reset();
    mock.gate.close();
    const page = await app.browser.context.newPage();
    const log = recordPage(app.browser.context, page);
    await page.goto(app.served.url);
    await waitForServiceWorker(page);
    const badge = page.locator('.page-head .status');
    const prompt = page.getByRole('form', { name: 'API key needed to resume' });

    // Started with a key that is not remembered: the reload forgets it while the run is running.
    await startRun(page, mock, { model: 'mock-asserts+hold', key: KEY });
    await requestsAfter(mock, 0);
    await expect.poll(() => badge.textContent()).toBe('Running');
    await page.reload();
    await prompt.waitFor({ timeout: 60_000 });
    expect(await badge.textContent()).toBe('Needs API key');
    expect(await prompt.getByLabel(/^API key for /).getAttribute('type')).toBe('password');
    await auditSchemes(page, 'key prompt');

    // Not now: the prompt goes, the run is stored exactly as it was ('running', no error), and nothing was sent.
    await prompt.getByRole('button', { name: 'Not now' }).click();
    await prompt.waitFor({ state: 'detached' });
    expect(await badge.textContent()).toBe('Needs API key');
    expect(await storedRun(page)).toMatchObject({ status: 'running', error: null });

    // The next load asks again; with the key the run resumes, and only with it.
    await page.reload();
    await prompt.waitFor({ timeout: 60_000 });
    const sent = mock.requests.length;
    await prompt.getByLabel(/^API key for /).fill(KEY);
    await prompt.getByRole('button', { name: 'Resume' }).click();
    await requestsAfter(mock, sent);
    await expect.poll(() => badge.textContent()).toBe('Running');
    mock.gate.open();
    await expect.poll(() => badge.textContent(), { timeout: 120_000 }).toBe('Done');
    expect(await page.locator('[data-fact="problems"]').textContent()).toBe(`${PROBLEMS} / ${PROBLEMS}`);

    // Every request carried the key (no 401 ever), and the key is neither in IndexedDB nor in localStorage.
    expect(mock.requests.length).toBeGreaterThan(0);
    expect(mock.requests.filter((r) => r.headers.authorization !== `Bearer ${KEY}`)).toEqual([]);
    expect(await dumpIndexedDb(page, KEY)).not.toContain(KEY);
    expect(await page.evaluate(() => JSON.stringify({ ...localStorage }))).not.toContain(KEY);
    expect(log.errors).toEqual([]);
    await page.close();
  });
});

describe.skipIf(!chromiumPath)('the Python engine of a running run', () => {
  // No service worker: Pyodide's files then come from the network, where the test's route holds them.
  const app = useApp(chromiumPath!, { serviceWorkers: 'block' });

  it('shows Python starting on its own line while tests are generated, then ready', async () => {
    mock.reset();
    mock.gate.open();
    let release!: () => void;
    const held = new Promise<void>((resolve) => (release = resolve));
    let asked = 0;
    await app.browser.context.route('**/pyodide/pyodide.asm.wasm', async (route) => {
      asked++;
      await held;
      await route.continue();
    });
    const page = await app.browser.context.newPage();
    const log = recordPage(app.browser.context, page);
    await page.goto(app.served.url);
    const engine = page.locator('[data-fact="engine"]');

    await startRun(page, mock, { model: 'mock-asserts', key: KEY });
    await expect.poll(() => asked, { timeout: 60_000 }).toBeGreaterThan(0);
    await expect.poll(() => engine.textContent()).toMatch(/^Starting Python…/);
    expect(await engine.getAttribute('role')).toBe('status');
    await auditSchemes(page, 'Python starting');
    // Generation goes on while Python is held; nothing can execute yet, and the engine line still says so.
    await expect.poll(() => page.locator('[data-fact="generations"]').textContent(), { timeout: 60_000 }).toBe(`${PROBLEMS} / ${PROBLEMS}`);
    expect(await page.locator('[data-fact="candidates"]').textContent()).toMatch(/^0 \/ [1-9]/);
    expect(await engine.textContent()).toMatch(/^Starting Python…/);
    expect(await page.locator('.page-head .status').textContent()).toBe('Running');

    release();
    await expect.poll(() => engine.textContent(), { timeout: 120_000 }).toMatch(/^Python ready \(\d+ workers?\)$/);
    await expect.poll(() => page.locator('.page-head .status').textContent(), { timeout: 120_000 }).toBe('Done');
    // Once the run is over, the engine line goes with the rest of the live view.
    expect(await engine.count()).toBe(0);
    expect(log.errors).toEqual([]);
    await page.close();
  });
});
