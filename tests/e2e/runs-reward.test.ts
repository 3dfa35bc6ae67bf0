// A reward-model run made in the app on the demo dataset against the local mock's NIM-style reward model that names
// several attributes: a weighted sum as the score, unstreamed two-turn requests (problem as the user turn, program as
// the assistant turn), a 429 retried, metrics equal to the Node computation of the same rewards, and its row on the
// leaderboard.
import { readFileSync } from 'node:fs';
import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest';
import { parseDatasetText } from '../../src/core/dataset/parse-dataset';
import { computeMetricsBySplit } from '../../src/core/metrics/split-metrics';
import { startOpenAiMock, type OpenAiMock } from '../servers/openai-mock';
import { mockAttributes } from '../servers/score-answers';
import { externalUrls, recordPage, useApp, waitForServiceWorker } from './browser';
import { fillEndpoint, openDemoRunForm } from './new-run-form';

const chromiumPath = inject('chromiumPath');
const KEY = 'sk-e2e-reward-5eed';
const PROBLEMS = 2;
const demo = parseDatasetText(readFileSync(new URL('../../static-datasets/demo/Demo-R.jsonl', import.meta.url), 'utf8'), { name: 'Demo-R', split: 'DEMO' });
const problems = demo.problems.slice(0, PROBLEMS);
const reward = (code: string) => {
  const a = mockAttributes(code);
  return 0.5 * a.helpfulness! + 2 * a.correctness!;
};

let mock: OpenAiMock;
beforeAll(async () => {
  mock = await startOpenAiMock({ apiKey: KEY });
});
afterAll(async () => {
  await mock?.close();
});

describe.skipIf(!chromiumPath)('a reward-model run in the app', () => {
  const app = useApp(chromiumPath!);

  it('scores every candidate by a weighted sum of the attributes, unstreamed, and lists the run on the leaderboard', async () => {
    const page = await app.browser.context.newPage();
    const log = recordPage(app.browser.context, page);
    await page.goto(app.served.url);
    await waitForServiceWorker(page);
    await openDemoRunForm(page);
    await page.getByLabel(/A reward model: /).check();
    await fillEndpoint(page, { problems: PROBLEMS, baseUrl: mock.url, model: 'mock-reward-attributes+429x1', key: KEY });
    await page.getByLabel('Reward attribute or weights').fill('helpfulness=0.5, correctness=2');
    await page.getByLabel('Run name (optional)').fill('reward e2e');
    await page.getByRole('button', { name: 'Create and start the run' }).click();
    await page.waitForURL(/#\/runs\/[0-9a-f-]{36}$/);
    await expect.poll(() => page.locator('.page-head .status').textContent(), { timeout: 90_000 }).toBe('Done');

    // One request per candidate (plus the refused first one), each unstreamed, problem then program.
    const candidates = problems.flatMap((p) => p.candidates.map((c) => ({ p, c })));
    const asked = mock.requests.filter((r) => r.path === '/v1/chat/completions');
    expect(asked).toHaveLength(candidates.length + 1);
    for (const r of asked) {
      const body = r.body as { stream?: boolean; messages: { role: string; content: string }[] };
      expect(body.stream ?? false).toBe(false);
      expect(body.messages.map((m) => m.role)).toEqual(['user', 'assistant']);
    }
    const shown = new Set(asked.map((r) => (r.body as { messages: { content: string }[] }).messages[1]!.content));
    for (const { c } of candidates) expect(shown.has(c.code)).toBe(true);

    // The metrics are the weighted rewards normalized per problem, as Node computes them.
    const solutions = candidates.map(({ p, c }) => ({ split: 'DEMO' as const, taskId: p.taskId, rank: c.rank, groundScore: c.score, predicted: reward(c.code) }));
    const expected = computeMetricsBySplit(solutions, 'reward').DEMO!;
    const metrics = page.locator('section[aria-labelledby="metrics-heading"] table').first();
    expect(await metrics.locator('td[data-metric="spearman"]').first().textContent()).toBe(expected.spearman.toFixed(2));
    expect(await metrics.locator('td[data-metric="mae"]').first().textContent()).toBe(expected.mae.toFixed(2));
    await page.getByRole('heading', { name: 'Settings' }).click();
    expect(await page.locator('[data-fact="verifier-kind"]').textContent()).toBe('Reward model');

    // The leaderboard: the run's row with the weights in its scorer.
    await page.goto(new URL('#/leaderboard', app.served.url).href);
    const row = page.locator('tr[data-row$=":reward"]');
    await row.waitFor({ timeout: 60_000 });
    expect(await row.locator('.detail').textContent()).toContain('0.5 x helpfulness + 2 x correctness');
    await expect.poll(() => row.locator('td[data-split="DEMO"][data-metric="problems"]').textContent(), { timeout: 60_000 }).toBe(String(PROBLEMS));
    // The browser reports the deliberate 429 itself; nothing else may be logged.
    expect(log.errors.filter((e) => !/status of 429 \(Too Many Requests\)/.test(e))).toEqual([]);
    expect(log.errors.length).toBeLessThanOrEqual(1);
    expect(externalUrls(log.requests)).toEqual([]);
  });
});
