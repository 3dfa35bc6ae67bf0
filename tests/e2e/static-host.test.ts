// On a static host that sends no COOP/COEP, the service worker adds them: after one automatic reload
// the page is cross-origin isolated, and stays so on later visits.
import { describe, expect, inject, it } from 'vitest';
import { recordPage, startStaticHost, useApp } from './browser';

const chromiumPath = inject('chromiumPath');

describe.skipIf(!chromiumPath)('static host without isolation headers', () => {
  const app = useApp(chromiumPath!, { serve: startStaticHost });

  it('becomes cross-origin isolated after the service worker takes over', async () => {
    const page = await app.browser.context.newPage();
    const log = recordPage(app.browser.context, page);
    let loads = 0;
    page.on('load', () => loads++);

    const first = await page.goto(app.served.url);
    expect(first?.headers()['cross-origin-embedder-policy']).toBeUndefined();
    const isolated = () => page.evaluate(() => crossOriginIsolated).catch(() => false);
    await expect.poll(isolated, { timeout: 90_000, interval: 200 }).toBe(true);
    await expect.poll(() => loads).toBe(2); // the first, non-isolated load and exactly one reload
    await page.locator('#problem-list a').first().waitFor();

    await page.reload();
    expect(await isolated()).toBe(true);
    await expect.poll(() => loads).toBe(3);
    expect(log.errors).toEqual([]);
    await page.close();
  });
});
