// Plots on two demo runs (tests from files, no model): a run page's scatter and calibration as SVG with their data
// tables (summing to the run's solutions), SVG and PNG export, the leaderboard's metric bars and scaling overlay
// (at k = all tests the curve equals the row's own value), the drill-down (problems sorted with their metrics, an
// invalid test marked in words), and an axe audit in light and dark, wide and at 390 px.
import { readFile } from 'node:fs/promises';
import type { Locator, Page } from 'playwright-core';
import { beforeAll, describe, expect, inject, it } from 'vitest';
import { audit, report, type Finding } from './axe-audit';
import { recordPage, useApp } from './browser';
import { FILE_RUN_PROBLEMS, groundTruthAsserts, makeFileRun } from './file-runs';

const chromiumPath = inject('chromiumPath');
const PROBLEMS = FILE_RUN_PROBLEMS;
const asserts = groundTruthAsserts;
const RUNS = [
  { name: 'one test and a wrong one', tests: (p: (typeof PROBLEMS)[number]) => [...asserts(p).slice(0, 1), 'assert False'] },
  { name: 'two tests', tests: (p: (typeof PROBLEMS)[number]) => asserts(p).slice(0, 2) },
];

const figure = (page: Page, title: string | RegExp) => page.locator('figure.plot-frame').filter({ has: page.getByRole('heading', { name: title }) });

/** The rows of a figure's data table, opened first. */
async function tableRows(frame: Locator): Promise<string[][]> {
  const details = frame.locator('details');
  if (!(await details.getAttribute('open'))) await details.locator('summary').click();
  return frame.locator('tbody tr').evaluateAll((rows) => rows.map((r) => [...r.children].map((c) => c.textContent ?? '')));
}

describe.skipIf(!chromiumPath)('plots', () => {
  const app = useApp(chromiumPath!);
  const runIds: string[] = [];

  beforeAll(async () => {
    const page = await app.browser.context.newPage();
    for (const run of RUNS) {
      const file = PROBLEMS.map((p) => JSON.stringify({ task_id: p.taskId, tests: run.tests(p) })).join('\n');
      runIds.push(await makeFileRun(page, app.served.url, run.name, file));
    }
    await page.close();
  });

  it("draws a run's scatter and calibration as SVG with their data, and exports SVG and PNG", async () => {
    const page = await app.browser.context.newPage();
    const log = recordPage(app.browser.context, page);
    await page.goto(new URL(`#/runs/${runIds[1]}`, app.served.url).href);
    const solutions = Number(await page.locator('table.metrics tbody tr').first().locator('td').last().textContent());
    expect(solutions).toBeGreaterThan(PROBLEMS.length);

    const scatter = figure(page, 'Predicted against true score');
    const calibration = figure(page, 'Calibration');
    for (const frame of [scatter, calibration, figure(page, 'Spearman per problem')]) await frame.locator('svg[role="img"]').waitFor({ timeout: 30_000 });
    // Every candidate is in the scatter's table and in one calibration bin.
    const scatterRows = await tableRows(scatter);
    expect(scatterRows.reduce((n, row) => n + Number(row[2]), 0)).toBe(solutions);
    const bins = await tableRows(calibration);
    expect(bins).toHaveLength(5);
    expect(bins.reduce((n, row) => n + Number(row[2]), 0)).toBe(solutions);
    expect(bins.map((row) => row[0])).toEqual(['0.00', '0.20', '0.40', '0.60', '0.80']);

    // SVG export: a standalone, well-formed SVG with the theme's colours resolved.
    const [svgDownload] = await Promise.all([page.waitForEvent('download'), scatter.getByRole('button', { name: 'Export SVG of Predicted against true score' }).click()]);
    expect(svgDownload.suggestedFilename()).toBe('two-tests-scatter.svg');
    const svg = await readFile((await svgDownload.path())!, 'utf8');
    expect(svg).toMatch(/^<\?xml [^>]*\?>\n<svg [^>]*xmlns="http:\/\/www\.w3\.org\/2000\/svg"/);
    expect(svg).not.toMatch(/var\(--|currentcolor/i);
    const parsed = await page.evaluate((text) => {
      const doc = new DOMParser().parseFromString(text, 'image/svg+xml');
      return { error: doc.querySelector('parsererror') !== null, circles: doc.querySelectorAll('circle').length };
    }, svg);
    expect(parsed).toEqual({ error: false, circles: scatterRows.length });

    // PNG export: a PNG file drawn from that SVG.
    const [pngDownload] = await Promise.all([page.waitForEvent('download'), calibration.getByRole('button', { name: 'Export PNG of Calibration' }).click()]);
    const png = await readFile((await pngDownload.path())!);
    expect([...png.subarray(0, 8)]).toEqual([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]);
    expect(log.errors).toEqual([]);
    await page.close();
  });

  it('shows metric bars and one scaling overlay on the leaderboard', async () => {
    const page = await app.browser.context.newPage();
    const log = recordPage(app.browser.context, page);
    await page.goto(new URL('#/leaderboard', app.served.url).href);
    await page.getByRole('status').filter({ hasText: '6 of 6 rows shown.' }).waitFor({ timeout: 60_000 });

    const bars = figure(page, 'Spearman on Demo-R, with 95% intervals');
    await bars.locator('svg[role="img"]').waitFor({ timeout: 30_000 });
    const barRows = await tableRows(bars);
    expect(barRows).toHaveLength(6);
    const twoTests = barRows.find((row) => row[0] === 'two tests')!;
    expect(twoTests[1]).toBe(await page.locator(`tr[data-row="run:${runIds[1]}:fraction"] td[data-metric="spearman"] .value`).textContent());
    expect(Number(twoTests[2])).toBeLessThanOrEqual(Number(twoTests[1]));

    const scaling = figure(page, /^Scaling: Spearman/);
    await scaling.locator('svg[role="img"]').waitFor({ timeout: 60_000 });
    const points = await tableRows(scaling);
    // Six rows, k = 1 and 2 (the most tests a problem has); with all of a problem's tests every draw is the same.
    expect(points).toHaveLength(12);
    const full = points.find((row) => row[0] === 'two tests' && row[1] === '2')!;
    expect(full.slice(2)).toEqual([twoTests[1], twoTests[1], twoTests[1]]);
    expect(await figure(page, /^Scaling/).count()).toBe(1);
    expect(log.errors).toEqual([]);
    await page.close();
  });

  it('sorts the problem list by per-problem metrics and marks invalid tests in words', async () => {
    const page = await app.browser.context.newPage();
    const log = recordPage(app.browser.context, page);
    const taskId = PROBLEMS[0]!.taskId;
    await page.goto(new URL(`#/runs/${runIds[0]}/${encodeURIComponent(taskId)}`, app.served.url).href);
    const nav = page.getByRole('navigation', { name: 'Problems of this run' });
    await nav.locator('[data-problem-metrics]').first().waitFor({ timeout: 30_000 });
    expect(await nav.getByLabel('Sort problems').inputValue()).toBe('hurt');
    expect(await nav.locator('[data-problem-metrics]').count()).toBe(PROBLEMS.length);
    await nav.getByLabel('Sort problems').selectOption('error');
    const errors = (await nav.locator('[data-problem-metrics]').allTextContents()).map((t) => Number(/error (\d\.\d\d)/.exec(t)![1]));
    expect(errors).toEqual([...errors].sort((a, b) => b - a));
    // 'assert False' (test 2) fails the rank-1 solution: it is named and its cells read "invalid".
    expect(await page.locator('[data-fact="invalid-tests"]').textContent()).toContain('the rank-1 solution fails them, so they are wrong): 2.');
    const cells = page.locator('table.pass-grid .cell.invalid');
    expect(await cells.count()).toBe(PROBLEMS[0]!.candidates.length);
    expect(await cells.first().textContent()).toBe('✗ invalid');
    // The generated tests list marks the same test, in words, and only it.
    const listed = page.locator('ol.tests li[data-invalid]');
    expect(await listed.count()).toBe(1);
    expect(await listed.textContent()).toContain('assert False');
    expect(await listed.textContent()).toContain('invalid: the rank-1 solution fails it');
    expect(log.errors).toEqual([]);
    await page.close();
  });

  it('passes an axe audit in light and dark, wide and at 390 px, without scrolling sideways', async () => {
    const findings: Finding[] = [];
    for (const width of [1280, 390]) {
      const page = await app.browser.context.newPage();
      await page.setViewportSize({ width, height: 800 });
      for (const [hash, ready] of [[`#/runs/${runIds[0]}/${encodeURIComponent(PROBLEMS[0]!.taskId)}`, 'Calibration'], ['#/leaderboard', /^Scaling/]] as const) {
        await page.goto(new URL(hash, app.served.url).href);
        const frame = figure(page, ready);
        await frame.locator('svg[role="img"]').waitFor({ timeout: 60_000 });
        for (const summary of await page.locator('figure.plot-frame summary').all()) await summary.click();
        for (const scheme of ['light', 'dark'] as const) {
          await page.emulateMedia({ colorScheme: scheme });
          findings.push(...(await audit(page, `${hash}, ${scheme}, ${width}px`)));
        }
        const wide = await page.evaluate((w) => [...document.querySelectorAll('body *')].filter((e) => e.getBoundingClientRect().right > w + 1 && !e.parentElement?.closest('.scroll')).slice(0, 8).map((e) => `${e.tagName}.${e.className} ${Math.round(e.getBoundingClientRect().right)}`), width);
        expect(await page.evaluate(() => document.documentElement.scrollWidth), `${hash} at ${width}px: ${wide.join(' | ')}`).toBeLessThanOrEqual(width);
        const svgWidth = await frame.locator('svg[role="img"]').evaluate((svg) => svg.getBoundingClientRect().width);
        expect(svgWidth).toBeLessThanOrEqual(width);
      }
      await page.close();
    }
    expect(report(findings)).toBe('');
  });
});
