// Stale references in Chromium: a built result stored and deleted since says so on the Build page (Browse it,
// or on coming back) and can be stored again; a re-verification result belongs to the dataset's sha256, so another
// file with the same name and split never shows it, while a fresh copy of the same dataset and the demo keep theirs.
import { createHash } from 'node:crypto';
import { readFileSync } from 'node:fs';
import type { Page } from 'playwright-core';
import { describe, expect, inject, it } from 'vitest';
import { recordPage, useApp } from './browser';
import { openDatasets } from './datasets-helpers';

const chromiumPath = inject('chromiumPath');
const buildFixture = (name: string) => ({ name, mimeType: 'application/jsonl', buffer: readFileSync(new URL(`../fixtures/build/${name}`, import.meta.url)) });
const mbppLines = readFileSync(new URL('../fixtures/official-schema/MBPP-R.jsonl', import.meta.url), 'utf8').trimEnd().split('\n');
/** Two different files that both import as "Same-R" (MBPP_base): problems 1-2 and problems 3-4 of the fixture. */
const sameA = Buffer.from(`${mbppLines.slice(0, 2).join('\n')}\n`);
const sameB = Buffer.from(`${mbppLines.slice(2, 4).join('\n')}\n`);
const sha256 = (bytes: Buffer) => createHash('sha256').update(bytes).digest('hex');

const stored = (page: Page) => page.locator('section[aria-labelledby="stored-heading"]');
const panel = (page: Page) => page.locator('section[aria-labelledby="verify-heading"]');
const activeText = (page: Page) => page.evaluate(() => document.activeElement?.textContent?.trim() ?? '');

/** Deletes every stored dataset behind the app's back, as another window without the news would. */
function clearStoreDirectly(page: Page): Promise<void> {
  return page.evaluate(
    () =>
      new Promise<void>((resolve, reject) => {
        const open = indexedDB.open('verifier-lab');
        open.onerror = () => reject(open.error);
        open.onsuccess = () => {
          const db = open.result;
          const tx = db.transaction(['datasets', 'datasetBodies'], 'readwrite');
          tx.objectStore('datasets').clear();
          tx.objectStore('datasetBodies').clear();
          tx.oncomplete = () => (db.close(), resolve());
          tx.onerror = () => reject(tx.error);
        };
      }),
  );
}

async function importAs(page: Page, name: string, buffer: Buffer): Promise<void> {
  await page.locator('section[aria-labelledby="import-heading"] select').selectOption('MBPP_base');
  await page.locator('#dataset-file').setInputFiles({ name, mimeType: 'application/jsonl', buffer });
  await page.locator('section[aria-labelledby="import-heading"] .ok').getByText('Stored').waitFor();
  await stored(page).locator(`li[data-id="${sha256(buffer)}"]`).waitFor();
}

async function browse(page: Page, id: string): Promise<void> {
  const row = stored(page).locator(`li[data-id="${id}"]`);
  await row.getByRole('button', { name: /^Browse/ }).click();
  await row.locator('.current').waitFor();
  await panel(page).waitFor();
}

describe.skipIf(!chromiumPath)('stale references to datasets', () => {
  const app = useApp(chromiumPath!);

  it('says a stored build result was deleted (on Browse it, and on coming back) and stores it again', async () => {
    const page = await app.browser.context.newPage();
    const log = recordPage(app.browser.context, page);
    await page.goto(`${app.served.url}#/build`);
    await page.getByRole('heading', { name: 'Build ranking sets' }).waitFor();
    await page.locator('#build-benchmark').setInputFiles(buildFixture('tiny-mbpp.jsonl'));
    await page.locator('#build-pools').setInputFiles([buildFixture('tiny-mbpp-pool.jsonl')]);
    await page.locator('#build-name').fill('Gone-R');
    await page.locator('#build-floor').fill('1000');
    await page.getByRole('button', { name: 'Build ranking sets' }).click();
    const status = page.locator('section[aria-labelledby="build-status-heading"]');
    await status.getByText('Built in').waitFor({ timeout: 90_000 });
    await status.getByRole('button', { name: 'Store as a dataset' }).click();
    await status.getByText('Stored as “Gone-R”.').waitFor();

    // Deleted where this tab's list does not hear of it: Browse it finds out and says so, here on the Build page.
    await clearStoreDirectly(page);
    await status.getByRole('button', { name: 'Browse it' }).click();
    const gone = status.getByText('“Gone-R” is no longer stored in this browser: it was deleted after this build stored it.');
    await gone.waitFor({ timeout: 10_000 });
    expect(page.url()).toMatch(/#\/build$/);
    expect(await status.getByRole('button', { name: 'Browse it' }).count()).toBe(0);
    await expect.poll(() => activeText(page)).toMatch(/^“Gone-R” is no longer stored/);

    // The finished result is still here: store it again, then browse it.
    await status.getByRole('button', { name: 'Store it again' }).click();
    await status.getByText('Stored as “Gone-R”.').waitFor();
    await expect.poll(() => activeText(page)).toBe('Browse it');
    await status.getByRole('button', { name: 'Browse it' }).click();
    await page.getByText('Gone-R (MBPP_base), stored in this browser.').waitFor();

    // Deleted on the Datasets page: coming back to Build shows it at once, with a way to the Datasets page.
    const row = stored(page).locator('li', { hasText: 'Gone-R' });
    await row.getByRole('button', { name: 'Delete Gone-R', exact: true }).click();
    await row.getByRole('button', { name: 'Delete Gone-R for good' }).click();
    await page.locator('#dataset-notice').waitFor();
    await page.getByRole('navigation', { name: 'Main' }).getByRole('link', { name: 'Build' }).click();
    await gone.waitFor();
    expect(await status.getByRole('button', { name: 'Browse it' }).count()).toBe(0);
    await status.getByRole('link', { name: 'Go to Datasets' }).click();
    await page.getByRole('heading', { name: 'Datasets', level: 1 }).waitFor();
    expect(log.errors).toEqual([]);
    await page.close();
  });

  it('shows a re-verification result only for the same dataset (sha256), not another file of that name and split', async () => {
    const page = await app.browser.context.newPage();
    const log = recordPage(app.browser.context, page);
    await openDatasets(page, app.served.url);
    await importAs(page, 'Same-R.jsonl', sameA);
    await importAs(page, 'Same-R.jsonl', sameB);
    const [idA, idB] = [sha256(sameA), sha256(sameB)];
    expect(idA).not.toBe(idB);

    await browse(page, idA);
    await panel(page).locator('#verify-floor').fill('1000');
    await panel(page).getByRole('button', { name: 'Re-verify Same-R' }).click();
    const again = panel(page).getByRole('button', { name: 'Run again' });
    await again.waitFor({ timeout: 120_000 });
    expect((await panel(page).locator('tbody td').allTextContents()).slice(0, 3)).toEqual(['MBPP_base', '2', String(countCandidates(sameA))]);

    // The other file of the same name and split: no result of its own yet.
    await browse(page, idB);
    await panel(page).getByRole('button', { name: 'Re-verify Same-R' }).waitFor();
    expect(await again.count()).toBe(0);
    expect(await panel(page).locator('table').count()).toBe(0);

    // The first one, opened again (a fresh parse of the same stored text): its result is back.
    await browse(page, idA);
    await again.waitFor();

    // The bundled demo is keyed too: its cancelled run shows on the demo only.
    await stored(page).getByRole('button', { name: 'Browse Demo-R', exact: true }).click();
    await stored(page).locator('li[data-id="demo"] .current').waitFor();
    await panel(page).getByRole('button', { name: 'Re-verify Demo-R' }).click();
    await panel(page).getByRole('button', { name: /^Cancel/ }).click();
    const cancelled = panel(page).getByText(/^Cancelled/);
    await cancelled.waitFor();
    await browse(page, idB);
    await panel(page).getByRole('button', { name: 'Re-verify Same-R' }).waitFor();
    expect(await cancelled.count()).toBe(0);
    await stored(page).getByRole('button', { name: 'Browse Demo-R', exact: true }).click();
    await cancelled.waitFor();
    expect(log.errors).toEqual([]);
    await page.close();
  });
});

function countCandidates(file: Buffer): number {
  return file
    .toString('utf8')
    .trimEnd()
    .split('\n')
    .reduce((n, line) => n + (JSON.parse(line) as { all_solutions: unknown[] }).all_solutions.length, 0);
}
