// Datasets bundled at build time (vite-plugins/bundled-datasets.ts): a build made with two fixture files lists them
// as part of the build, adds them to storage without any network, and they stay available offline.
import { createHash } from 'node:crypto';
import { copyFileSync, mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { build, preview, resolveConfig } from 'vite';
import { afterAll, describe, expect, inject, it } from 'vitest';
import { bundledDatasets } from '../../vite-plugins/bundled-datasets';
import { freePort, useApp, waitForServiceWorker, type Served } from './browser';
import { openDatasets, storedCounts } from './datasets-helpers';

const chromiumPath = inject('chromiumPath');
const ROOT = fileURLToPath(new URL('../..', import.meta.url));
const CONFIG = `${ROOT}/vite.config.ts`;
const FILES = ['HE-R.jsonl', 'HE-R+.jsonl'];

/** A production build into `temp`/dist with the fixture files bundled, served like the app's preview. */
async function serveBuildWithBundled(temp: string): Promise<Served> {
  const dir = join(temp, 'official');
  mkdirSync(dir);
  for (const file of FILES) {
    copyFileSync(new URL(`../fixtures/official-schema/${file}`, import.meta.url), join(dir, file));
    const sha = createHash('sha256').update(readFileSync(join(dir, file))).digest('hex');
    writeFileSync(join(dir, `${file}.sha256`), `${sha}  ${file}\n`);
  }
  // vite.config.ts may or may not list the plugin yet; either way it reads this folder.
  process.env['VERIFIER_LAB_BUNDLED_DIR'] = dir;
  const outDir = join(temp, 'dist');
  const configured = (await resolveConfig({ root: ROOT, configFile: CONFIG }, 'build')).plugins.some((p) => p.name === 'verifier-lab:bundled-datasets');
  const nodeEnv = process.env.NODE_ENV;
  process.env.NODE_ENV = 'production';
  try {
    await build({ root: ROOT, configFile: CONFIG, mode: 'production', logLevel: 'warn', build: { outDir, emptyOutDir: true }, plugins: configured ? [] : [bundledDatasets()] });
  } finally {
    process.env.NODE_ENV = nodeEnv;
    delete process.env['VERIFIER_LAB_BUNDLED_DIR'];
  }
  const server = await preview({ root: ROOT, configFile: CONFIG, logLevel: 'silent', build: { outDir }, preview: { port: await freePort(), strictPort: true } });
  return { server, url: server.resolvedUrls!.local[0]! };
}

describe.skipIf(!chromiumPath)('datasets bundled into the build', () => {
  const temp = mkdtempSync(join(tmpdir(), 'verifier-lab-bundled-'));
  afterAll(() => rmSync(temp, { recursive: true, force: true })); // after the app's own afterAll (hooks run as a stack)
  const app = useApp(chromiumPath!, { serve: () => serveBuildWithBundled(temp) });

  it('lists the bundled files, stores one from the build, and adds the other with the network off', async () => {
    const page = await app.browser.context.newPage();
    await openDatasets(page, app.served.url);
    for (const id of ['HE-R', 'HE-R+']) await page.locator(`li[data-dataset="${id}"]`).getByText('in this build, available offline').waitFor();
    expect(await page.locator('li[data-dataset="MBPP-R"]').getByText('in this build').count()).toBe(0);

    const add = async (id: string) => {
      const row = page.locator(`li[data-dataset="${id}"]`);
      await row.getByRole('button', { name: `Add ${id}`, exact: true }).click();
      await page.getByRole('dialog').getByRole('checkbox').check();
      await page.getByRole('dialog').getByRole('button', { name: 'Download', exact: true }).click();
      await row.getByText(`Stored ${id}: 6 problems`).waitFor();
    };
    await add('HE-R');
    expect(await storedCounts(page)).toEqual([1, 1]);
    await page.locator('section[aria-labelledby="stored-heading"]').getByText('from this build').waitFor();

    await waitForServiceWorker(page);
    await app.browser.context.setOffline(true);
    try {
      await page.reload();
      await page.locator('li[data-dataset="HE-R+"]').getByText('in this build, available offline').waitFor();
      await add('HE-R+'); // "+" in the file name: the service worker's precache key must match the request
      expect(await storedCounts(page)).toEqual([2, 2]);
    } finally {
      await app.browser.context.setOffline(false);
    }
    await page.close();
  });
});
