// The app's Pyodide memory-snapshot cache in Chromium: the first engine use makes a snapshot and stores it in
// IndexedDB under the engine's key; after a reload every new worker starts from it instead of cold.
import type { Page } from 'playwright-core';
import { beforeAll, describe, expect, inject, it } from 'vitest';
import { recordPage, useApp } from './browser';

const chromiumPath = inject('chromiumPath');

/** Records how each engine worker started (its ReadyInfo, read off the comlink reply to ready()). */
function recordWorkerStarts(): void {
  const starts: { snapshot: string; readyMs: number }[] = [];
  (window as unknown as { engineStarts: typeof starts }).engineStarts = starts;
  const Native = window.Worker;
  window.Worker = class extends Native {
    constructor(url: string | URL, options?: WorkerOptions) {
      super(url, options);
      if (options?.name !== 'verifier-lab-engine') return;
      this.addEventListener('message', (e: MessageEvent) => {
        const info = (e.data as { value?: { snapshot?: unknown; pyodideVersion?: unknown; readyMs: number } } | null)?.value;
        if (typeof info?.snapshot === 'string' && typeof info.pyodideVersion === 'string') starts.push({ snapshot: info.snapshot, readyMs: info.readyMs });
      });
    }
  };
}

const starts = (page: Page) => page.evaluate(() => (window as unknown as { engineStarts: { snapshot: string; readyMs: number }[] }).engineStarts.slice());

/** Keys and sizes in the snapshot cache database. */
function storedSnapshots(page: Page): Promise<{ key: string; bytes: number }[]> {
  return page.evaluate(async () => {
    if (!(await indexedDB.databases()).some((d) => d.name === 'verifier-lab-snapshots')) return [];
    const db = await new Promise<IDBDatabase>((resolve, reject) => {
      const r = indexedDB.open('verifier-lab-snapshots');
      r.onsuccess = () => resolve(r.result);
      r.onerror = () => reject(r.error);
    });
    const store = db.transaction('snapshots').objectStore('snapshots');
    const [keys, values] = await Promise.all(
      [store.getAllKeys(), store.getAll()].map((r) => new Promise<unknown[]>((resolve, reject) => ((r.onsuccess = () => resolve(r.result)), (r.onerror = () => reject(r.error))))),
    );
    db.close();
    return keys!.map((key, i) => ({ key: String(key), bytes: (values![i] as Uint8Array).byteLength }));
  });
}

describe.skipIf(!chromiumPath)('Pyodide snapshot cache in the browser', () => {
  const app = useApp(chromiumPath!);

  beforeAll(() => app.browser.context.addInitScript(recordWorkerStarts));

  async function reverifyDemo(page: Page): Promise<void> {
    const panel = page.locator('section[aria-labelledby="verify-heading"]');
    await panel.getByRole('button', { name: 'Re-verify Demo-R' }).click();
    await panel.getByText('Every stored score was reproduced').waitFor({ timeout: 120_000 });
  }

  it('stores a snapshot on first use and starts workers from it after a reload', async () => {
    const page = await app.browser.context.newPage();
    const log = recordPage(app.browser.context, page);
    await page.goto(`${app.served.url}#/datasets`);
    await page.locator('h1').first().waitFor();
    expect(await storedSnapshots(page)).toEqual([]);

    await reverifyDemo(page);
    const first = await starts(page);
    expect(first.filter((s) => s.snapshot === 'made')).toHaveLength(1);
    expect(first.every((s) => s.snapshot === 'made' || s.snapshot === 'none')).toBe(true);
    // The put follows the first worker's ready; it may still be writing.
    await expect.poll(() => storedSnapshots(page), { timeout: 30_000, interval: 250 }).toHaveLength(1);
    const [stored] = await storedSnapshots(page);
    expect(stored!.key).toMatch(/^pyodide-\d+\.\d+\.\d+-preload-[0-9a-f]{8}-harness-[0-9a-f]{8}$/);
    expect(stored!.bytes).toBeGreaterThan(1_000_000);

    await page.reload();
    await page.locator('h1').first().waitFor();
    await reverifyDemo(page);
    const second = await starts(page);
    expect(second.length).toBeGreaterThan(0);
    expect(second.map((s) => s.snapshot)).toEqual(second.map(() => 'loaded'));
    expect(await storedSnapshots(page)).toEqual([stored]);
    console.log(`engine-snapshot: first visit ${first.map((s) => `${s.snapshot} ${Math.round(s.readyMs)} ms`).join(', ')}; after reload ${second.map((s) => `${Math.round(s.readyMs)} ms`).join(', ')}`);
    expect(log.errors).toEqual([]);
    await page.close();
  });
});
