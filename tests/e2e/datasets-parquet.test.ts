// Importing Parquet datasets (written at test time from our official-schema JSONL): picker and drag and drop,
// stored with the file's sha256 and size, row-numbered errors that store nothing, and the main-thread long
// tasks while an MBPP-R-sized file is read (its rows are converted in a worker), reported rather than asserted.
import { createHash } from 'node:crypto';
import { readFileSync } from 'node:fs';
import type { Page } from 'playwright-core';
import { beforeAll, describe, expect, inject, it } from 'vitest';
import { syntheticDatasetText } from '../fixtures/official-schema/synthetic';
import { jsonlToParquet } from '../fixtures/official-schema/to-parquet';
import { recordLongTasks, takeLongTasks, useApp } from './browser';
import { openDatasets, storedCounts } from './datasets-helpers';

const chromiumPath = inject('chromiumPath');
const MBPP = readFileSync(new URL('../fixtures/official-schema/MBPP-R.jsonl', import.meta.url), 'utf8');
const MBPP_SOLUTIONS = Array.from({ length: 8 }, (_, i) => 3 + (i % 3)).reduce((a, b) => a + b);

const importBox = (page: Page) => page.locator('section[aria-labelledby="import-heading"]');
const storedBox = (page: Page) => page.locator('section[aria-labelledby="stored-heading"]');

async function pick(page: Page, name: string, bytes: Uint8Array): Promise<void> {
  await page.locator('#dataset-file').setInputFiles({ name, mimeType: 'application/vnd.apache.parquet', buffer: Buffer.from(bytes) });
}

describe.skipIf(!chromiumPath)('Parquet dataset import', () => {
  const app = useApp(chromiumPath!);

  beforeAll(() => recordLongTasks(app.browser.context));

  it('imports by the picker with the file hash and size, refuses a bad row by number, and a cut-off file', async () => {
    const page = await app.browser.context.newPage();
    await openDatasets(page, app.served.url);
    expect(await page.locator('#dataset-file').getAttribute('accept')).toContain('.parquet');
    await importBox(page).getByText(/or Parquet as the Hugging Face viewer exports it/).waitFor();

    // A bad row, dropped: the error names the row; nothing is stored.
    const rows = MBPP.split('\n');
    rows[6] = rows[6]!.replace(/("rank": 2, "average_test_score": )[\d.]+/, '$11.5');
    const bad = Array.from(jsonlToParquet(rows.join('\n')));
    await page.evaluate((content) => {
      const transfer = new DataTransfer();
      transfer.items.add(new File([new Uint8Array(content)], 'MBPP-R.parquet'));
      document.querySelector('.drop')!.dispatchEvent(new DragEvent('drop', { dataTransfer: transfer, bubbles: true, cancelable: true }));
    }, bad);
    const alert = importBox(page).getByRole('alert');
    await alert.getByText('Row 7 of the file is not valid').waitFor();
    expect(await alert.locator('.message').textContent()).toBe('row 7: field "all_solutions[1].average_test_score" must be a number in [0, 1], got 1.5');
    expect(await storedCounts(page)).toEqual([0, 0]);

    const bytes = jsonlToParquet(MBPP);
    await pick(page, 'cut.parquet', bytes.subarray(0, bytes.length - 50));
    await alert.getByText('That is not a readable Parquet file').waitFor();
    expect(await storedCounts(page)).toEqual([0, 0]);

    await pick(page, 'MBPP-R.parquet', bytes);
    await importBox(page).getByText(`Stored MBPP-R: 8 problems, ${MBPP_SOLUTIONS} solutions`).waitFor();
    expect(await storedCounts(page)).toEqual([1, 1]);
    const item = storedBox(page).locator('li', { hasText: 'imported from MBPP-R.parquet (Parquet)' });
    await item.waitFor();
    const sha = createHash('sha256').update(bytes).digest('hex');
    expect(await item.locator('code.sha').getAttribute('title')).toBe(sha);

    await storedBox(page).getByRole('button', { name: 'Browse MBPP-R', exact: true }).click();
    await expect.poll(() => page.locator('#problem-count').textContent()).toBe('8 problems');

    await pick(page, 'again.parquet', bytes);
    await importBox(page).getByText('This file is already stored as “MBPP-R”').waitFor();
    expect(await storedCounts(page)).toEqual([1, 1]);
    await page.close();
  });

  it('reads an MBPP-R-sized Parquet file, reporting main-thread long tasks', async () => {
    const text = syntheticDatasetText({ family: 'mbpp', problems: 974, candidates: (i) => 3 + (i % 3), tests: 4, padWords: 90, lowest: (i) => i % 4 });
    const bytes = jsonlToParquet(text);
    const page = await app.browser.context.newPage();
    await openDatasets(page, app.served.url);
    await page.waitForTimeout(500); // the app's own start-up work is not the import's
    await takeLongTasks(page);

    await pick(page, 'MBPP-R (big).parquet', bytes);
    await importBox(page).getByText(/^Stored MBPP-R \(big\): 974 problems/).waitFor({ timeout: 60_000 });
    const tasks = await takeLongTasks(page);
    const longest = Math.max(0, ...tasks);
    // Long tasks are reported from 50 ms up; 0 means none of 50 ms or more.
    console.log(`Parquet import of ${bytes.length} bytes (${text.length} characters of JSONL): long tasks ${JSON.stringify(tasks)} ms, longest ${longest} ms`);
    await page.close();
  });
});
