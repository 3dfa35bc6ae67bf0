// Big inputs: a file with an over-long line is refused at import or download (read in a worker) naming the line and
// both sizes, and nothing is stored; the caps come from Settings; a stored dataset that did not finish opening is not
// reopened at start-up, and the notice offers to open it anyway or delete it.
import { readFileSync } from 'node:fs';
import type { Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest';
import { startDatasetServer, type DatasetServer } from '../servers/dataset-server';
import { recordPage, useApp } from './browser';
import { demo } from './demo-data';
import { openDatasets, startDownload, storedCounts, useMirror } from './datasets-helpers';

const chromiumPath = inject('chromiumPath');
const MBPP = readFileSync(new URL('../fixtures/official-schema/MBPP-R.jsonl', import.meta.url), 'utf8');
const OPENING_KEY = 'verifier-lab:datasets:opening:v1';

const importBox = (page: Page) => page.locator('section[aria-labelledby="import-heading"]');
const stored = (page: Page) => page.locator('section[aria-labelledby="stored-heading"]');
const notice = (page: Page) => page.locator('#dataset-notice');
const problemCount = (page: Page) => page.locator('#problem-count').textContent();

const FIRST = MBPP.split('\n')[0]!;
const PREFIX = '{"task_id": 1, "text": "';
if (!FIRST.startsWith(PREFIX)) throw new Error('the MBPP-R fixture changed: update how the 9th line is made');

/**
 * Drops a file made in the page (so megabytes need not cross the wire): the MBPP-R fixture and, when `bytes` is
 * given, a valid 9th problem of exactly that many UTF-8 bytes (the first line as task 9, its statement padded).
 */
async function dropFile(page: Page, name: string, bytes?: number): Promise<void> {
  const padding = bytes === undefined ? 0 : bytes - Buffer.byteLength(FIRST);
  await page.evaluate(
    ({ name, text, first, prefix, padding }) => {
      const ninth = `${first.replace(prefix, `{"task_id": 9, "text": "${'x'.repeat(padding)}`)}\n`;
      const transfer = new DataTransfer();
      transfer.items.add(new File(padding === 0 ? [text] : [text, ninth], name, { type: 'application/jsonl' }));
      document.querySelector('.drop')!.dispatchEvent(new DragEvent('drop', { dataTransfer: transfer, bubbles: true, cancelable: true }));
    },
    { name, text: MBPP, first: FIRST, prefix: PREFIX, padding },
  );
}

/** The MBPP-R fixture with a valid 9th problem of exactly `bytes` UTF-8 bytes, as dropFile makes it in the page. */
function withNinth(bytes: number): string {
  return `${MBPP}${FIRST.replace(PREFIX, `{"task_id": 9, "text": "${'x'.repeat(bytes - Buffer.byteLength(FIRST))}`)}\n`;
}

/** Sets the largest line in Settings (MB), then comes back to the Datasets page. */
async function setLineLimit(page: Page, url: string, mb: number | 'reset'): Promise<void> {
  await page.goto(`${url}#/settings`);
  if (mb === 'reset') await page.getByRole('button', { name: 'Reset the limits' }).click();
  else await page.locator('#max-line-mb').fill(String(mb));
  await page.locator('#max-line-mb').press('Tab'); // commits the change
  await page.goto(`${url}#/datasets`);
}

describe.skipIf(!chromiumPath)('big dataset inputs', () => {
  const app = useApp(chromiumPath!);
  let server: DatasetServer;
  beforeAll(async () => {
    server = await startDatasetServer();
  });
  afterAll(async () => {
    await server?.close();
  });

  it('refuses a line over the default cap in a worker, naming it, and stores nothing; the cap is a setting', async () => {
    const page = await app.browser.context.newPage();
    const log = recordPage(app.browser.context, page);
    const workers: string[] = [];
    page.on('worker', (worker) => workers.push(worker.url()));
    await openDatasets(page, app.served.url);

    await dropFile(page, 'MBPP-R.jsonl', 9_000_000);
    const alert = importBox(page).getByRole('alert');
    await alert.getByText('Line 9 is too long').waitFor();
    expect(await alert.locator('.message').textContent()).toBe('line 9: 9.0 MB (9,000,000 bytes), over the limit of 8.0 MB per line');
    await alert.getByText('Nothing was stored.').waitFor();
    expect(await alert.getByRole('link', { name: 'Settings' }).getAttribute('href')).toBe('#/settings');
    expect(await storedCounts(page)).toEqual([0, 0]);
    expect(workers.some((url) => /dataset\.worker/.test(url))).toBe(true);

    // A lower cap from Settings applies to the next import.
    await setLineLimit(page, app.served.url, 1);
    await dropFile(page, 'MBPP-R.jsonl', 1_500_000);
    await importBox(page).getByRole('alert').getByText('Line 9 is too long').waitFor();
    expect(await importBox(page).locator('.message').textContent()).toBe('line 9: 1.5 MB (1,500,000 bytes), over the limit of 1.0 MB per line');
    expect(await storedCounts(page)).toEqual([0, 0]);
    await setLineLimit(page, app.served.url, 'reset');
    await dropFile(page, 'MBPP-R.jsonl', 1_500_000);
    await importBox(page).getByText('Stored MBPP-R: 9 problems').waitFor();
    expect(await storedCounts(page)).toEqual([1, 1]);
    expect(log.errors).toEqual([]);
    await page.close();
  });

  it('does not reopen at start-up a dataset that did not finish opening, and offers to open it anyway or delete it', async () => {
    const page = await app.browser.context.newPage();
    const log = recordPage(app.browser.context, page);
    await openDatasets(page, app.served.url);

    // Opening it renders it: the mark is cleared, and a reload shows it again.
    await stored(page).getByRole('button', { name: 'Browse MBPP-R', exact: true }).click();
    await expect.poll(() => problemCount(page)).toBe('9 problems');
    await expect.poll(() => page.evaluate((key) => localStorage.getItem(key), OPENING_KEY)).toBeNull();
    await page.reload();
    await expect.poll(() => problemCount(page)).toBe('9 problems');

    // Stored under the default caps, it is over a lower one: opening it at start-up fails cleanly (it is not a
    // freeze, but it did not render either), so the next start-up does not open it again.
    await setLineLimit(page, app.served.url, 1);
    await page.reload();
    await page.getByText('The dataset could not be read').waitFor();
    await page.getByText(/^line 9: 1\.5 MB \(1,500,000 bytes\), over the limit of 1\.0 MB per line$/).waitFor();
    await page.getByText(/over this browser's dataset size limits/).waitFor();
    await page.reload();
    await expect.poll(() => problemCount(page)).toBe(`${demo.problems.length} problems`);
    expect(await notice(page).textContent()).toMatch(/^MBPP-R was not opened at start-up: last time it did not finish opening/);

    // With the default caps again, open it anyway: shown, and reopened at start-up as usual.
    await setLineLimit(page, app.served.url, 'reset');
    await page.getByRole('button', { name: 'Open MBPP-R anyway', exact: true }).click();
    await expect.poll(() => problemCount(page)).toBe('9 problems');
    expect(await notice(page).count()).toBe(0);
    await page.reload();
    await expect.poll(() => problemCount(page)).toBe('9 problems');

    // A tab that froze or closed while opening leaves the mark too: delete it from the notice, after confirming.
    await page.evaluate(([key, id]) => localStorage.setItem(key!, id!), [OPENING_KEY, await stored(page).locator('li').nth(1).getAttribute('data-id')]);
    await page.reload();
    await notice(page).getByText(/^MBPP-R was not opened at start-up/).waitFor();
    await page.getByRole('button', { name: 'Delete MBPP-R…', exact: true }).click();
    await page.getByRole('button', { name: 'Keep it' }).click();
    await page.getByRole('button', { name: 'Delete MBPP-R…', exact: true }).click();
    await page.getByRole('button', { name: 'Delete MBPP-R for good' }).click();
    await notice(page).getByText('MBPP-R was deleted from this browser.').waitFor();
    await expect.poll(() => storedCounts(page)).toEqual([0, 0]);
    expect(log.errors).toEqual([]);
    await page.close();
  });

  it('parses a download in the worker too: an over-long line is refused with the same message and nothing is stored', async () => {
    const page = await app.browser.context.newPage();
    const log = recordPage(app.browser.context, page);
    const workers: string[] = [];
    page.on('worker', (worker) => workers.push(worker.url()));
    const datasetWorkers = () => workers.filter((url) => /dataset\.worker/.test(url)).length;
    server.put('MBPP-R.jsonl', withNinth(1_500_000));
    await openDatasets(page, app.served.url);
    await useMirror(page, server.base('ok'));

    await setLineLimit(page, app.served.url, 1);
    let before = datasetWorkers();
    const row = await startDownload(page, 'MBPP-R');
    const alert = row.getByRole('alert');
    await alert.getByText('Line 9 is too long').waitFor();
    expect(await alert.locator('.message').textContent()).toBe('line 9: 1.5 MB (1,500,000 bytes), over the limit of 1.0 MB per line');
    await alert.getByText('Nothing was stored.').waitFor();
    expect(await storedCounts(page)).toEqual([0, 0]);
    await expect.poll(datasetWorkers).toBe(before + 1);
    expect(server.requests).toContain('/ok/MBPP-R.jsonl');

    // Under the default cap the same file downloads, again through the worker, and is stored once.
    await setLineLimit(page, app.served.url, 'reset');
    before = datasetWorkers();
    await startDownload(page, 'MBPP-R');
    await row.getByText(/^Stored MBPP-R: 9 problems/).waitFor();
    expect(await storedCounts(page)).toEqual([1, 1]);
    await expect.poll(datasetWorkers).toBe(before + 1);
    expect(log.errors).toEqual([]);
    await page.close();
  });
});
