// After one visit the app works offline: service worker cache only, no server, still cross-origin isolated.
import { describe, expect, inject, it } from 'vitest';
import { useApp, waitForServiceWorker } from './browser';
import { demo } from './demo-data';

const chromiumPath = inject('chromiumPath');

describe.skipIf(!chromiumPath)('offline', () => {
  const app = useApp(chromiumPath!);

  it('reloads the demo dataset with the network off and the server gone', async () => {
    const page = await app.browser.context.newPage();
    await page.goto(app.served.url);
    await page.locator('#problem-list a').first().waitFor();
    // The service worker controls the page once it has installed (precached) and activated.
    await waitForServiceWorker(page);
    await page.getByText('Works offline').waitFor();

    await app.browser.context.setOffline(true);
    await app.closeServer();
    await page.reload();

    const items = page.locator('#problem-list a');
    await expect.poll(() => items.count()).toBe(demo.problems.length);
    expect(await page.evaluate(() => crossOriginIsolated)).toBe(true);

    // A deep link to a problem opens in a new tab too.
    const target = demo.problems.at(-1)!;
    const tab = await app.browser.context.newPage();
    await tab.goto(new URL(`#/datasets/${encodeURIComponent(target.taskId)}`, app.served.url).href);
    await expect.poll(() => tab.locator('#problem-title').textContent()).toBe(target.taskId);
    await tab.close();
    await page.close();
  });
});
