// Accessibility audit: axe-core (node_modules/axe-core/axe.min.js, injected into the built app) checks every route
// and the main states within them, in light and dark color schemes, on a wide and a narrow window. Any WCAG 2 A/AA
// violation of impact serious or critical fails, with a per-rule list of the nodes.
import { readFileSync } from 'node:fs';
import type { Page } from 'playwright-core';
import { beforeAll, describe, expect, inject, it } from 'vitest';
import { audit, report, type Finding } from './axe-audit';
import { recordPage, useApp } from './browser';
import { demo } from './demo-data';

const chromiumPath = inject('chromiumPath');
const SCHEMES = ['light', 'dark'] as const;
const fixture = (path: string) => readFileSync(new URL(`../fixtures/${path}`, import.meta.url));
const buildFixture = (name: string) => ({ name, mimeType: 'application/jsonl', buffer: fixture(`build/${name}`) });

describe.skipIf(!chromiumPath)('accessibility (axe-core, WCAG 2 A/AA, serious and critical)', () => {
  const app = useApp(chromiumPath!);
  let runHref = '';

  beforeAll(async () => {
    // A finished run on two demo problems, so the run pages have content (tests from a file, no model).
    const page = await app.browser.context.newPage();
    const problems = demo.problems.slice(0, 2);
    const tests = problems.map((p) => JSON.stringify({ task_id: p.taskId, tests: p.tests.kind === 'assert' ? p.tests.asserts.slice(0, 3) : [] })).join('\n');
    await page.goto(new URL('#/runs/new', app.served.url).href);
    await page.getByLabel('Problems (task ids; empty = all)').fill(problems.map((p) => p.taskId).join(' '));
    await page.getByText(`2 of ${demo.problems.length} problems selected.`).waitFor();
    await page.getByRole('radio', { name: 'Tests from a file' }).check();
    await page.getByLabel('Generated tests (JSONL)').setInputFiles({ name: 'demo-tests.jsonl', mimeType: 'application/jsonl', buffer: Buffer.from(tests) });
    await page.getByText('demo-tests.jsonl: 2 lines').waitFor();
    await page.getByRole('button', { name: 'Create and start the run' }).click();
    await page.waitForFunction(() => /^#\/runs\/[0-9a-f-]{36}$/.test(location.hash));
    runHref = new URL(page.url()).hash;
    await page.locator('.status', { hasText: 'Done' }).waitFor({ timeout: 120_000 });
    await page.close();
  });

  /**
   * Every route of src/ui (App.svelte's pages) and the states that show more of it, in the order they are visited
   * in one tab; `ready` brings the state about and waits for it, `after` undoes what would stay in the way of the
   * next state. `wideOnly` states run once (they need Python work).
   */
  const states: { name: string; hash: () => string; ready: (page: Page) => Promise<unknown>; after?: (page: Page) => Promise<unknown>; wideOnly?: boolean }[] = [
    { name: 'datasets', hash: () => '#/datasets', ready: (p) => p.locator('section[aria-labelledby="stored-heading"] .usage').waitFor() },
    { name: 'datasets: problem open', hash: () => `#/datasets/${encodeURIComponent(demo.problems[0]!.taskId)}`, ready: (p) => p.locator('#problem-title').waitFor() },
    { name: 'datasets: no such problem', hash: () => '#/datasets/no-such-task', ready: (p) => p.getByText('No such problem').waitFor() },
    {
      name: 'datasets: license dialog',
      hash: () => '#/datasets',
      ready: async (p) => {
        await p.locator('li[data-dataset="HE-R"]').getByRole('button', { name: /HE-R$/ }).click();
        await p.getByRole('dialog').getByText('NSCLv1').waitFor();
      },
      after: async (p) => {
        await p.keyboard.press('Escape');
        await p.getByRole('dialog').waitFor({ state: 'hidden' });
      },
    },
    {
      name: 'datasets: a stored dataset shown',
      hash: () => '#/datasets',
      ready: async (p) => {
        await p.locator('#dataset-file').setInputFiles({ name: 'MBPP-R.jsonl', mimeType: 'application/jsonl', buffer: fixture('official-schema/MBPP-R.jsonl') });
        await p.locator('section[aria-labelledby="stored-heading"]').getByRole('button', { name: 'Browse MBPP-R', exact: true }).click();
        await p.getByText('MBPP-R (MBPP_base), stored in this browser.').waitFor();
      },
    },
    {
      name: 'datasets: notice after deleting the shown dataset',
      hash: () => '#/datasets',
      ready: async (p) => {
        const stored = p.locator('section[aria-labelledby="stored-heading"]');
        await stored.getByRole('button', { name: 'Delete MBPP-R', exact: true }).click();
        await stored.getByRole('button', { name: 'Delete MBPP-R for good' }).click();
        await p.locator('#dataset-notice').waitFor();
        await p.locator('#problem-list a').first().waitFor();
      },
    },
    {
      name: 'datasets: re-verification finished',
      hash: () => '#/datasets',
      wideOnly: true,
      ready: async (p) => {
        const panel = p.locator('section[aria-labelledby="verify-heading"]');
        await panel.locator('#verify-floor').fill('1000');
        await panel.getByRole('button', { name: 'Re-verify Demo-R' }).click();
        await panel.locator('tbody td').first().waitFor({ timeout: 120_000 });
      },
    },
    { name: 'runs', hash: () => '#/runs', ready: (p) => p.getByRole('row').nth(1).waitFor() },
    { name: 'runs: new', hash: () => '#/runs/new', ready: (p) => p.getByText(/problems selected\./).waitFor() },
    {
      name: 'runs: new, tests from a file',
      hash: () => '#/runs/new',
      ready: async (p) => {
        await p.getByRole('radio', { name: 'Tests from a file' }).check();
        await p.getByLabel('Generated tests (JSONL)').setInputFiles({ name: 't.jsonl', mimeType: 'application/jsonl', buffer: Buffer.from('{"task_id": "Demo/0", "tests": ["assert True"]}\n') });
        await p.getByText('t.jsonl: 1 lines').waitFor();
      },
    },
    { name: 'runs: one run', hash: () => runHref, ready: (p) => p.locator('table.metrics').first().waitFor() },
    { name: 'runs: one problem of a run', hash: () => `${runHref}/${encodeURIComponent(demo.problems[0]!.taskId)}`, ready: (p) => p.locator('article.gen').first().waitFor() },
    { name: 'runs: no such run', hash: () => '#/runs/no-such-run', ready: (p) => p.getByRole('heading', { name: 'Run not found' }).waitFor() },
    { name: 'build', hash: () => '#/build', ready: (p) => p.getByRole('heading', { name: 'Build ranking sets' }).waitFor() },
    {
      name: 'build: finished',
      hash: () => '#/build',
      wideOnly: true,
      ready: async (p) => {
        await p.locator('#build-benchmark').setInputFiles(buildFixture('tiny-mbpp.jsonl'));
        await p.locator('#build-pools').setInputFiles([buildFixture('tiny-mbpp-pool.jsonl')]);
        await p.locator('#build-floor').fill('1000');
        await p.getByRole('button', { name: 'Build ranking sets' }).click();
        await p.locator('section[aria-labelledby="build-status-heading"]').getByText('Built in').waitFor({ timeout: 90_000 });
      },
    },
    { name: 'refine', hash: () => '#/refine', ready: (p) => p.locator('#refine-problem option').first().waitFor({ state: 'attached' }) },
    { name: 'settings', hash: () => '#/settings', ready: (p) => p.locator('#downloads-heading').waitFor() },
    { name: 'not found', hash: () => '#/no-such-page', ready: (p) => p.locator('h1').waitFor() },
  ];

  it('finds no serious or critical violation on any route, light and dark, wide and narrow', async () => {
    const findings: Finding[] = [];
    let audits = 0;
    for (const width of [1280, 390]) {
      const page = await app.browser.context.newPage();
      const log = recordPage(app.browser.context, page);
      await page.setViewportSize({ width, height: 800 });
      for (const state of states) {
        if (width < 1000 && state.wideOnly) continue;
        await page.emulateMedia({ colorScheme: 'light' });
        await page.goto(new URL(state.hash(), app.served.url).href);
        await state.ready(page);
        for (const scheme of SCHEMES) {
          await page.emulateMedia({ colorScheme: scheme });
          expect(await page.evaluate(() => matchMedia('(prefers-color-scheme: dark)').matches), scheme).toBe(scheme === 'dark');
          findings.push(...(await audit(page, `${state.name}, ${scheme}, ${width}px`)));
          audits++;
        }
        await state.after?.(page);
      }
      expect(log.errors).toEqual([]);
      await page.close();
    }
    console.log(`a11y: ${audits} audits, ${findings.reduce((n, f) => n + f.nodes.length, 0)} serious/critical nodes${findings.length ? `\n${report(findings)}` : ''}`);
    expect(report(findings)).toBe('');
  });
});
