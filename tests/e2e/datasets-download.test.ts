// Downloading official datasets from a local mirror: the license gate, progress, every scripted failure leaving
// nothing stored, cancel (which stops the dataset worker parsing the body), and a good download that stays browsable
// after a reload and offline.
import { createHash } from 'node:crypto';
import type { Worker } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest';
import { syntheticDatasetText } from '../fixtures/official-schema/synthetic';
import { startDatasetServer, type Behaviour, type DatasetServer } from '../servers/dataset-server';
import { recordPage, useApp, waitForServiceWorker } from './browser';
import { openDatasets, startDownload, storedCounts, useMirror } from './datasets-helpers';

const chromiumPath = inject('chromiumPath');

// Big enough (about 300 kB) that the slow behaviour takes seconds: progress is visible and cancellable.
const HE_TEXT = syntheticDatasetText({ family: 'humaneval', problems: 60, candidates: (i) => 3 + (i % 3), tests: 5, plusInputs: 4, padWords: 300, prefix: 'SynthHE' });
const HE_SOLUTIONS = Array.from({ length: 60 }, (_, i) => 3 + (i % 3)).reduce((a, b) => a + b);

describe.skipIf(!chromiumPath)('official dataset downloads', () => {
  const app = useApp(chromiumPath!);
  let server: DatasetServer;

  beforeAll(async () => {
    server = await startDatasetServer();
    server.put('HE-R.jsonl', HE_TEXT);
  });
  afterAll(async () => {
    await server?.close();
  });

  const failures: [Behaviour, string, RegExp][] = [
    ['404', 'The server refused the file', /HTTP 404 Not Found/],
    ['html', 'That is not a dataset file', /web page/],
    ['truncate', 'The file arrived incomplete', /the transfer (broke off|ended) after/],
    ['malformed', 'Line 3 of the file is not valid', /^line 3: /],
  ];

  it('shows a clear error and stores nothing for a 404, an HTML page, a truncated body and a malformed line', async () => {
    const page = await app.browser.context.newPage();
    await openDatasets(page, app.served.url);
    for (const [behaviour, title, message] of failures) {
      await useMirror(page, server.base(behaviour));
      const row = await startDownload(page, 'HE-R');
      const alert = row.getByRole('alert');
      await alert.getByText(title).waitFor();
      expect(await alert.locator('.message').textContent(), behaviour).toMatch(message);
      await alert.getByText('Nothing was stored.').waitFor();
      expect(await storedCounts(page), behaviour).toEqual([0, 0]);
    }
    expect(server.requests).toEqual(expect.arrayContaining(failures.map(([b]) => `/${b}/HE-R.jsonl`)));
    await page.close();
  });

  it('cancels a running download, stopping the dataset worker that parses it, and stores nothing', async () => {
    const page = await app.browser.context.newPage();
    const running = new Set<Worker>();
    page.on('worker', (worker) => {
      if (!/dataset\.worker/.test(worker.url())) return;
      running.add(worker);
      worker.on('close', () => running.delete(worker));
    });
    await openDatasets(page, app.served.url);
    await useMirror(page, server.base('slow'));
    const row = await startDownload(page, 'HE-R');
    const figures = row.locator('.figures');
    await expect.poll(() => figures.textContent(), { timeout: 20_000 }).toMatch(/[1-9]\d* % · \d+ lines? checked/);
    expect(await row.locator('progress').getAttribute('value')).not.toBeNull();
    expect(running.size).toBe(1);
    await row.getByRole('button', { name: 'Cancel HE-R' }).click();
    await row.getByText('Cancelled. Nothing was stored.').waitFor();
    await expect.poll(() => running.size).toBe(0);
    expect(await storedCounts(page)).toEqual([0, 0]);
    await page.close();
  });

  it('downloads with progress, stores once, and browses the dataset after a reload and offline', async () => {
    const page = await app.browser.context.newPage();
    const log = recordPage(app.browser.context, page);
    await openDatasets(page, app.served.url);
    await useMirror(page, server.base('slow'));
    const row = await startDownload(page, 'HE-R');
    const seen = new Set<string>();
    const figures = row.locator('.figures');
    while ((await row.locator('.ok').count()) === 0) {
      const text = await figures.textContent().catch(() => null);
      if (text) seen.add(text);
      await page.waitForTimeout(100);
    }
    const bytes = Buffer.byteLength(HE_TEXT);
    // Progress was shown in bytes and percent against the Content-Length, on the way up.
    expect([...seen].some((t) => new RegExp(`of ${(bytes / 1000).toFixed(1)} kB · [1-9]\\d? %`).test(t))).toBe(true);
    await row.getByText(`Stored HE-R: 60 problems, ${HE_SOLUTIONS} solutions`).waitFor();
    expect(await storedCounts(page)).toEqual([1, 1]);

    const sha = createHash('sha256').update(HE_TEXT).digest('hex');
    const stored = page.locator(`section[aria-labelledby="stored-heading"] li[data-id="${sha}"]`);
    expect(await stored.locator('.problems').textContent()).toBe('60');
    expect(await stored.locator('.solutions').textContent()).toBe(String(HE_SOLUTIONS));
    expect(await stored.locator('.sha').textContent()).toBe(`${sha.slice(0, 12)}…`);
    await stored.getByText(/downloaded from 127\.0\.0\.1:\d+/).waitFor();

    // The same file again is recognised, not stored twice.
    await useMirror(page, server.base('ok'));
    await startDownload(page, 'HE-R');
    await row.getByText('This file is already stored as “HE-R”').waitFor();
    expect(await storedCounts(page)).toEqual([1, 1]);

    await stored.getByRole('button', { name: 'Browse HE-R' }).click();
    await expect.poll(() => page.locator('#problem-count').textContent()).toBe('60 problems · 1–50 shown');
    await page.getByRole('button', { name: 'Next page' }).click();
    await expect.poll(() => page.locator('#problem-list a').count()).toBe(10);

    await waitForServiceWorker(page);
    await page.reload();
    await expect.poll(() => page.locator('#problem-count').textContent()).toBe('60 problems · 1–50 shown');
    await app.browser.context.setOffline(true);
    try {
      await page.reload();
      await expect.poll(() => page.locator('#problem-count').textContent()).toBe('60 problems · 1–50 shown');
      await page.locator('#problem-list a').nth(3).click();
      await expect.poll(() => page.locator('#problem-title').textContent()).toBe('SynthHE/3');
      await expect.poll(() => page.locator('.ladder > li').count()).toBe(3 + (3 % 3));
    } finally {
      await app.browser.context.setOffline(false);
    }
    expect(log.errors.filter((e) => !e.includes('Failed to load resource'))).toEqual([]);
    await page.close();
  });
});
