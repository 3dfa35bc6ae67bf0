// The leaderboard on three demo runs (tests from files, no model): rows per scorer with intervals computed in the
// worker and equal to each run's own metrics, filters and sorting, an imported evaluation file (a bad one refused
// with its line, nothing stored), a paired comparison with links to the run's problems, CSV export, the metric
// explanations, and an axe audit of the leaderboard and Learn pages in light and dark, wide and at 390 px.
import { readFile } from 'node:fs/promises';
import type { Page } from 'playwright-core';
import { beforeAll, describe, expect, inject, it } from 'vitest';
import { audit, report, type Finding } from './axe-audit';
import { recordPage, useApp } from './browser';
import { FILE_RUN_PROBLEMS, groundTruthAsserts, makeFileRun } from './file-runs';

const chromiumPath = inject('chromiumPath');
const PROBLEMS = FILE_RUN_PROBLEMS;
const asserts = groundTruthAsserts;
/** Three verifiers of different quality: one ground-truth test, two, and two plus a test that fails everything. */
const RUNS = [
  { name: 'one test', tests: (p: (typeof PROBLEMS)[number]) => asserts(p).slice(0, 1) },
  { name: 'two tests', tests: (p: (typeof PROBLEMS)[number]) => asserts(p).slice(0, 2) },
  { name: 'two tests and a wrong one', tests: (p: (typeof PROBLEMS)[number]) => [...asserts(p).slice(0, 2), 'assert False'] },
];
/** A perfect verifier in the authors' format: every prediction is the true score. */
const PERFECT = PROBLEMS.flatMap((p) => p.candidates.map((c) => JSON.stringify({ dataset: 'DEMO', task_id: p.taskId, rank: c.rank, ground_average_test_score: c.score, average_test_score: c.score }))).join('\n');
const BAD = `${PERFECT.split('\n')[0]}\n{"dataset": "DEMO", "task_id": "Demo/0", "rank": 2, "ground_average_test_score": 0.5}\n`;

const cell = (page: Page, rowId: string, metric: string) => page.locator(`tr[data-row="${rowId}"] td[data-split="DEMO"][data-metric="${metric}"]`);

describe.skipIf(!chromiumPath)('leaderboard', () => {
  const app = useApp(chromiumPath!);
  const runIds: string[] = [];
  const runTop1: string[] = [];

  beforeAll(async () => {
    const page = await app.browser.context.newPage();
    for (const run of RUNS) {
      const file = PROBLEMS.map((p) => JSON.stringify({ task_id: p.taskId, tests: run.tests(p) })).join('\n');
      runIds.push(await makeFileRun(page, app.served.url, run.name, file));
      runTop1.push((await page.locator('table.metrics tbody tr').first().locator('td[data-metric="top1"]').textContent())!);
    }
    await page.close();
  });

  it('lists every run per scorer with intervals, imports a file, compares two rows and exports CSV', async () => {
    const page = await app.browser.context.newPage();
    const log = recordPage(app.browser.context, page);
    await page.goto(new URL('#/leaderboard', app.served.url).href);
    await page.getByRole('status').filter({ hasText: '9 of 9 rows shown.' }).waitFor({ timeout: 60_000 });

    // Each run's fraction row equals the run's own metrics, with an interval under it; CodeT and valid-only rows exist.
    for (const [i, id] of runIds.entries()) {
      const top1 = cell(page, `run:${id}:fraction`, 'top1');
      expect(await top1.locator('.value').textContent()).toBe(runTop1[i]);
      expect(await top1.locator('.ci').textContent()).toMatch(/^\[\d+\.\d%, \d+\.\d%\]$/);
      expect(await cell(page, `run:${id}:codet`, 'problems').textContent()).toBe(String(PROBLEMS.length));
    }
    // The wrong test fails every candidate, so dropping invalid tests gives run 3 exactly run 2's numbers.
    for (const metric of ['top1', 'spearman', 'mae', 'r2']) {
      expect(await cell(page, `run:${runIds[2]}:valid-only`, metric).textContent()).toBe(await cell(page, `run:${runIds[1]}:fraction`, metric).textContent());
    }

    // Filters and sorting.
    await page.getByLabel('Scorer').selectOption('CodeT');
    await page.getByRole('status').filter({ hasText: '3 of 9 rows shown.' }).waitFor();
    await page.getByLabel('Scorer').selectOption('');
    const spearman = page.getByRole('button', { name: 'Spearman on Demo-R, higher is better' });
    await spearman.click();
    expect(await page.locator('th[aria-sort="descending"]').count()).toBe(1);

    // The explanation of a metric opens from its head and closes with Escape.
    await page.getByRole('button', { name: 'What Top-1 means' }).first().click();
    const help = page.getByRole('note', { name: 'Top-1 explained' }).first();
    await help.waitFor();
    expect(await help.textContent()).toContain('1/|group|');
    await page.keyboard.press('Escape');
    await help.waitFor({ state: 'hidden' });

    // A bad evaluation file is refused with its line and field, and nothing is stored.
    const importForm = page.locator('section[aria-labelledby="import-heading"]');
    await importForm.getByLabel('Evaluation file (JSONL)').setInputFiles({ name: 'bad.jsonl', mimeType: 'application/jsonl', buffer: Buffer.from(BAD) });
    await importForm.getByRole('button', { name: 'Import as a row' }).click();
    await importForm.getByRole('alert').filter({ hasText: 'Nothing was imported. bad.jsonl: line 2: missing field "average_test_score" (is this a reward-model file? choose "reward")' }).waitFor();
    expect(await importForm.locator('li').count()).toBe(0);

    // A good one becomes a row; a perfect verifier scores Spearman 1 and MAE 0.
    await importForm.getByLabel('Evaluation file (JSONL)').setInputFiles({ name: 'perfect.jsonl', mimeType: 'application/jsonl', buffer: Buffer.from(PERFECT) });
    await importForm.getByRole('button', { name: 'Import as a row' }).click();
    await page.getByRole('status').filter({ hasText: '10 of 10 rows shown.' }).waitFor({ timeout: 60_000 });
    const fileRow = page.locator('tr[data-row^="evaluation:"]');
    expect(await fileRow.locator('td[data-metric="spearman"] .value').textContent()).toBe('1.00');
    expect(await fileRow.locator('td[data-metric="mae"] .value').textContent()).toBe('0.00');

    // Paired comparison: run 1 (A) against the perfect file (B).
    await page.getByRole('checkbox', { name: 'Select one test for the paired comparison' }).check();
    await page.getByRole('checkbox', { name: 'Select perfect for the paired comparison' }).check();
    await page.getByRole('button', { name: 'Compare B with A' }).click();
    const paired = page.locator('table.paired');
    await paired.waitFor({ timeout: 60_000 });
    expect(await paired.locator('tr[data-metric="top1"] td').first().textContent()).toBe(runTop1[0]);
    expect(await paired.locator('tr[data-metric="spearman"] td').nth(1).textContent()).toBe('1.00');
    expect(await paired.locator('tr[data-metric="spearman"] [data-fact="p-better"]').textContent()).toMatch(/^\d+\.\d%$/);
    const links = page.locator('table.disagreements a');
    if ((await links.count()) > 0) expect(await links.first().getAttribute('href')).toMatch(new RegExp(`^#/runs/${runIds[0]}/Demo%2F\\d+$`));

    // CSV of the rows shown: a header and one line per row.
    const [download] = await Promise.all([page.waitForEvent('download'), page.getByRole('button', { name: 'Download CSV' }).click()]);
    const csv = await readFile((await download.path())!, 'utf8');
    const lines = csv.trimEnd().split('\r\n');
    expect(lines[0]).toMatch(/^name,kind,datasets,backend,model,variant,scorer,DEMO top1,DEMO top1 lo,DEMO top1 hi,/);
    expect(lines).toHaveLength(11);
    expect(lines.find((l) => l.startsWith('perfect,eval-file,'))).toContain(',file: pass fraction,');

    // Deleting the file removes its row.
    await importForm.getByRole('button', { name: 'Delete perfect' }).click();
    await page.getByRole('status').filter({ hasText: '9 of 9 rows shown.' }).waitFor();
    expect(log.errors).toEqual([]);
    await page.close();
  });

  it('passes an axe audit in light and dark, wide and at 390 px, without the page scrolling sideways', async () => {
    const findings: Finding[] = [];
    for (const width of [1280, 390]) {
      const page = await app.browser.context.newPage();
      await page.setViewportSize({ width, height: 800 });
      await page.goto(new URL('#/leaderboard', app.served.url).href);
      await page.getByRole('status').filter({ hasText: 'rows shown.' }).waitFor({ timeout: 60_000 });
      await page.getByRole('checkbox', { name: 'Select one test for the paired comparison' }).check();
      await page.getByRole('checkbox', { name: 'Select two tests for the paired comparison' }).check();
      await page.getByRole('button', { name: 'Compare B with A' }).click();
      await page.locator('table.paired').waitFor({ timeout: 60_000 });
      for (const hash of ['#/leaderboard', '#/learn']) {
        if (hash === '#/learn') {
          await page.goto(new URL(hash, app.served.url).href);
          await page.getByRole('heading', { name: "How to read a verifier's scores" }).waitFor();
        }
        for (const scheme of ['light', 'dark'] as const) {
          await page.emulateMedia({ colorScheme: scheme });
          findings.push(...(await audit(page, `${hash}, ${scheme}, ${width}px`)));
        }
        expect(await page.evaluate(() => document.documentElement.scrollWidth), `${hash} at ${width}px`).toBeLessThanOrEqual(width);
      }
      await page.close();
    }
    expect(report(findings)).toBe('');
  });
});
