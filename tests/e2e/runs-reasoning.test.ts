// A reasoning model run from the UI against the local OpenAI mock: the form's preset, reasoning effort and extra
// request fields reach every request; the run page says what produced its numbers (the provenance facts, the endpoint
// as a host only); the problem page shows the API's reasoning collapsed, apart from the answer, and no test came from
// it; the leaderboard row has the same facts behind a disclosure.
import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest';
import { createHash } from 'node:crypto';
import { presetTemplateText } from '../../src/run/prompt-template-text';
import { MOCK_REASONING } from '../servers/mock-behaviours';
import { startOpenAiMock, type OpenAiMock } from '../servers/openai-mock';
import { recordPage, useApp, waitForServiceWorker } from './browser';
import { demo } from './demo-data';

const chromiumPath = inject('chromiumPath');
const PROBLEMS = 2;

describe.skipIf(!chromiumPath)('a reasoning model run from the UI', () => {
  let mock: OpenAiMock;
  beforeAll(async () => {
    mock = await startOpenAiMock({ apiKey: null });
  });
  afterAll(async () => {
    await mock?.close();
  });
  const app = useApp(chromiumPath!);

  it('sends its reasoning settings, shows the reasoning collapsed and the settings that produced the numbers', async () => {
    const page = await app.browser.context.newPage();
    const log = recordPage(app.browser.context, page);
    await page.goto(new URL('#/runs/new', app.served.url).href);
    await waitForServiceWorker(page);

    const ranking = page.getByLabel('Ranking set');
    await expect.poll(() => ranking.evaluate((s: HTMLSelectElement) => s.selectedOptions[0]?.textContent ?? '')).toMatch(/^Demo-R \(DEMO\)/);
    await page.getByLabel('Only the first N (0 = all)').fill(String(PROBLEMS));
    await page.getByLabel('Base URL').fill(`${mock.url}/`);
    await page.getByLabel('Model', { exact: true }).fill('mock-asserts+reasoning');
    await page.getByLabel('Prompt preset').selectOption('paper-structure');
    await page.getByLabel('Reasoning effort').selectOption('high');
    const extra = page.getByLabel(/^Extra request fields/);
    await extra.fill('[1, 2]');
    await page.getByRole('alert').filter({ hasText: 'Extra request fields must be a JSON object' }).waitFor();
    await extra.fill('{"top_k": 20}');
    expect(await page.getByRole('alert').filter({ hasText: 'Extra request fields' }).count()).toBe(0);
    expect(await page.getByLabel('Max tokens').inputValue()).toBe('16000');
    await page.getByRole('button', { name: 'Create and start the run' }).click();
    await page.waitForURL(/#\/runs\/[0-9a-f-]{36}$/);
    await page.locator('.status', { hasText: 'Done' }).waitFor({ timeout: 120_000 });

    // Every request carried the settings and the paper-structure prompt (one user message).
    expect(mock.requests).toHaveLength(PROBLEMS);
    for (const r of mock.requests) {
      const body = r.body as { reasoning_effort: string; top_k: number; max_tokens: number; messages: { role: string }[] };
      expect([body.reasoning_effort, body.top_k, body.max_tokens, body.messages.map((m) => m.role)]).toEqual(['high', 20, 16000, ['user']]);
    }

    // The run page's settings: the provenance facts.
    await page.getByRole('heading', { name: 'Settings' }).click();
    const setting = async (key: string) => (await page.locator(`[data-setting="${key}"] dd`).textContent())?.trim();
    const host = new URL(mock.url).host;
    const hash = createHash('sha256').update(presetTemplateText('paper-structure', 'instruction')).digest('hex').slice(0, 12);
    expect({
      kind: await setting('kind'),
      endpoint: await setting('endpoint'),
      prompt: await setting('prompt'),
      promptHash: await setting('promptHash'),
      tests: await setting('tests'),
      maxTokens: await setting('maxTokens'),
      reasoningEffort: await setting('reasoningEffort'),
      extraBody: await setting('extraBody'),
      extraction: await setting('extraction'),
    }).toEqual({
      kind: 'Generated tests',
      endpoint: host,
      prompt: 'Paper structure preset',
      promptHash: `sha256:${hash}`,
      tests: '10',
      maxTokens: '16000',
      reasoningEffort: 'high',
      extraBody: '{"top_k":20}',
      extraction: 'assertion tags only',
    });

    // The problem page: reasoning collapsed, apart from the raw answer; no test taken from it.
    const first = demo.problems[0]!.taskId;
    await page.getByRole('link', { name: new RegExp(`^${first}`) }).click();
    await page.getByRole('heading', { name: first }).waitFor();
    const reasoning = page.locator('details[data-reasoning]');
    await reasoning.waitFor();
    expect(await reasoning.evaluate((d: HTMLDetailsElement) => d.open)).toBe(false);
    const text = reasoning.locator('pre').first();
    expect(await text.isVisible()).toBe(false);
    await reasoning.locator('summary').click();
    expect(await text.isVisible()).toBe(true);
    expect(await text.textContent()).toBe(MOCK_REASONING);
    const tests = await page.locator('ol.tests li').allTextContents();
    expect(tests).toHaveLength(10);
    expect(tests.filter((t) => t.includes('reasoning'))).toEqual([]);

    // The leaderboard: the same facts behind the row's Settings disclosure.
    await page.goto(new URL('#/leaderboard', app.served.url).href);
    const row = page.locator('tbody tr', { hasText: 'mock-asserts+reasoning' }).first();
    await row.waitFor();
    const details = row.locator('details.settings');
    expect(await details.evaluate((d: HTMLDetailsElement) => d.open)).toBe(false);
    await details.locator('summary').click();
    expect(await details.locator('[data-setting="endpoint"] dd').textContent()).toBe(host);
    expect(await details.locator('[data-setting="reasoningEffort"] dd').textContent()).toBe('high');
    expect(log.errors).toEqual([]);
    await page.close();
  });
});
