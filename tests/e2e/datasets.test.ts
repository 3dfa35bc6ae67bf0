// The Datasets page: search, keyboard navigation into a problem, the candidate ladder and the tests.
import { describe, expect, inject, it } from 'vitest';
import { recordPage, useApp } from './browser';
import { demo } from './demo-data';

const chromiumPath = inject('chromiumPath');

/** The longest word of a problem statement: a query that selects a real subset. */
function queryFrom(text: string): string {
  return text.split(/[^A-Za-z_]+/).reduce((a, b) => (b.length > a.length ? b : a), '');
}

describe.skipIf(!chromiumPath)('datasets page', () => {
  const app = useApp(chromiumPath!);

  it('filters the problem list by id and by statement text', async () => {
    const page = await app.browser.context.newPage();
    await page.goto(app.served.url);
    const items = page.locator('#problem-list a');
    await expect.poll(() => items.count()).toBe(demo.problems.length);

    const word = queryFrom(demo.problems[1].prompt);
    const expected = demo.problems.filter((p) => `${p.taskId}\n${p.prompt}`.toLowerCase().includes(word.toLowerCase()));
    expect(expected.length).toBeLessThan(demo.problems.length);
    await page.getByRole('searchbox').fill(word);
    await expect.poll(() => items.locator('.id').allTextContents()).toEqual(expected.map((p) => p.taskId));

    const last = demo.problems.at(-1)!.taskId;
    await page.getByRole('searchbox').fill(last);
    await expect.poll(() => items.locator('.id').allTextContents()).toContain(last);

    await page.getByRole('searchbox').fill('zz-no-such-problem-zz');
    await expect.poll(() => items.count()).toBe(0);
    await page.getByText('No problem matches').waitFor();
    await page.close();
  });

  it('opens a problem with the keyboard and shows its ladder, highlighted code and tests', async () => {
    const page = await app.browser.context.newPage();
    const log = recordPage(app.browser.context, page);
    await page.goto(app.served.url);
    await page.locator('#problem-list a').first().waitFor();

    // The skip link is the first tab stop and moves focus to <main>.
    await page.keyboard.press('Tab');
    await expect(page.evaluate(() => document.activeElement?.textContent)).resolves.toBe('Skip to content');
    await page.keyboard.press('Enter');
    await expect(page.evaluate(() => document.activeElement?.id)).resolves.toBe('main');

    await page.getByRole('searchbox').focus();
    await page.keyboard.press('ArrowDown');
    await page.keyboard.press('ArrowDown');
    const target = demo.problems[1];
    await expect(page.evaluate(() => document.activeElement?.querySelector('.id')?.textContent)).resolves.toBe(
      target.taskId,
    );
    await page.keyboard.press('Enter');

    await expect.poll(() => page.locator('#problem-title').textContent()).toBe(target.taskId);
    expect(decodeURIComponent(new URL(page.url()).hash)).toBe(`#/datasets/${target.taskId}`);
    const current = page.locator('#problem-list a[aria-current="true"] .id');
    await expect(current.textContent()).resolves.toBe(target.taskId);

    const ladder = page.locator('.ladder > li');
    await expect(ladder.count()).resolves.toBe(target.candidates.length);
    const ranks = await ladder.locator('.rank').allTextContents();
    expect(ranks).toEqual(target.candidates.map((c) => `Rank #${c.rank}`));
    const scores = await ladder.locator('.value').allTextContents();
    expect(scores.map((s) => Number(s.replace(/[^0-9.]/g, '')))).toEqual(target.candidates.map((c) => c.score));
    // highlight.js turned Python keywords into spans.
    expect(await ladder.first().locator('.hljs-keyword').count()).toBeGreaterThan(0);

    if (target.tests.kind === 'assert') {
      const asserts = page.locator('section[aria-labelledby="tests-heading"] .asserts > li');
      const total = target.tests.asserts.length + (target.tests.challenge?.length ?? 0);
      await expect(asserts.count()).resolves.toBe(total);
      await expect(asserts.first().textContent()).resolves.toBe(target.tests.asserts[0]);
    }
    // Headings: one h1, and no level skipped on the way down.
    const levels = await page.evaluate(() =>
      [...document.querySelectorAll('h1, h2, h3, h4, h5, h6')].map((h) => Number(h.tagName[1])),
    );
    expect(levels.filter((l) => l === 1)).toHaveLength(1);
    expect(levels.every((l, i) => i === 0 || l - levels[i - 1] <= 1)).toBe(true);
    expect(log.errors).toEqual([]);
    await page.close();
  });

  it('fits a 360 px wide screen: the list, then the problem with a way back', async () => {
    const page = await app.browser.context.newPage();
    await page.setViewportSize({ width: 360, height: 740 });
    await page.goto(app.served.url);
    await page.locator('#problem-list a').first().waitFor();
    const overflow = () => page.evaluate(() => document.documentElement.scrollWidth - window.innerWidth);
    expect(await overflow()).toBeLessThanOrEqual(0);

    await page.locator('#problem-list a').nth(2).click();
    await page.locator('#problem-title').waitFor();
    expect(await page.locator('#problem-list').count()).toBe(0);
    expect(await overflow()).toBeLessThanOrEqual(0);
    await page.getByRole('link', { name: 'All problems' }).click();
    await page.locator('#problem-list').waitFor();
    await page.close();
  });
});
