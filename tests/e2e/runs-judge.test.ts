// An LLM-judge run made in the app on the demo dataset against the local OpenAI mock's judge model: created from
// the form, finished without starting Python, its per-candidate raw and normalized scores and answers on the
// problem page, its metrics equal to the Node computation of the same scores, and its row on the leaderboard.
import { readFileSync } from 'node:fs';
import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest';
import { parseDatasetText } from '../../src/core/dataset/parse-dataset';
import { computeMetricsBySplit } from '../../src/core/metrics/split-metrics';
import { minMaxNormalize } from '../../src/core/metrics/normalize';
import { startOpenAiMock, type OpenAiMock } from '../servers/openai-mock';
import { mockJudgeScore } from '../servers/score-answers';
import { externalUrls, recordPage, useApp, waitForServiceWorker } from './browser';
import { fillEndpoint, openDemoRunForm } from './new-run-form';

const chromiumPath = inject('chromiumPath');
const KEY = 'sk-e2e-judge-71c0de';
const PROBLEMS = 3;
const demo = parseDatasetText(readFileSync(new URL('../../static-datasets/demo/Demo-R.jsonl', import.meta.url), 'utf8'), { name: 'Demo-R', split: 'DEMO' });
const problems = demo.problems.slice(0, PROBLEMS);

let mock: OpenAiMock;
beforeAll(async () => {
  mock = await startOpenAiMock({ apiKey: KEY });
});
afterAll(async () => {
  await mock?.close();
});

describe.skipIf(!chromiumPath)('an LLM-judge run in the app', () => {
  const app = useApp(chromiumPath!);

  it('scores every candidate from the judge, shows the scores and answers, and lists the run on the leaderboard', async () => {
    const page = await app.browser.context.newPage();
    const log = recordPage(app.browser.context, page);
    await page.goto(app.served.url);
    await waitForServiceWorker(page);
    await openDemoRunForm(page);
    await page.getByLabel(/An LLM judge: /).check();
    // Reward models are API-only; a judge may also run in this browser; neither reads tests from a file.
    expect(await page.getByLabel('Tests from a file').count()).toBe(0);
    await fillEndpoint(page, { problems: PROBLEMS, baseUrl: mock.url, model: 'mock-judge+think', key: KEY });
    await page.getByLabel('Run name (optional)').fill('judge e2e');
    await page.getByRole('button', { name: 'Create and start the run' }).click();
    await page.waitForURL(/#\/runs\/[0-9a-f-]{36}$/);
    const runUrl = page.url();
    await expect.poll(() => page.locator('.page-head .status').textContent(), { timeout: 60_000 }).toBe('Done');

    const candidates = problems.reduce((n, p) => n + p.candidates.length, 0);
    expect(mock.requests.filter((r) => r.path === '/v1/chat/completions')).toHaveLength(candidates);
    const prompt = (mock.requests[0]!.body as { messages: { content: string }[] }).messages.at(-1)!.content;
    expect(prompt).toContain('Score: <a number from 0 to 10>');

    // The metrics are the judge's scores normalized per problem, as Node computes them.
    const solutions = problems.flatMap((p) => p.candidates.map((c) => ({ split: 'DEMO' as const, taskId: p.taskId, rank: c.rank, groundScore: c.score, predicted: mockJudgeScore(c.code) })));
    const expected = computeMetricsBySplit(solutions, 'reward').DEMO!;
    const metrics = page.locator('#metrics-heading + * table, section[aria-labelledby="metrics-heading"] table').first();
    expect(await metrics.locator('td[data-metric="spearman"]').first().textContent()).toBe(expected.spearman.toFixed(2));
    await page.getByRole('heading', { name: 'Settings' }).click();
    expect(await page.locator('[data-fact="verifier-kind"]').textContent()).toBe('LLM judge');

    // The first problem: raw score, normalized score and the model's answer per candidate.
    const first = problems[0]!;
    await page.goto(`${runUrl}/${encodeURIComponent(first.taskId)}`);
    const raw = first.candidates.map((c) => mockJudgeScore(c.code));
    const normalized = minMaxNormalize(raw);
    for (const [i, c] of first.candidates.entries()) {
      const row = page.locator(`tr[data-rank="${c.rank}"]`);
      await expect.poll(() => row.locator('[data-fact="raw-score"]').textContent()).toBe(String(raw[i]));
      expect(await row.locator('[data-fact="normalized-score"]').textContent()).toBe(normalized[i]!.toFixed(3));
    }
    await expect.poll(() => page.getByText(`score ${raw[0]}`, { exact: false }).count()).toBeGreaterThan(0);
    expect(await page.locator('pre').filter({ hasText: 'I checked a few edge cases.' }).count()).toBe(first.candidates.length);

    // The leaderboard: one row for the run, the kind in its scorer, its numbers those of the run.
    await page.goto(new URL('#/leaderboard', app.served.url).href);
    const row = page.locator('tr[data-row$=":judge"]');
    await row.waitFor({ timeout: 60_000 });
    expect(await row.locator('.detail').textContent()).toContain('LLM judge: 0 to 10');
    await expect.poll(() => row.locator('td[data-split="DEMO"][data-metric="problems"]').textContent(), { timeout: 60_000 }).toBe(String(PROBLEMS));
    await page.getByLabel('Scorer').selectOption('LLM judge: 0 to 10');
    await page.getByRole('status').filter({ hasText: '1 of 1 rows shown.' }).waitFor();
    expect(log.errors).toEqual([]);
    expect(externalUrls(log.requests)).toEqual([]);
  });
});
