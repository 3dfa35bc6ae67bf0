// The Runs empty state and Settings that survive a reload.
import { describe, expect, inject, it } from 'vitest';
import { recordPage, useApp } from './browser';

const chromiumPath = inject('chromiumPath');

describe.skipIf(!chromiumPath)('runs and settings pages', () => {
  const app = useApp(chromiumPath!);

  it('shows the Runs empty state with a way to the datasets', async () => {
    const page = await app.browser.context.newPage();
    const log = recordPage(app.browser.context, page);
    await page.goto(app.served.url);
    await page.getByRole('navigation', { name: 'Main' }).getByRole('link', { name: 'Runs' }).click();
    await page.getByRole('heading', { name: 'No runs yet' }).waitFor();
    expect(new URL(page.url()).hash).toBe('#/runs');
    const current = page.locator('nav a[aria-current="page"]');
    await expect(current.textContent()).resolves.toContain('Runs');
    // Focus moves to the new page's heading.
    await expect(page.evaluate(() => document.activeElement?.tagName)).resolves.toBe('H1');

    await page.getByRole('link', { name: 'Browse the datasets' }).click();
    await page.locator('#problem-list').waitFor();
    expect(log.errors).toEqual([]);
    await page.close();
  });

  it('keeps settings across a reload', async () => {
    const page = await app.browser.context.newPage();
    await page.goto(new URL('#/settings', app.served.url).href);
    const workers = page.getByLabel('Python workers');
    const timeout = page.getByLabel('Default time limit per test (ms)');
    const evalplus = page.getByRole('radio', { name: /EvalPlus/ });
    await workers.waitFor();
    const before = Number(await workers.inputValue());
    const next = before === 3 ? 5 : 3;

    await workers.selectOption(String(next));
    await timeout.fill('2500');
    await timeout.press('Tab');
    await evalplus.check();

    await page.reload();
    await workers.waitFor();
    expect(Number(await workers.inputValue())).toBe(next);
    expect(await timeout.inputValue()).toBe('2500');
    expect(await evalplus.isChecked()).toBe(true);

    // Out-of-range input is clamped, and Reset brings the defaults back.
    await timeout.fill('5');
    await timeout.press('Tab');
    expect(await timeout.inputValue()).toBe('100');
    await page.getByRole('button', { name: 'Reset to defaults' }).click();
    expect(Number(await workers.inputValue())).toBe(before);
    expect(await page.getByRole('radio', { name: /Paper/ }).isChecked()).toBe(true);
    await page.close();
  });
});
