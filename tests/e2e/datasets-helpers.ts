// Shared steps of the dataset e2e tests: point the app at a mirror, download through the license dialog, read IndexedDB.
import type { Locator, Page } from 'playwright-core';

/** Sets the mirror base URL through the Datasets page form. */
export async function useMirror(page: Page, base: string): Promise<void> {
  const details = page.locator('details', { has: page.locator('#mirror-url') });
  if (!(await details.evaluate((d) => (d as HTMLDetailsElement).open))) await details.locator('summary').click();
  await page.locator('#mirror-url').fill(base);
  await details.getByRole('button', { name: 'Use' }).click();
  await details.getByText(`Files will be read from ${base}`).waitFor();
}

/** Clicks Download for `id`, checks the license gate, acknowledges it and starts; returns the dataset's row. */
export async function startDownload(page: Page, id: string): Promise<Locator> {
  const row = page.locator(`li[data-dataset="${id}"]`);
  await row.getByRole('button', { name: `Download ${id}`, exact: true }).click();
  const dialog = page.getByRole('dialog');
  await dialog.getByText('NSCLv1').waitFor();
  const confirm = dialog.getByRole('button', { name: 'Download', exact: true });
  if (!(await confirm.isDisabled())) throw new Error('the download could start without acknowledging the license');
  await dialog.getByRole('checkbox').check();
  await confirm.click();
  return row;
}

/** [meta records, body records] in the app's database (call after the page has opened it). */
export function storedCounts(page: Page): Promise<[number, number]> {
  return page.evaluate(
    () =>
      new Promise<[number, number]>((resolve, reject) => {
        const open = indexedDB.open('verifier-lab');
        open.onerror = () => reject(open.error);
        open.onsuccess = () => {
          const db = open.result;
          const tx = db.transaction(['datasets', 'datasetBodies']);
          const metas = tx.objectStore('datasets').count();
          const bodies = tx.objectStore('datasetBodies').count();
          tx.oncomplete = () => {
            db.close();
            resolve([metas.result, bodies.result]);
          };
        };
      }),
  );
}

/** Opens the app and waits until the stored-dataset list has been read. */
export async function openDatasets(page: Page, url: string): Promise<void> {
  await page.goto(url);
  await page.locator('#problem-list a').first().waitFor();
  await page.locator('section[aria-labelledby="stored-heading"] li[data-id="demo"]').waitFor();
  await page.waitForFunction(() => !!document.querySelector('section[aria-labelledby="stored-heading"] .usage'));
}
