// The Refine page's batch mode with feedback read from a file (no drafting model) in Chromium against the local
// OpenAI mock: a bad file is refused by line and field and starts nothing; a good one makes a run whose programs
// show the file's feedback as a person's, whose only requests are the refiner's, and whose export carries it.
import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest';
import { startOpenAiMock, type OpenAiMock } from '../servers/openai-mock';
import { recordPage, useApp, waitForServiceWorker } from './browser';
import { FIX, VAGUE, WRONG, linesOf, problem } from './refine-fixtures';

const chromiumPath = inject('chromiumPath');
const KEY = 'sk-e2e-refine-file-5d1e';
const feedbackOf = (rank: number) => (rank === WRONG[0] ? FIX : VAGUE);
const REFINER = 'mock-fix';

let mock: OpenAiMock;
beforeAll(async () => {
  mock = await startOpenAiMock({ apiKey: KEY });
});
afterAll(async () => {
  await mock?.close();
});

describe.skipIf(!chromiumPath)('batch refinement from a feedback file', () => {
  const app = useApp(chromiumPath!);

  it('refuses a bad file by line and field, then refines with a good file’s feedback as a person’s', async () => {
    mock.reset();
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
    await page.getByLabel('Problems (task ids').fill(problem.taskId);
    await page.getByRole('radio', { name: /^From a file/ }).check();
    const start = page.getByRole('button', { name: /as a run$/ });
    expect(await page.locator('[data-fact="batch-issue"]').textContent()).toBe('Choose a feedback file.');
    expect(await start.isDisabled()).toBe(true);

    const file = page.locator('#batch-feedback-file');
    const good = WRONG.map((rank) => JSON.stringify({ task_id: problem.taskId, rank, feedback: feedbackOf(rank) }));
    const bad = [good[0]!, JSON.stringify({ task_id: problem.taskId, rank: WRONG[1] }), good[2]!].join('\n');
    await file.setInputFiles({ name: 'broken.jsonl', mimeType: 'application/jsonl', buffer: Buffer.from(bad) });
    const alert = page.getByRole('alert').filter({ hasText: 'broken.jsonl' });
    await alert.waitFor();
    expect(await alert.textContent()).toMatch(/line 2.*feedback/);
    expect(await start.isDisabled()).toBe(true);

    await file.setInputFiles({ name: 'notes.jsonl', mimeType: 'application/jsonl', buffer: Buffer.from(good.join('\n') + '\n') });
    await page.getByText(`notes.jsonl: ${WRONG.length} feedback lines.`).waitFor();
    expect(await page.getByRole('alert').filter({ hasText: 'broken.jsonl' }).count()).toBe(0);
    await page.locator('#batch-k').fill('1');
    expect(await start.textContent()).toContain(`Refine ${WRONG.length} programs as a run`);
    await start.click();
    await page.waitForURL(/#\/runs\/[0-9a-f-]{36}$/);
    await expect.poll(() => page.locator('.page-head .status').textContent(), { timeout: 120_000 }).toBe('Done');

    // Nothing was drafted: every request went to the refiner, with the key.
    expect(mock.requests.length).toBeGreaterThan(0);
    expect(mock.requests.every((r) => (r.body as { model: string }).model === REFINER && r.headers.authorization === `Bearer ${KEY}`)).toBe(true);
    // Each program shows its line of the file, as a person's feedback.
    for (const rank of WRONG) {
      const item = page.locator(`.programs li[data-rank="${rank}"]`);
      expect(await item.locator('.feedback .muted').textContent()).toBe('Feedback by a person');
      expect(await item.locator('.feedback .text').textContent()).toBe(feedbackOf(rank));
    }

    // The export carries the file's feedback; the refinement shown the fix passes, with feedback.
    const [all] = await Promise.all([page.waitForEvent('download'), page.getByRole('button', { name: 'Download all refinements (JSONL)' }).click()]);
    const lines = await linesOf(all);
    expect(new Set(lines.map((l) => l.rank))).toEqual(new Set(WRONG));
    expect(lines.every((l) => l.feedback === feedbackOf(l.rank) && l.feedback_author === 'person')).toBe(true);
    expect(lines.some((l) => l.rank === WRONG[0] && l.with_feedback && l.passed)).toBe(true);
    expect(log.errors).toEqual([]);
    await page.close();
  });
});
