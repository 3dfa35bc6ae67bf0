// A run over a problem whose pool holds the same program twice (up to formatting and comments): the copy is run
// once, the run page counts it, and the pass grid flags it with the rank whose results it shares.
import { readFileSync } from 'node:fs';
import { describe, expect, inject, it } from 'vitest';
import { recordPage, useApp, waitForServiceWorker } from './browser';
import { openDatasets } from './datasets-helpers';

const chromiumPath = inject('chromiumPath');

/** MBPP-R's fixture with a fourth candidate for task 1: rank 3's program, reformatted and commented. */
function datasetWithCopy(): { text: string; asserts: string[] } {
  const lines = readFileSync(new URL('../fixtures/official-schema/MBPP-R.jsonl', import.meta.url), 'utf8').split('\n');
  const first = JSON.parse(lines[0]!) as { test_list: string[]; all_solutions: { rank: number; solution: { code: string } }[] };
  const third = first.all_solutions.find((s) => s.rank === 3)!;
  const copy = 'def shift_0( x ):  # the same program as rank 3\n    if x>=0:\n        return x*2+1\n\n    return x*2+0\n';
  if (copy === third.solution.code) throw new Error('the copy must differ in text');
  first.all_solutions.push({ ...third, rank: 4, solution: { ...third.solution, code: copy } });
  lines[0] = JSON.stringify(first);
  return { text: lines.join('\n'), asserts: first.test_list };
}

describe.skipIf(!chromiumPath)('runs reuse the same program', () => {
  const app = useApp(chromiumPath!);

  it('runs a reformatted copy once, counts it on the run page and flags it in the pass grid', async () => {
    const page = await app.browser.context.newPage();
    const log = recordPage(app.browser.context, page);
    const { text, asserts } = datasetWithCopy();
    await openDatasets(page, app.served.url);
    await waitForServiceWorker(page);
    await page.locator('#dataset-file').setInputFiles({ name: 'MBPP-R.jsonl', mimeType: 'application/jsonl', buffer: Buffer.from(text) });
    await page.getByText('Stored MBPP-R: 8 problems').waitFor();

    await page.goto(new URL('#/runs/new', app.served.url).href);
    const option = page.locator('#dataset option', { hasText: 'MBPP-R (MBPP_base)' });
    await option.waitFor({ state: 'attached' });
    await page.getByLabel('Ranking set').selectOption((await option.getAttribute('value'))!);
    await page.getByLabel('Problems (task ids; empty = all)').fill('1');
    await page.getByText('1 of 8 problems selected.').waitFor();
    await page.getByRole('radio', { name: 'Tests from a file' }).check();
    const tests = JSON.stringify({ task_id: 1, tests: asserts });
    await page.getByLabel('Generated tests (JSONL)').setInputFiles({ name: 'shift-tests.jsonl', mimeType: 'application/jsonl', buffer: Buffer.from(tests) });
    await page.getByText('shift-tests.jsonl: 1 lines').waitFor();
    await page.getByLabel('Run name (optional)').fill('copies');
    await page.getByRole('button', { name: 'Create and start the run' }).click();
    await page.waitForURL(/#\/runs\/[0-9a-f-]{36}$/);
    await page.locator('.status', { hasText: 'Done' }).waitFor({ timeout: 120_000 });

    expect(await page.getByTestId('reused-note').textContent()).toMatch(/^\s*1 candidate is the same program as another candidate of its problem/);

    await page.getByRole('link', { name: /^1\b/ }).first().click();
    await page.getByRole('heading', { name: '1', exact: true }).waitFor();
    const rows = page.locator('table.pass-grid tbody tr');
    await expect.poll(() => rows.count()).toBe(4);
    expect(await rows.nth(3).locator('th').textContent()).toContain('same as #3');
    expect(await rows.nth(2).locator('th').textContent()).not.toContain('same as');
    // The copy's results are rank 3's: the same cells.
    const cells = (row: number) => rows.nth(row).locator('td').evaluateAll((tds) => tds.map((td) => td.textContent?.trim() ?? ''));
    expect(await cells(3)).toEqual(await cells(2));
    expect(log.errors).toEqual([]);
    await page.close();
  });
});
