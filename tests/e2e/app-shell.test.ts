// The built app opens on the demo dataset without console errors, without leaving localhost, isolated.
import { describe, expect, inject, it } from 'vitest';
import { externalUrls, recordPage, useApp, waitForServiceWorker } from './browser';
import { demo } from './demo-data';

const chromiumPath = inject('chromiumPath');

describe.skipIf(!chromiumPath)('app shell', () => {
  const app = useApp(chromiumPath!);

  it('opens on the demo dataset with no console errors and no request off localhost', async () => {
    const page = await app.browser.context.newPage();
    const log = recordPage(app.browser.context, page);
    await page.goto(app.served.url);

    const items = page.locator('#problem-list a');
    await expect.poll(() => items.count()).toBe(demo.problems.length);
    await expect(items.first().locator('.id').textContent()).resolves.toBe(demo.problems[0].taskId);
    await expect(page.getByRole('heading', { level: 1 }).textContent()).resolves.toBe('Datasets');
    await expect(page.title()).resolves.toBe('Datasets · Verifier Lab');
    for (const role of ['banner', 'navigation', 'main'] as const) {
      expect(await page.getByRole(role).count(), role).toBe(1);
    }

    // Let the service worker install and precache, so its requests are recorded too.
    await waitForServiceWorker(page);
    expect(log.errors).toEqual([]);
    expect(log.requests.length).toBeGreaterThan(0);
    expect(externalUrls(log.requests)).toEqual([]);
    await page.close();
  });

  it('is cross-origin isolated when served by vite preview', async () => {
    const page = await app.browser.context.newPage();
    await page.goto(app.served.url);
    expect(await page.evaluate(() => crossOriginIsolated)).toBe(true);
    expect(await page.evaluate(() => typeof SharedArrayBuffer)).toBe('function');
    await page.close();
  });

  it('serves the manifest, icons and favicon', async () => {
    const page = await app.browser.context.newPage();
    await page.goto(app.served.url);
    const manifestHref = await page.locator('link[rel="manifest"]').getAttribute('href');
    const manifest = await (await page.request.get(new URL(manifestHref!, app.served.url).href)).json();
    expect(manifest.name).toBe('Verifier Lab');
    expect(manifest.display).toBe('standalone');
    const icons: { src: string; purpose: string }[] = manifest.icons;
    expect(icons.some((i) => i.purpose === 'maskable')).toBe(true);
    for (const path of [...icons.map((i) => i.src), 'favicon.svg', 'favicon.ico']) {
      const res = await page.request.get(new URL(path, app.served.url).href);
      expect(res.status(), path).toBe(200);
    }
    await page.close();
  });
});
