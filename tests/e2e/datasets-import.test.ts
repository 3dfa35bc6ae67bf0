// Importing dataset files: file picker and drag and drop, line-numbered errors that store nothing, the split
// choice for ambiguous names, duplicates, and deleting a stored dataset (falling back to the demo when shown).
import { readFileSync } from 'node:fs';
import type { Page } from 'playwright-core';
import { describe, expect, inject, it } from 'vitest';
import { useApp } from './browser';
import { openDatasets, storedCounts } from './datasets-helpers';

const chromiumPath = inject('chromiumPath');
const fixture = (name: string) => readFileSync(new URL(`../fixtures/official-schema/${name}`, import.meta.url));
const MBPP = fixture('MBPP-R.jsonl');
const MBPP_SOLUTIONS = Array.from({ length: 8 }, (_, i) => 3 + (i % 3)).reduce((a, b) => a + b);

/** Sets a file on the picker; resolves once the import finished (stored, known already, or failed). */
async function pick(page: Page, name: string, buffer: Buffer): Promise<void> {
  await page.locator('#dataset-file').setInputFiles({ name, mimeType: 'application/jsonl', buffer });
}

const importBox = (page: Page) => page.locator('section[aria-labelledby="import-heading"]');

describe.skipIf(!chromiumPath)('dataset import', () => {
  const app = useApp(chromiumPath!);

  it('imports by the file picker, refuses a malformed line by number, and knows a duplicate', async () => {
    const page = await app.browser.context.newPage();
    await openDatasets(page, app.served.url);

    const lines = MBPP.toString('utf8').split('\n');
    lines[1] = lines[1]!.replace('"all_solutions": [', '"all_solutions": [{"rank": "two"}, ');
    await pick(page, 'broken.jsonl', Buffer.from(lines.join('\n')));
    const alert = importBox(page).getByRole('alert');
    await alert.getByText('Line 2 of the file is not valid').waitFor();
    expect(await alert.locator('.message').textContent()).toMatch(/^line 2: field "all_solutions\[0\]\.rank"/);
    expect(await storedCounts(page)).toEqual([0, 0]);

    await pick(page, 'MBPP-R.jsonl', MBPP);
    await importBox(page).getByText(`Stored MBPP-R: 8 problems, ${MBPP_SOLUTIONS} solutions`).waitFor();
    expect(await storedCounts(page)).toEqual([1, 1]);
    await page.locator('section[aria-labelledby="stored-heading"]').getByText('imported from MBPP-R.jsonl').waitFor();

    await pick(page, 'copy-of-MBPP-R.jsonl', MBPP);
    await importBox(page).getByText('This file is already stored as “MBPP-R”').waitFor();
    expect(await storedCounts(page)).toEqual([1, 1]);
    await page.close();
  });

  it('asks for the split when the name does not tell HE-R from HE-R+, and imports by drag and drop', async () => {
    const page = await app.browser.context.newPage();
    await openDatasets(page, app.served.url);
    const he = fixture('HE-R+.jsonl');
    await pick(page, 'mine.jsonl', he);
    await importBox(page).getByRole('alert').getByText(/cannot tell HE-R from HE-R\+/).waitFor();
    await importBox(page).getByRole('combobox').selectOption('HE_plus');
    await pick(page, 'mine.jsonl', he);
    await importBox(page).getByText('Stored mine: 6 problems').waitFor();

    // A drop carries a File like the picker does.
    const text = fixture('MBPP-R+.jsonl').toString('utf8');
    await importBox(page).getByRole('combobox').selectOption('');
    await page.evaluate((content) => {
      const transfer = new DataTransfer();
      transfer.items.add(new File([content], 'MBPP-R+.jsonl', { type: 'application/jsonl' }));
      document.querySelector('.drop')!.dispatchEvent(new DragEvent('drop', { dataTransfer: transfer, bubbles: true, cancelable: true }));
    }, text);
    await importBox(page).getByText('Stored MBPP-R+: 5 problems').waitFor();
    expect(await storedCounts(page)).toEqual([3, 3]);
    await page.close();
  });

  it('deletes a stored dataset after confirmation, falling back to the demo when it was shown', async () => {
    const page = await app.browser.context.newPage();
    await openDatasets(page, app.served.url);
    const stored = page.locator('section[aria-labelledby="stored-heading"]');
    await stored.getByRole('button', { name: 'Browse MBPP-R', exact: true }).click();
    await expect.poll(() => page.locator('#problem-count').textContent()).toBe('8 problems');

    await stored.getByRole('button', { name: 'Delete MBPP-R', exact: true }).click();
    await stored.getByText('Delete MBPP-R from this browser?').waitFor();
    await stored.getByRole('button', { name: 'Keep it' }).click();
    expect(await storedCounts(page)).toEqual([3, 3]);

    await stored.getByRole('button', { name: 'Delete MBPP-R', exact: true }).click();
    await stored.getByRole('button', { name: 'Delete MBPP-R for good' }).click();
    await expect.poll(() => storedCounts(page)).toEqual([2, 2]);
    await expect.poll(() => stored.getByRole('button', { name: 'Browse MBPP-R', exact: true }).count()).toBe(0);
    await page.getByText('Demo-R: the demo ranking set').waitFor();

    // The demo is shown after a reload too, since the deleted choice is gone.
    await page.reload();
    await page.getByText('Demo-R: the demo ranking set').waitFor();
    await page.close();
  });
});
