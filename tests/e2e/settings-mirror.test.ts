// The download mirror set on the Settings page is the one the Datasets page shows and downloads from (one setting,
// kept in this browser); clearing it on the Datasets page clears it in Settings.
import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest';
import { fixtureFiles, startDatasetServer, type DatasetServer } from '../servers/dataset-server';
import { recordPage, useApp } from './browser';
import { startDownload, storedCounts } from './datasets-helpers';

const chromiumPath = inject('chromiumPath');
const HF = 'https://huggingface.co/';

describe.skipIf(!chromiumPath)('download mirror in Settings', () => {
  const app = useApp(chromiumPath!);
  let server: DatasetServer;

  beforeAll(async () => {
    server = await startDatasetServer();
  });
  afterAll(async () => {
    await server?.close();
  });

  it('sets the mirror in Settings, and the Datasets page shows it and downloads from it', async () => {
    const page = await app.browser.context.newPage();
    const log = recordPage(app.browser.context, page);
    const mirror = server.base('ok');
    await page.goto(new URL('#/settings', app.served.url).href);
    const section = page.locator('section[aria-labelledby="downloads-heading"]');
    const field = section.getByLabel('Base URL (empty for Hugging Face)');
    expect(await field.inputValue()).toBe('');
    expect(await field.getAttribute('placeholder')).toMatch(new RegExp(`^${HF}`));
    await field.fill(mirror);
    await section.getByRole('button', { name: 'Use', exact: true }).click();
    await section.getByText(`Files will be read from ${mirror}`).waitFor();

    // In-app navigation (no reload): the Datasets page's own mirror form shows the same value, open.
    await page.getByRole('navigation', { name: 'Main' }).getByRole('link', { name: 'Datasets' }).click();
    await page.locator('section[aria-labelledby="stored-heading"] li[data-id="demo"]').waitFor();
    const details = page.locator('details', { has: page.locator('#mirror-url') });
    expect(await details.evaluate((d) => (d as HTMLDetailsElement).open)).toBe(true);
    expect(await page.locator('#mirror-url').inputValue()).toBe(mirror);

    const before = server.requests.length;
    const row = await startDownload(page, 'HE-R+');
    const file = fixtureFiles().get('HE-R+.jsonl')!;
    const problems = file.toString('utf8').trim().split('\n').length;
    await row.getByText(`Stored HE-R+: ${problems} problems`).waitFor();
    expect(server.requests.slice(before)).toEqual(['/ok/HE-R+.jsonl']);
    expect(await storedCounts(page)).toEqual([1, 1]);
    await page.locator('section[aria-labelledby="stored-heading"]').getByText(new RegExp(`downloaded from ${new URL(mirror).host.replace(/\./g, '\\.')}`)).waitFor();

    // Kept after a reload; emptied on the Datasets page, Settings is back to Hugging Face.
    await page.goto(new URL('#/settings', app.served.url).href);
    await page.reload();
    expect(await field.inputValue()).toBe(mirror);
    await page.goto(new URL('#/datasets', app.served.url).href);
    await page.locator('#mirror-url').fill('');
    await details.getByRole('button', { name: 'Use', exact: true }).click();
    await details.getByText(new RegExp(`Files will be read from ${HF}`)).waitFor();
    await page.goto(new URL('#/settings', app.served.url).href);
    expect(await field.inputValue()).toBe('');
    await section.getByText(/Each file is read from this URL followed by its name/).waitFor();
    expect(log.errors).toEqual([]);
    await page.close();
  });
});
