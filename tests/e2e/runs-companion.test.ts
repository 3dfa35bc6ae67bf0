// HE-R's tests scored on HE-R+ as the paper's tables report them: a file-tests run on HE-R, duplicated onto HE-R+
// (which takes over every test), shows on the leaderboard as one row per scorer with both column groups, and the
// copy's run page links the run whose tests it took over.
import { readFileSync } from 'node:fs';
import { describe, expect, inject, it } from 'vitest';
import { recordPage, useApp } from './browser';
import { openDatasets } from './datasets-helpers';

const chromiumPath = inject('chromiumPath');
const fixture = (name: string) => readFileSync(new URL(`../fixtures/official-schema/${name}`, import.meta.url));
const taskIds = (text: string) => text.split('\n').filter((l) => l.trim()).map((l) => (JSON.parse(l) as { task_id: string }).task_id);
const HE = fixture('HE-R.jsonl');
const HE_PLUS = fixture('HE-R+.jsonl');
const IDS = taskIds(HE.toString('utf8'));
// One test every program passes and one none does: every candidate predicts 0.5, on both splits.
const TESTS = IDS.map((id) => JSON.stringify({ task_id: id, tests: ['assert True', 'assert False'] })).join('\n');

describe.skipIf(!chromiumPath)('one verifier on HE-R and HE-R+', () => {
  const app = useApp(chromiumPath!);

  it('joins a run and its HE-R+ copy into one leaderboard row with both splits', async () => {
    expect(taskIds(HE_PLUS.toString('utf8'))).toEqual(IDS);
    const page = await app.browser.context.newPage();
    const log = recordPage(app.browser.context, page);
    await openDatasets(page, app.served.url);
    for (const [name, buffer] of [['HE-R.jsonl', HE], ['HE-R+.jsonl', HE_PLUS]] as const) {
      await page.locator('#dataset-file').setInputFiles({ name, mimeType: 'application/jsonl', buffer });
      await page.locator('section[aria-labelledby="import-heading"]').getByText(`Stored ${name.replace('.jsonl', '')}: ${IDS.length} problems`).waitFor();
    }

    await page.goto(new URL('#/runs/new', app.served.url).href);
    const ranking = page.getByLabel('Ranking set');
    const heOption = await ranking.locator('option', { hasText: 'HE-R (HE_base)' }).getAttribute('value');
    await ranking.selectOption(heOption!);
    await page.getByRole('radio', { name: 'Tests from a file' }).check();
    await page.getByLabel('Generated tests (JSONL)').setInputFiles({ name: 'both.jsonl', mimeType: 'application/jsonl', buffer: Buffer.from(TESTS) });
    await page.getByText(`both.jsonl: ${IDS.length} lines`).waitFor();
    await page.getByLabel('Run name (optional)').fill('one set of tests');
    await page.getByRole('button', { name: 'Create and start the run' }).click();
    await page.waitForFunction(() => /^#\/runs\/[0-9a-f-]{36}$/.test(location.hash));
    await page.locator('.status', { hasText: 'Done' }).waitFor({ timeout: 120_000 });
    const sourceId = decodeURIComponent(new URL(page.url()).hash.slice('#/runs/'.length));

    await page.getByRole('button', { name: 'Duplicate…' }).click();
    const form = page.locator('form.dup');
    const plusOption = await form.getByLabel('Dataset').locator('option', { hasText: 'HE-R+' }).getAttribute('value');
    await form.getByLabel('Dataset').selectOption(plusOption!);
    await form.getByLabel('Name').fill('scored on HE-R+');
    await form.getByRole('button', { name: 'Create and start' }).click();
    await page.waitForFunction((id) => /^#\/runs\/[0-9a-f-]{36}$/.test(location.hash) && !location.hash.endsWith(id), sourceId);
    await page.locator('.status', { hasText: 'Done' }).waitFor({ timeout: 120_000 });
    const copyId = decodeURIComponent(new URL(page.url()).hash.slice('#/runs/'.length));
    await page.getByRole('heading', { name: 'Settings' }).click();
    expect(await page.getByRole('link', { name: 'the run this one copies' }).getAttribute('href')).toBe(`#/runs/${sourceId}`);

    await page.goto(new URL('#/leaderboard', app.served.url).href);
    const row = page.locator(`tr[data-row="run:${sourceId}:fraction"]`);
    await row.waitFor({ timeout: 60_000 });
    for (const split of ['HE_base', 'HE_plus']) {
      await expect.poll(() => row.locator(`td[data-split="${split}"][data-metric="problems"]`).textContent(), { timeout: 60_000 }).toBe(String(IDS.length));
    }
    expect(await row.locator('.detail').textContent()).toContain('HE-R+ scored by “scored on HE-R+” with the same tests');
    expect(await page.locator(`tr[data-row^="run:${copyId}:"]`).count()).toBe(0);
    expect(log.errors).toEqual([]);
  });
});
