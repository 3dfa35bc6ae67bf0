// The new-run form as the scoring-run e2e files fill it: the demo dataset chosen, the first N problems, an
// OpenAI-compatible endpoint with its model and key.
import type { Page } from 'playwright-core';
import { expect } from 'vitest';

/** Opens #/runs/new and waits until the bundled demo dataset is the chosen ranking set. */
export async function openDemoRunForm(page: Page): Promise<void> {
  await page.goto(new URL('#/runs/new', page.url()).href);
  const ranking = page.getByLabel('Ranking set');
  await expect.poll(() => ranking.evaluate((s: HTMLSelectElement) => s.selectedOptions[0]?.textContent ?? '')).toMatch(/^Demo-R \(DEMO\)/);
}

/** Fills the problem count and the endpoint fields. */
export async function fillEndpoint(page: Page, fields: { problems: number; baseUrl: string; model: string; key: string }): Promise<void> {
  await page.getByLabel('Only the first N (0 = all)').fill(String(fields.problems));
  await page.getByLabel('Base URL').fill(fields.baseUrl);
  await page.getByLabel('Model', { exact: true }).fill(fields.model);
  await page.getByLabel('API key').fill(fields.key);
}
