// Runs from the UI without a model: tests imported from a JSONL file run on the demo, the list shows the headline
// metrics, a duplicate with the paper's time-limit rule reuses the imported tests, delete removes it; and the
// WebLLM backend reports the missing GPU before anything is downloaded.
import { existsSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { beforeAll, describe, expect, inject, it } from 'vitest';
import { recordPage, useApp, waitForServiceWorker } from './browser';
import { demo } from './demo-data';

const chromiumPath = inject('chromiumPath');
const PROBLEMS = demo.problems.slice(0, 6);
const FILE = PROBLEMS.map((p) => JSON.stringify({ task_id: p.taskId, tests: p.tests.kind === 'assert' ? p.tests.asserts.slice(0, 4) : [] })).join('\n');

describe.skipIf(!chromiumPath)('runs without a model', () => {
  beforeAll(() => {
    const wasm = fileURLToPath(new URL('../../dist/pyodide/pyodide.asm.wasm', import.meta.url));
    if (!existsSync(wasm)) throw new Error('dist/pyodide/ is missing: vite.config.ts must use vite-plugins/pyodide-assets for runs to execute in the app');
  });
  const app = useApp(chromiumPath!);

  it('runs imported tests, lists the run with its metrics, duplicates and deletes it', async () => {
    const page = await app.browser.context.newPage();
    const log = recordPage(app.browser.context, page);
    await page.goto(new URL('#/runs/new', app.served.url).href);
    await waitForServiceWorker(page);
    await page.getByRole('radio', { name: 'Tests from a file' }).check();
    await page.getByLabel('Generated tests (JSONL)').setInputFiles({ name: 'demo-tests.jsonl', mimeType: 'application/jsonl', buffer: Buffer.from(FILE) });
    await page.getByText(`demo-tests.jsonl: ${PROBLEMS.length} lines, ${PROBLEMS.length} problems, ${PROBLEMS.length * 4} tests`).waitFor();
    await page.getByLabel('Run name (optional)').fill('imported demo tests');
    await page.getByRole('button', { name: 'Create and start the run' }).click();
    await page.waitForURL(/#\/runs\/[0-9a-f-]{36}$/);
    await page.locator('.status', { hasText: 'Done' }).waitFor({ timeout: 120_000 });
    expect(await page.locator('[data-fact="problems"]').textContent()).toBe(`${PROBLEMS.length} / ${PROBLEMS.length}`);
    const top1 = await page.locator('table.metrics tbody tr').first().locator('td[data-metric="top1"]').textContent();
    expect(top1).toMatch(/^\d+\.\d%$/);
    // Ground-truth asserts are all valid tests.
    expect(await page.locator('[data-fact="valid-share"]').textContent()).toBe('100.0%');

    await page.getByRole('link', { name: '← All runs' }).click();
    const row = page.getByRole('row', { name: /imported demo tests/ });
    await expect.poll(() => row.textContent()).toContain(top1!);

    // Duplicate with the paper's time-limit rule: the imported tests are reused, only execution reruns.
    await row.getByRole('link').click();
    await page.getByRole('button', { name: 'Duplicate…' }).click();
    await page.getByRole('radio', { name: /The paper's rule/ }).check();
    await page.getByRole('button', { name: 'Create and start' }).click();
    await page.getByRole('heading', { name: 'imported demo tests (copy)' }).waitFor();
    await page.locator('.status', { hasText: 'Done' }).waitFor({ timeout: 120_000 });
    expect(await page.locator('[data-fact="generations"]').textContent()).toBe(`${PROBLEMS.length} / ${PROBLEMS.length}`);

    await page.getByRole('button', { name: 'Delete…' }).click();
    await page.getByRole('button', { name: 'Delete for good' }).click();
    await page.waitForURL(/#\/runs$/);
    await expect.poll(() => page.getByRole('row').count()).toBe(2); // header + the original run
    expect(log.errors).toEqual([]);
    await page.close();
  });

  it('checks WebGPU before any model download and says why it cannot run here', async () => {
    const page = await app.browser.context.newPage();
    await page.goto(new URL('#/runs/new', app.served.url).href);
    await page.getByRole('radio', { name: /WebLLM/ }).check();
    const check = page.getByTestId('webgpu-check');
    await check.waitFor({ timeout: 60_000 });
    expect(await check.textContent()).toMatch(/no GPU adapter|no WebGPU/);
    // The catalogue still lists the small models with their VRAM needs.
    await expect.poll(() => page.getByLabel('Model (downloaded once, then cached)').locator('option').count(), { timeout: 60_000 }).toBeGreaterThan(3);
    expect(await page.getByLabel('Model (downloaded once, then cached)').textContent()).toMatch(/Qwen2\.5-Coder-0\.5B-Instruct-q4f16_1-MLC · coder · \d+ MB VRAM/);
    await page.close();
  });
});
