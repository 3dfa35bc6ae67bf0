// The Refine page in Chromium against the local OpenAI-compatible mock: a demo exercise's failing tests, feedback
// written by hand or drafted by a model, refinements with and without it re-tested in the browser's engine, the
// teaching verdict in light and dark and at 390 px, refinements that hold no program, hang or try the sandbox, and
// the exercise as a stored run: stopped, listed on the Runs page, resumed.
import type { Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest';
import { startOpenAiMock, type OpenAiMock } from '../servers/openai-mock';
import { audit, report, type Finding } from './axe-audit';
import { recordPage, useApp } from './browser';
import { demo } from './demo-data';
import { dumpIndexedDb } from './idb-dump';

const chromiumPath = inject('chromiumPath');
const KEY = 'sk-e2e-refine-81f3a0';
const problem = demo.problems[0]!; // Demo/0 count_vowels; rank 2 counts each distinct vowel once
const FIX = `Count every vowel, not each distinct vowel once. Like this:\n\`\`\`python\n${problem.canonicalSolution.trim()}\n\`\`\``;

let mock: OpenAiMock;
beforeAll(async () => {
  mock = await startOpenAiMock({ apiKey: KEY });
});
afterAll(async () => {
  await mock?.close();
});

async function openExercise(page: Page, url: string, model: string): Promise<void> {
  // Refinements run under re-verification's limits; a 1 s floor (as the engine tests use) keeps a loaded machine's
  // timing out of the outcomes under test.
  await page.goto(new URL('#/build', url).href);
  await page.locator('#build-floor').fill('1000');
  await page.getByRole('navigation', { name: 'Main' }).getByRole('link', { name: 'Refine' }).click();
  await expect.poll(() => page.locator('#refine-problem').inputValue()).toBe(problem.taskId);
  await expect.poll(() => page.locator('#refine-rank').inputValue()).toBe('2');
  await page.getByLabel('Base URL').fill(mock.url);
  await page.getByLabel(/^API key for /).fill(KEY);
  await page.getByLabel('Model', { exact: true }).fill(model);
}

async function auditHere(page: Page, state: string): Promise<Finding[]> {
  const findings: Finding[] = [];
  for (const colorScheme of ['light', 'dark'] as const) {
    await page.emulateMedia({ colorScheme });
    findings.push(...(await audit(page, `${state}, ${colorScheme}`)));
  }
  await page.emulateMedia({ colorScheme: null });
  return findings;
}

describe.skipIf(!chromiumPath)('the Refine page', () => {
  const app = useApp(chromiumPath!);

  it('shows the failing tests, and the verdict of feedback that lets the model fix the program (light, dark, 390 px)', async () => {
    mock.reset();
    const page = await app.browser.context.newPage();
    const log = recordPage(app.browser.context, page);
    await openExercise(page, app.served.url, 'mock-fix');
    await page.getByRole('button', { name: 'Run its tests' }).click();
    await page.getByText('11 of 12').waitFor({ timeout: 90_000 });
    expect(await page.getByText('max(1000 ms, 4 × the canonical').count()).toBe(1);
    await expect.poll(() => page.locator('.tests li').first().textContent()).toMatch(/assert count_vowels\(.+fail/);

    await page.getByLabel('What is wrong with the program').fill(FIX);
    await page.getByLabel('Refinements (1–8)').fill('2');
    await page.getByLabel('Seed', { exact: true }).fill('3');
    await page.getByRole('button', { name: 'Make 2 refinements with and without the feedback' }).click();
    const verdict = page.locator('.verdict');
    await verdict.waitFor({ timeout: 90_000 });
    expect(await verdict.textContent()).toBe('Your feedback let the model fix it: 2 of 2 refinements pass, 0 of 2 without it.');
    expect(await page.locator('.numbered-list > li').count()).toBe(4);
    const seeds = mock.requests.map((r) => (r.body as { seed: number }).seed).sort();
    expect(seeds).toEqual([3, 3, 4, 4]);

    // The key went to the endpoint and nowhere into storage.
    expect(mock.requests.every((r) => r.headers.authorization === `Bearer ${KEY}`)).toBe(true);
    expect(await dumpIndexedDb(page, KEY)).not.toContain(KEY);

    const findings = await auditHere(page, 'refine verdict, 1280px');
    await page.setViewportSize({ width: 390, height: 800 });
    expect(await page.evaluate(() => document.documentElement.scrollWidth <= window.innerWidth)).toBe(true);
    expect(await verdict.isVisible()).toBe(true);
    findings.push(...(await auditHere(page, 'refine verdict, 390px')));
    expect(findings, report(findings)).toEqual([]);
    expect(log.errors).toEqual([]);
    await page.close();
  });

  it('drafts feedback with a model, marked as model-written and editable', async () => {
    mock.reset();
    mock.enqueue(FIX);
    const page = await app.browser.context.newPage();
    await openExercise(page, app.served.url, 'mock-queue');
    await page.getByRole('button', { name: 'Draft it with the model' }).click();
    await page.getByText('Model-written (mock-queue)').waitFor({ timeout: 90_000 });
    expect(await page.getByLabel('What is wrong with the program').inputValue()).toBe(FIX);
    const drafting = JSON.stringify(mock.requests[0]!.body);
    expect(drafting).toContain('Tests it fails:');

    await page.getByLabel('Model', { exact: true }).fill('mock-fix');
    await page.getByLabel('Refinements (1–8)').fill('1');
    await page.getByRole('button', { name: 'Make 1 refinements with and without the feedback' }).click();
    await page.locator('.verdict').waitFor({ timeout: 90_000 });
    expect(await page.locator('.verdict').textContent()).toBe('The model-written feedback let the model fix it: 1 of 1 refinement pass, 0 of 1 without it.');
    await page.close();
  });

  it('counts an answer with no program, a hang and a sandbox probe as failed refinements', async () => {
    const page = await app.browser.context.newPage();
    await openExercise(page, app.served.url, 'mock-fix+nocode');
    await page.getByLabel('What is wrong with the program').fill(FIX);
    await page.getByLabel('Refinements (1–8)').fill('1');
    const make = page.getByRole('button', { name: 'Make 1 refinements with and without the feedback' });
    const first = page.locator('.numbered-list > li').first();

    await make.click();
    await page.locator('.verdict').waitFor({ timeout: 90_000 });
    expect(await first.locator('summary').textContent()).toContain('no program');
    expect(await page.locator('.verdict').getAttribute('class')).toContain('not-fixed');

    for (const model of ['mock-fix+hang', 'mock-fix+escape']) {
      await page.getByLabel('Model', { exact: true }).fill(model);
      await make.click();
      await expect.poll(() => page.locator('.numbered-list > li').count(), { timeout: 120_000 }).toBe(2);
      await page.locator('.verdict').waitFor({ timeout: 120_000 });
      expect(await first.locator('summary').textContent()).toMatch(/fails \(0% of tests\)/);
    }
    // The probe changed nothing for the next refinement: the fix still passes.
    await page.getByLabel('Model', { exact: true }).fill('mock-fix');
    await make.click();
    await expect.poll(() => page.locator('.verdict').textContent(), { timeout: 90_000 }).toMatch(/^Your feedback let the model fix it/);
    await page.close();
  });

  it('keeps the refinements as a run: stopped, listed on the Runs page, and resumed where they stopped', async () => {
    mock.reset();
    mock.gate.close();
    const page = await app.browser.context.newPage();
    // Requests wait at the mock's gate, so the run is running until the test opens it (no timing involved).
    await openExercise(page, app.served.url, 'mock-fix+hold');
    await page.getByLabel('What is wrong with the program').fill(FIX);
    await page.getByLabel('Refinements (1–8)').fill('1');
    await page.getByRole('button', { name: 'Make 1 refinements with and without the feedback' }).click();
    await expect.poll(() => mock.gate.waiting, { timeout: 90_000 }).toBeGreaterThan(0);
    await page.getByRole('button', { name: 'Stop' }).click();
    await page.getByText('(paused)').waitFor({ timeout: 30_000 });
    const runLink = page.getByRole('link', { name: /^Refine Demo\/0 rank 2/ });
    const href = await runLink.getAttribute('href');

    // The stored run is on the Runs page, as a refinement run.
    await page.getByRole('navigation', { name: 'Main' }).getByRole('link', { name: 'Runs' }).click();
    await page.getByRole('link', { name: /^Refine Demo\/0 rank 2/ }).first().waitFor();
    expect(await page.getByText(/Refinement with feedback · OpenAI-compatible · mock-fix\+hold/).count()).toBeGreaterThan(0);

    await page.getByRole('navigation', { name: 'Main' }).getByRole('link', { name: 'Refine' }).click();
    expect(await page.getByRole('link', { name: /^Refine Demo\/0 rank 2/ }).getAttribute('href')).toBe(href);
    mock.gate.open();
    await page.getByRole('button', { name: 'Resume these refinements' }).click();
    await page.locator('.verdict').waitFor({ timeout: 90_000 });
    expect(await page.locator('.verdict').textContent()).toBe('Your feedback let the model fix it: 1 of 1 refinement pass, 0 of 1 without it.');
    await page.close();
  });
});
