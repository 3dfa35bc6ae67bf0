// Deleting a stored dataset: the tab that shows it, another tab that shows it, and a run made on it all say so
// clearly and switch to what remains (the bundled demo); what else the user chose stays as it was.
import { readFileSync } from 'node:fs';
import type { Page } from 'playwright-core';
import { describe, expect, inject, it } from 'vitest';
import { recordPage, useApp } from './browser';
import { demo } from './demo-data';
import { openDatasets } from './datasets-helpers';

const chromiumPath = inject('chromiumPath');
const fixture = (name: string) => readFileSync(new URL(`../fixtures/official-schema/${name}`, import.meta.url));
const MIRROR = 'http://127.0.0.1:9/mirror/';

const stored = (page: Page) => page.locator('section[aria-labelledby="stored-heading"]');
const notice = (page: Page) => page.locator('#dataset-notice');
const problemCount = (page: Page) => page.locator('#problem-count').textContent();

/** Stores a fixture through the import picker (once per browser profile: a second import is "already stored"). */
async function importFixture(page: Page, name: string): Promise<void> {
  await page.locator('#dataset-file').setInputFiles({ name, mimeType: 'application/jsonl', buffer: fixture(name) });
  await page.locator('section[aria-labelledby="import-heading"] .ok').waitFor();
}

async function browse(page: Page, name: string, problems: number): Promise<void> {
  await stored(page).getByRole('button', { name: `Browse ${name}`, exact: true }).click();
  await expect.poll(() => problemCount(page)).toBe(`${problems} problems`);
}

async function deleteStored(page: Page, name: string): Promise<void> {
  await stored(page).getByRole('button', { name: `Delete ${name}`, exact: true }).click();
  await stored(page).getByRole('button', { name: `Delete ${name} for good` }).click();
  await expect.poll(() => stored(page).getByRole('button', { name: `Browse ${name}`, exact: true }).count()).toBe(0);
}

describe.skipIf(!chromiumPath)('deleting a stored dataset', () => {
  const app = useApp(chromiumPath!);

  it('switches the tab that shows it to the demo with a notice; deleting another one changes nothing shown', async () => {
    const page = await app.browser.context.newPage();
    const log = recordPage(app.browser.context, page);
    await openDatasets(page, app.served.url);
    await importFixture(page, 'MBPP-R.jsonl');
    await importFixture(page, 'MBPP-R+.jsonl');
    await page.locator('details', { has: page.locator('#mirror-url') }).locator('summary').click();
    await page.locator('#mirror-url').fill(MIRROR);
    await page.getByRole('button', { name: 'Use', exact: true }).click();

    // Deleting a dataset that is not shown leaves the view, its search text and filters alone.
    await browse(page, 'MBPP-R', 8);
    await page.locator('#problem-search').fill('shift');
    await page.locator('#filter-candidates').selectOption('3');
    const filtered = await problemCount(page);
    expect(filtered).toMatch(/^\d+ of 8 problems$/);
    await deleteStored(page, 'MBPP-R+');
    expect(await problemCount(page)).toBe(filtered);
    expect(await page.locator('#problem-search').inputValue()).toBe('shift');
    expect(await notice(page).count()).toBe(0);
    // The focused Delete button went with its row: focus is on the list's heading, which says what happened.
    await stored(page).getByRole('status').getByText('Deleted MBPP-R+.').waitFor();
    await expect.poll(() => page.evaluate(() => document.activeElement?.id)).toBe('stored-heading');

    // Deleting the shown one: the demo is shown, with a status that says why.
    await deleteStored(page, 'MBPP-R');
    await expect.poll(() => problemCount(page)).toBe(`${demo.problems.length} problems`);
    expect(await notice(page).getAttribute('role')).toBe('status');
    expect(await notice(page).textContent()).toMatch(/MBPP-R was deleted from this browser, so the built-in demo Demo-R is shown/);
    expect(await stored(page).locator('li[data-id="demo"] .current').count()).toBe(1);
    await expect.poll(() => page.evaluate(() => document.activeElement?.id)).toBe('dataset-notice');
    // The mirror setting is untouched; the demo is the remembered choice after a reload (and the notice is gone).
    expect(await page.locator('#mirror-url').inputValue()).toBe(MIRROR);
    await page.getByRole('button', { name: 'Dismiss this notice' }).click();
    expect(await notice(page).count()).toBe(0);
    await page.reload();
    await expect.poll(() => problemCount(page)).toBe(`${demo.problems.length} problems`);
    expect(await notice(page).count()).toBe(0);
    expect(log.errors).toEqual([]);
    await page.close();
  });

  it('switches another tab that shows it (closing the problem it had open) and a new-run form that chose it', async () => {
    const [viewer, other] = [await app.browser.context.newPage(), await app.browser.context.newPage()];
    const log = recordPage(app.browser.context, viewer);
    await openDatasets(viewer, app.served.url);
    await importFixture(viewer, 'HE-R.jsonl');
    await browse(viewer, 'HE-R', 6);
    await viewer.locator('#problem-list a').first().click();
    await viewer.waitForURL(/#\/datasets\/.+/);

    // A new-run form (a third tab) with HE-R chosen and a name typed.
    const form = await app.browser.context.newPage();
    await form.goto(new URL('#/runs/new', app.served.url).href);
    const heOption = form.locator('#dataset option', { hasText: 'HE-R (' });
    await form.locator('#dataset').selectOption((await heOption.getAttribute('value'))!);
    await form.getByText('6 of 6 problems selected.').waitFor();
    await form.getByLabel('Run name (optional)').fill('kept name');

    await openDatasets(other, app.served.url);
    await deleteStored(other, 'HE-R');

    await notice(viewer).getByText(/HE-R was deleted in another tab or window, so the built-in demo Demo-R is shown/).waitFor();
    await viewer.waitForURL(/#\/datasets$/);
    await expect.poll(() => problemCount(viewer)).toBe(`${demo.problems.length} problems`);
    await expect.poll(() => stored(viewer).getByRole('button', { name: 'Browse HE-R', exact: true }).count()).toBe(0);
    expect(log.errors).toEqual([]);

    await form.locator('#dataset-gone').getByText('HE-R was deleted from this browser, so Demo-R is chosen instead.').waitFor();
    await expect.poll(() => form.locator('#dataset option:checked').textContent()).toMatch(/^Demo-R \(DEMO\)/);
    await form.getByText(`${demo.problems.length} of ${demo.problems.length} problems selected.`).waitFor();
    expect(await heOption.count()).toBe(0);
    expect(await form.getByLabel('Run name (optional)').inputValue()).toBe('kept name');
    await Promise.all([viewer.close(), other.close(), form.close()]);
  });

  it('keeps a run made on it readable and says clearly that its dataset is gone, before and after a reload', async () => {
    const page = await app.browser.context.newPage();
    const log = recordPage(app.browser.context, page);
    await openDatasets(page, app.served.url);
    await importFixture(page, 'MBPP-R.jsonl');
    const lines = fixture('MBPP-R.jsonl').toString('utf8').trim().split('\n').slice(0, 2).map((l) => JSON.parse(l) as { task_id: number; test_list: string[] });
    const tests = lines.map((l) => JSON.stringify({ task_id: l.task_id, tests: l.test_list })).join('\n');

    await page.goto(new URL('#/runs/new', app.served.url).href);
    await page.getByLabel('Ranking set').selectOption({ label: 'MBPP-R (MBPP_base) · 8 problems' });
    await page.getByLabel('Only the first N (0 = all)').fill('2');
    await page.getByText('2 of 8 problems selected.').waitFor();
    await page.getByRole('radio', { name: 'Tests from a file' }).check();
    await page.getByLabel('Generated tests (JSONL)').setInputFiles({ name: 'mbpp-tests.jsonl', mimeType: 'application/jsonl', buffer: Buffer.from(tests) });
    await page.getByText('mbpp-tests.jsonl: 2 lines').waitFor();
    await page.getByLabel('Run name (optional)').fill('on MBPP-R');
    await page.getByRole('button', { name: 'Create and start the run' }).click();
    await expect.poll(() => page.url(), { timeout: 30_000 }).toMatch(/#\/runs\/[0-9a-f-]{36}$/);
    const runUrl = page.url();
    await page.locator('.status', { hasText: 'Done' }).waitFor({ timeout: 120_000 });
    await page.locator('#problems-heading ~ * a').first().waitFor();
    const top1 = await page.locator('td[data-metric="top1"]').first().textContent();

    await page.goto(new URL('#/datasets', app.served.url).href);
    await deleteStored(page, 'MBPP-R');
    for (const reload of [false, true]) {
      await page.goto(runUrl);
      if (reload) await page.reload();
      const gone = page.locator('#run-dataset-missing');
      await gone.getByText('MBPP-R, the dataset of this run, is not stored in this browser').waitFor();
      await gone.getByRole('link', { name: 'Datasets page' }).waitFor();
      // What the run stored stays: status, metrics; the per-problem view needs the dataset and says so instead.
      await page.locator('.status', { hasText: 'Done' }).waitFor();
      expect(await page.locator('td[data-metric="top1"]').first().textContent(), `reload ${reload}`).toBe(top1);
      expect(await page.locator('#problems-heading ~ * a').count(), `reload ${reload}`).toBe(0);
    }
    expect(log.errors).toEqual([]);
    await page.close();
  });
});
