// The Refine page's batch mode in Chromium against the local OpenAI mock: a batch run over a demo problem's wrong
// programs with feedback drafted by a model and a baseline, paused and resumed; its run page's report checked against
// a computation in Node of the ILF lines it exports; the fine-tuning download; the run on the Runs page; the page's
// accessibility in light and dark and at 390 px. Then a test run's "Refine rank N…" link opening the Refine page.
import type { Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest';
import { startOpenAiMock, type OpenAiMock } from '../servers/openai-mock';
import { audit, report, type Finding } from './axe-audit';
import { recordPage, useApp, waitForServiceWorker } from './browser';
import { FIX, VAGUE, WRONG, linesOf, problem, type IlfLine } from './refine-fixtures';
import { dumpIndexedDb } from './idb-dump';
import { fillEndpoint, openDemoRunForm } from './new-run-form';

const chromiumPath = inject('chromiumPath');
const KEY = 'sk-e2e-refine-batch-27c4';
const K = 2;
/**
 * The refiner: its first request waits at the gate (the run is paused there), its second answers without a program,
 * the rest fix what the feedback shows. Requests go out in sample order, so the second is usually the first program's
 * second refinement with feedback: one of two passes there, and pass@1 differs from pass@k. The report is checked
 * against the exported lines whatever the order was.
 */
const REFINER = 'mock-fix+holdx1+nocodex2';

let mock: OpenAiMock;
beforeAll(async () => {
  mock = await startOpenAiMock({ apiKey: KEY });
});
afterAll(async () => {
  await mock?.close();
});

/** C(n, r) as a float (small n here). */
function choose(n: number, r: number): number {
  if (r < 0 || r > n) return 0;
  let out = 1;
  for (let i = 1; i <= r; i++) out = (out * (n - r + i)) / i;
  return out;
}

/** The report of one side computed here from the export lines: Chen et al.'s estimator, written out again. */
function side(lines: readonly IlfLine[], withFeedback: boolean, k: number) {
  const programs = new Map<string, { n: number; c: number }>();
  for (const l of lines.filter((x) => x.with_feedback === withFeedback)) {
    const key = `${l.task_id}#${l.rank}`;
    const t = programs.get(key) ?? { n: 0, c: 0 };
    programs.set(key, { n: t.n + 1, c: t.c + (l.passed ? 1 : 0) });
  }
  const tallies = [...programs.values()].filter((t) => t.n >= k);
  const mean = (f: (t: { n: number; c: number }) => number) => tallies.reduce((s, t) => s + f(t), 0) / tallies.length;
  return {
    programs: tallies.length,
    refinements: tallies.reduce((s, t) => s + t.n, 0),
    pass1: mean((t) => t.c / t.n),
    passk: mean((t) => 1 - choose(t.n - t.c, k) / choose(t.n, k)),
    repaired: tallies.filter((t) => t.c > 0).length,
  };
}

const pct = (x: number) => `${(x * 100).toFixed(1)}%`;

async function auditSchemes(page: Page, state: string): Promise<Finding[]> {
  const findings: Finding[] = [];
  for (const colorScheme of ['light', 'dark'] as const) {
    await page.emulateMedia({ colorScheme });
    findings.push(...(await audit(page, `${state}, ${colorScheme}`)));
  }
  await page.emulateMedia({ colorScheme: null });
  return findings;
}

describe.skipIf(!chromiumPath)('batch refinement runs', () => {
  const app = useApp(chromiumPath!);

  it('refines a problem’s wrong programs with drafted feedback as a run: paused, resumed, reported as Node computes it, exported', async () => {
    mock.reset();
    mock.gate.close();
    // Drafted in rank order (a problem's programs are refined one after another): a fix for two, a vague note for one.
    mock.enqueue(FIX, VAGUE, FIX);
    const page = await app.browser.context.newPage();
    const log = recordPage(app.browser.context, page);
    await page.goto(app.served.url);
    await waitForServiceWorker(page);
    // Refinements run under re-verification's limits; a 1 s floor keeps a loaded machine's timing out of the outcomes.
    await page.goto(new URL('#/build', app.served.url).href);
    await page.locator('#build-floor').fill('1000');
    await page.getByRole('navigation', { name: 'Main' }).getByRole('link', { name: 'Refine' }).click();
    await page.getByLabel('Base URL').fill(mock.url);
    await page.getByLabel(/^API key for /).fill(KEY);
    await page.getByLabel('Model', { exact: true }).fill(REFINER);

    const start = page.getByRole('button', { name: /as a run$/ });
    await page.getByLabel('Problems (task ids').fill(problem.taskId);
    expect(await page.locator('[data-fact="batch-issue"]').textContent()).toBe('Name the model that drafts the feedback.');
    expect(await start.isDisabled()).toBe(true);
    await page.getByLabel('Feedback model').fill('mock-queue');
    await page.locator('#batch-k').fill(String(K));
    await page.locator('#batch-seed').fill('3');
    expect(await page.getByLabel(/Also make them without the feedback/).isChecked()).toBe(true);
    expect(await start.textContent()).toContain(`Refine ${WRONG.length} programs as a run`);
    await start.click();
    await page.waitForURL(/#\/runs\/[0-9a-f-]{36}$/);
    const runUrl = page.url();

    // The first program's feedback is drafted, its first refinement waits at the gate: pause there, then resume.
    await expect.poll(() => mock.gate.waiting, { timeout: 90_000 }).toBeGreaterThan(0);
    const badge = page.locator('.page-head .status');
    await page.getByRole('button', { name: 'Pause' }).click();
    await expect.poll(() => badge.textContent(), { timeout: 60_000 }).toBe('Paused');
    mock.gate.open();
    await page.getByRole('button', { name: /^Resume/ }).click();
    await expect.poll(() => badge.textContent(), { timeout: 120_000 }).toBe('Done');

    // Each feedback was drafted once (the pause redid none), by the feedback model, marked as model-written.
    const drafts = mock.requests.filter((r) => (r.body as { model: string }).model === 'mock-queue');
    expect(drafts).toHaveLength(WRONG.length);
    expect(await page.locator('.programs .drafted').allTextContents()).toEqual(WRONG.map(() => 'Model-written (mock-queue)'));
    expect(mock.requests.every((r) => r.headers.authorization === `Bearer ${KEY}`)).toBe(true);
    expect(await dumpIndexedDb(page, KEY)).not.toContain(KEY);

    // The ILF export, and the report computed from it here.
    const [all] = await Promise.all([page.waitForEvent('download'), page.getByRole('button', { name: 'Download all refinements (JSONL)' }).click()]);
    const lines = await linesOf(all);
    expect(lines).toHaveLength(WRONG.length * K * 2);
    expect(new Set(lines.map((l) => l.rank))).toEqual(new Set(WRONG));
    expect(lines.every((l) => l.feedback_author === 'model:mock-queue' && l.model === REFINER && [3, 4].includes(l.seed))).toBe(true);
    expect(lines.filter((l) => l.passed).map((l) => l.feedback)).toEqual(lines.filter((l) => l.passed).map(() => FIX));
    for (const [name, withFeedback] of [['with', true], ['without', false]] as const) {
      const expected = side(lines, withFeedback, K);
      const row = page.locator(`table.refine-batch tr[data-side="${name}"]`);
      const cell = (fact: string) => row.locator(`[data-fact="${fact}"]`).textContent();
      expect(await cell('programs')).toBe(String(expected.programs));
      expect(await cell('refinements')).toBe(String(expected.refinements));
      expect(await cell('pass1')).toBe(pct(expected.pass1));
      expect(await cell('passk')).toBe(pct(expected.passk));
      expect(await cell('repaired')).toBe(String(expected.repaired));
    }
    const rateWith = side(lines, true, K).repaired / WRONG.length;
    const rateWithout = side(lines, false, K).repaired / WRONG.length;
    expect(rateWith).toBeGreaterThan(rateWithout); // the mock fixes only what the feedback shows it
    for (const [fact, estimate] of [['rate-with', rateWith], ['rate-without', rateWithout], ['rate-difference', rateWith - rateWithout]] as const) {
      const text = (await page.locator(`[data-fact="${fact}"]`).textContent())!;
      const [shown, low, high] = /^(-?[\d.]+)% \[(-?[\d.]+)%, (-?[\d.]+)%\]$/.exec(text)!.slice(1).map(Number);
      expect(shown!.toFixed(1)).toBe((estimate * 100).toFixed(1));
      expect(low!).toBeLessThanOrEqual(shown!);
      expect(high!).toBeGreaterThanOrEqual(shown!);
    }

    // "Passed only" is the ILF fine-tuning set: the passing refinements made with feedback.
    const [passed] = await Promise.all([page.waitForEvent('download'), page.getByRole('button', { name: /^Download passed only/ }).click()]);
    expect(await linesOf(passed)).toEqual(lines.filter((l) => l.passed && l.with_feedback));

    // Its settings say what made it.
    await page.locator('details.card summary', { hasText: 'Settings' }).click();
    expect(await page.locator('[data-setting="refine-k"] dd').textContent()).toBe(String(K));
    expect(await page.locator('[data-setting="refine-feedbackModel"] dd').textContent()).toBe('mock-queue');
    expect(await page.locator('[data-setting="refine-programs"] dd').textContent()).toBe(String(WRONG.length));

    // A copy is refused in words; there is no evaluation file.
    await page.getByRole('button', { name: 'Duplicate…' }).click();
    expect(await page.getByRole('alert').filter({ hasText: 'Not duplicated' }).textContent()).toMatch(/cannot be duplicated/);
    expect(await page.getByRole('button', { name: 'Export evaluation file' }).count()).toBe(0);

    // Accessible in light and dark, and at 390 px without sideways scrolling (a program's refinements open).
    await page.locator('.programs details summary').first().click();
    const findings = await auditSchemes(page, 'refine run page, 1280px');
    await page.setViewportSize({ width: 390, height: 800 });
    expect(await page.evaluate(() => document.documentElement.scrollWidth <= window.innerWidth)).toBe(true);
    findings.push(...(await auditSchemes(page, 'refine run page, 390px')));
    expect(findings, report(findings)).toEqual([]);
    await page.setViewportSize({ width: 1280, height: 800 });

    // Its run file keeps the settings and every outcome (the round trip itself is a unit test).
    const [runFile] = await Promise.all([page.waitForEvent('download'), page.getByRole('button', { name: 'Export run file' }).click()]);
    let runText = '';
    for await (const chunk of await runFile.createReadStream()) runText += String(chunk);
    const records = runText.trim().split('\n').map((l) => JSON.parse(l) as { type: string; run?: { verifier: { kind: string; refine: { k: number } } }; refinement?: unknown });
    expect(records[0]!.run!.verifier).toMatchObject({ kind: 'refine', refine: { k: K } });
    expect(records.filter((r) => r.type === 'generation' && r.refinement)).toHaveLength(lines.length);
    expect(runText).not.toContain(KEY);

    // Listed with the other runs, its ranking metrics a dash (it ranks nothing).
    await page.getByRole('link', { name: '← All runs' }).click();
    const row = page.getByRole('row').filter({ has: page.locator(`a[href="${new URL(runUrl).hash}"]`) });
    expect(await row.locator('.verifier').textContent()).toBe(`Refinement with feedback · OpenAI-compatible · ${REFINER}`);
    expect(await row.locator('.status').textContent()).toBe('Done');
    expect(await row.locator('td.num').allTextContents()).toEqual(['1/1', '—', '—', '—']);

    // Deleted like any run.
    await row.getByRole('link').click();
    await page.getByRole('button', { name: 'Delete…' }).click();
    await page.getByRole('button', { name: 'Delete for good' }).click();
    await page.waitForURL(/#\/runs$/);
    await expect.poll(() => page.locator(`a[href="${new URL(runUrl).hash}"]`).count()).toBe(0);
    expect(log.errors).toEqual([]);
    await page.close();
  });

  it('opens the Refine page on a wrong program from a test run’s problem, and says when the dataset shown lacks one', async () => {
    mock.reset();
    const page = await app.browser.context.newPage();
    await page.goto(app.served.url);
    await openDemoRunForm(page);
    await fillEndpoint(page, { problems: 1, baseUrl: mock.url, model: 'mock-asserts', key: KEY });
    await page.getByRole('button', { name: 'Create and start the run' }).click();
    await page.waitForURL(/#\/runs\/[0-9a-f-]{36}$/);
    await page.locator('.page-head .status', { hasText: 'Done' }).waitFor({ timeout: 120_000 });
    await page.getByRole('link', { name: new RegExp(`^${problem.taskId}`) }).click();
    await page.getByRole('heading', { name: problem.taskId }).waitFor();
    const links = page.getByRole('link', { name: /^Refine rank \d+…$/ });
    expect(await links.allTextContents()).toEqual(WRONG.map((r) => `Refine rank ${r}…`));

    await page.getByRole('link', { name: `Refine rank ${WRONG.at(-1)}…` }).click();
    await page.waitForURL(/#\/refine$/);
    await expect.poll(() => page.locator('#refine-problem').inputValue()).toBe(problem.taskId);
    await expect.poll(() => page.locator('#refine-rank').inputValue()).toBe(String(WRONG.at(-1)));

    // Rank 1 is the correct solution: nothing to refine, and the page says so.
    await page.goto(new URL(`#/refine/${encodeURIComponent(problem.taskId)}/1`, app.served.url).href);
    await expect.poll(() => page.getByRole('alert').filter({ hasText: 'has no wrong program' }).textContent()).toContain(`${problem.taskId} rank 1`);
    await page.close();
  });
});
