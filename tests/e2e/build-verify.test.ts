// The Build page and the re-verification panel in Chromium: a build from the tiny hand-made fixtures with the
// hand-worked statistics, its download and its storage as a dataset; re-verifying the demo dataset agrees fully;
// cancelling stops a re-verification.
import { readFileSync } from 'node:fs';
import type { Page } from 'playwright-core';
import { describe, expect, inject, it } from 'vitest';
import { parseDatasetText } from '../../src/core/dataset/parse-dataset';
import { recordPage, useApp } from './browser';

const chromiumPath = inject('chromiumPath');
const fixture = (name: string) => ({ name, mimeType: 'application/jsonl', buffer: readFileSync(new URL(`../fixtures/build/${name}`, import.meta.url)) });

describe.skipIf(!chromiumPath)('build and verify in the browser', () => {
  const app = useApp(chromiumPath!);

  async function open(page: Page, hash: string) {
    await page.goto(`${app.served.url}#/${hash}`);
    await page.locator('h1').first().waitFor();
  }

  it('builds the tiny MBPP fixture, downloads it and stores it as a dataset', async () => {
    const page = await app.browser.context.newPage();
    const log = recordPage(app.browser.context, page);
    await open(page, 'build');
    await page.getByRole('heading', { name: 'Build ranking sets' }).waitFor();
    const start = page.getByRole('button', { name: 'Build ranking sets' });
    expect(await start.isDisabled()).toBe(true);
    await page.locator('#build-benchmark').setInputFiles(fixture('tiny-mbpp.jsonl'));
    await page.locator('#build-pools').setInputFiles([fixture('tiny-mbpp-pool.jsonl')]);
    await page.locator('#build-name').fill('Tiny-R');
    // A 1 s floor: this checks outcomes, and a busy 2-core machine can push a trivial test past 0.1 s.
    await page.locator('#build-floor').fill('1000');
    await start.click();

    const status = page.locator('section[aria-labelledby="build-status-heading"]');
    await status.getByText('Built in').waitFor({ timeout: 90_000 });
    const stat = (label: string) => status.locator('dt', { hasText: label }).locator('xpath=following-sibling::dd').textContent();
    // Hand-worked in tests/fixtures/build/expected.md: 2 problems, 8 solutions, mean score 4.9 / 8, 4.5 tests.
    expect(await stat('Problems')).toBe('2');
    expect(await stat('Solutions')).toBe('8');
    expect(await stat('Average score')).toBe('0.61');
    expect(await stat('Average tests')).toBe('4.5');
    await status.getByText('10 distinct candidates scored; 3 dropped because every test errored.').waitFor();
    await status.getByText(/1 unmatched/).waitFor();

    const [download] = await Promise.all([page.waitForEvent('download'), status.getByRole('button', { name: 'Download Tiny-R.jsonl' }).click()]);
    const path = await download.path();
    const built = parseDatasetText(readFileSync(path!, 'utf8'), { name: 'Tiny-R' });
    expect(built.problems.map((p) => p.candidates.map((c) => c.score))).toEqual([
      [1, 0.75, 0.5, 0.25],
      [1, 0.8, 0.6, 0],
    ]);

    await status.getByRole('button', { name: 'Store as a dataset' }).click();
    await status.getByText('Stored as “Tiny-R”.').waitFor();
    await status.getByRole('button', { name: 'Browse it' }).click();
    await page.getByText('Tiny-R (MBPP_base), stored in this browser.').waitFor();
    expect(log.errors).toEqual([]);
    await page.close();
  });

  it('names the line of a bad pool file and builds nothing', async () => {
    const page = await app.browser.context.newPage();
    await open(page, 'build');
    await page.locator('#build-benchmark').setInputFiles(fixture('tiny-mbpp.jsonl'));
    await page.locator('#build-pools').setInputFiles([{ name: 'bad.jsonl', mimeType: 'application/jsonl', buffer: Buffer.from('{"task_id": "T/1", "code": "x"}\n{"task_id": "T/1"}\n') }]);
    await page.getByRole('button', { name: 'Build ranking sets' }).click();
    const alert = page.getByRole('alert');
    await alert.getByText('A file could not be read').waitFor();
    await alert.getByText(/^bad\.jsonl: line 2: no candidate on this line/).waitFor();
    await page.close();
  });

  it('re-verifies the built dataset and the demo dataset with full agreement, and cancels a run', async () => {
    const page = await app.browser.context.newPage();
    const log = recordPage(app.browser.context, page);
    await open(page, 'datasets');
    const panel = page.locator('section[aria-labelledby="verify-heading"]');
    // The dataset stored by the first test is still the one shown (the choice survives reloads).
    await panel.locator('#verify-floor').fill('1000');
    await panel.getByRole('button', { name: 'Re-verify Tiny-R' }).click();
    await panel.getByText('Every stored score was reproduced').waitFor({ timeout: 120_000 });
    expect((await panel.locator('tbody td').allTextContents()).slice(0, 7)).toEqual(['MBPP_base', '2', '8', '8', '0', '0', '100.0 %']);

    await page.evaluate(() => localStorage.removeItem('verifier-lab:datasets:choice:v1'));
    await page.reload();
    await panel.locator('#verify-floor').fill('1000');
    await panel.getByRole('button', { name: 'Re-verify Demo-R' }).click();
    await panel.getByText('Every stored score was reproduced').waitFor({ timeout: 120_000 });
    const cells = await panel.locator('tbody td').allTextContents();
    expect(cells.slice(0, 7)).toEqual(['DEMO', '24', '96', '96', '0', '0', '100.0 %']);

    await panel.getByRole('button', { name: 'Run again' }).click();
    await panel.getByRole('button', { name: /^Cancel/ }).click();
    await panel.getByText(/^Cancelled/).waitFor();
    expect(log.errors).toEqual([]);
    await page.close();
  });
});
