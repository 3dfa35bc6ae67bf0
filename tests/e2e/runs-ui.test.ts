// A run from the UI against the local OpenAI mock, with a reload in the middle: the run resumes by itself, asks
// again only for what was not finished, and ends with the per-candidate scores and metrics that the same run
// gives in Node. The API key (remembered in localStorage) is never in IndexedDB nor in the exported run file.
import { idbRunStore } from '../../src/storage/idb-run-store';
import 'fake-indexeddb/auto';
import { existsSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest';
import type { CandidateRecord } from '../../src/core/run/run-records';
import { createNodePool } from '../../src/engine/node-pool';
import type { TestGenerator } from '../../src/llm/generator';
import { executeRun } from '../../src/run/orchestrator';
import { defaultTemplateText } from '../../src/run/prompt-template-text';
import { loadResults } from '../../src/storage/results-repo';
import { openLabDb } from '../../src/storage/open-db';
import { createRun } from '../../src/storage/runs-repo';
import { METRIC_COLUMNS, formatMetric } from '../../src/ui/components/runs/run-format';
import { startOpenAiMock, type OpenAiMock } from '../servers/openai-mock';
import { recordPage, useApp, waitForServiceWorker } from './browser';
import { demo } from './demo-data';
import { dumpIndexedDb } from './idb-dump';

const chromiumPath = inject('chromiumPath');
const KEY = 'sk-e2e-secret-7f3a9c21d4';
const PROBLEMS = 10;
const ids = demo.problems.slice(0, PROBLEMS).map((p) => p.taskId);

/** One canned answer for every request: three ground-truth asserts of each chosen problem, so every
 *  candidate runs the same 30 tests and its own problem's asserts decide its ranking. */
const ANSWER = demo.problems
  .slice(0, PROBLEMS)
  .flatMap((p) => (p.tests.kind === 'assert' ? p.tests.asserts.slice(0, 3) : []))
  .map((a) => `<assertion>\n${a}\n</assertion>`)
  .join('\n');

/** The same run in Node (worker_threads Pyodide, fake-indexeddb): the reference the browser must match. */
async function nodeReference(settingsTimeoutMs: number) {
  const db = await openLabDb({ factory: new IDBFactory() });
  const pool = createNodePool({ size: 1 });
  const generator: TestGenerator = {
    id: 'canned',
    describe: () => ({ backend: 'openai-compatible', model: 'canned', label: 'canned' }),
    generate: async () => ({ text: ANSWER, finishReason: 'stop', model: 'canned', attempts: 1, ms: 0 }),
  };
  try {
    const run = await createRun(db, {
      name: 'node', datasetId: 'e'.repeat(64), datasetSha256: 'e'.repeat(64), datasetName: 'Demo-R', split: 'DEMO', problemIds: ids,
      verifier: { backend: 'openai', model: 'canned', baseUrl: 'http://x/v1', fileName: null, variant: 'instruction', testsPerProblem: 10, samplesPerProblem: 1, sampling: { temperature: 1, topP: 1, maxTokens: 4096, seed: null }, promptTemplate: defaultTemplateText('instruction') },
      execution: { comparison: 'paper', timeout: { kind: 'fixed', ms: settingsTimeoutMs }, budgetMs: 120_000, engineVersion: 'x', pyodideVersion: 'x' },
    });
    const outcome = await executeRun({ store: idbRunStore(db), pool, dataset: demo, generator }, run.id);
    return { metrics: outcome.run!.metrics!, results: await loadResults(db, run.id) };
  } finally {
    await pool.close();
  }
}

const scores = (results: readonly Pick<CandidateRecord, 'taskId' | 'rank' | 'predicted'>[]) =>
  Object.fromEntries(results.map((r) => [`${r.taskId}#${r.rank}`, r.predicted]));

describe.skipIf(!chromiumPath)('a run from the UI', () => {
  let mock: OpenAiMock;

  beforeAll(async () => {
    // The app's engine loads Pyodide from <base>pyodide/, which the pyodide-assets plugin emits into dist/.
    const wasm = fileURLToPath(new URL('../../dist/pyodide/pyodide.asm.wasm', import.meta.url));
    if (!existsSync(wasm)) throw new Error('dist/pyodide/ is missing: vite.config.ts must use vite-plugins/pyodide-assets for runs to execute in the app');
    mock = await startOpenAiMock({ apiKey: KEY });
  });
  afterAll(async () => {
    await mock?.close();
  });
  const app = useApp(chromiumPath!);

  it('survives a reload mid-run, matches the same run in Node, and keeps the key out of IndexedDB', async () => {
    mock.enqueue(...Array.from({ length: 3 * PROBLEMS }, () => ANSWER));
    const page = await app.browser.context.newPage();
    const log = recordPage(app.browser.context, page);
    await page.goto(new URL('#/runs/new', app.served.url).href);
    await waitForServiceWorker(page); // its first activation reloads the page once; get that over with

    const ranking = page.getByLabel('Ranking set');
    await expect.poll(() => ranking.evaluate((s: HTMLSelectElement) => s.selectedOptions[0]?.textContent ?? '')).toMatch(/^Demo-R \(DEMO\)/);
    await page.getByLabel('Only the first N (0 = all)').fill(String(PROBLEMS));
    await page.getByRole('status').filter({ hasText: `${PROBLEMS} of ${demo.problems.length} problems selected` }).waitFor();
    await page.getByLabel('Base URL').fill(mock.url);
    await page.getByLabel('Model', { exact: true }).fill('mock-queue+slow1500');
    await page.getByLabel('API key').fill(KEY);
    await page.getByLabel('Remember this key in this browser').check();
    await page.getByRole('button', { name: 'Create and start the run' }).click();
    await page.waitForURL(/#\/runs\/[0-9a-f-]{36}$/);
    const runUrl = page.url();

    // Reload once some problems are done and others are not.
    const done = page.locator('[data-fact="problems"]');
    await expect.poll(async () => Number((await done.textContent())?.split('/')[0]), { timeout: 90_000, interval: 100 }).toBeGreaterThan(0);
    const before = Number((await done.textContent())!.split('/')[0]);
    expect(before, 'the run finished before the reload; slow the mock down').toBeLessThan(PROBLEMS);
    await page.reload();
    expect(page.url()).toBe(runUrl);

    // It resumes by itself and finishes.
    await page.locator('.status', { hasText: 'Done' }).waitFor({ timeout: 120_000 });
    expect(await done.textContent()).toBe(`${PROBLEMS} / ${PROBLEMS}`);
    // Finished requests were not asked again: one per problem, plus at most the 4 in flight at the reload.
    expect(mock.requests.length).toBeGreaterThanOrEqual(PROBLEMS);
    expect(mock.requests.length).toBeLessThanOrEqual(PROBLEMS + 4);
    expect(mock.requests.every((r) => r.headers.authorization === `Bearer ${KEY}`)).toBe(true);

    const reference = await nodeReference(1000);
    const stored = JSON.parse(await dumpIndexedDb(page, KEY)) as Record<string, unknown[]>;
    expect(scores(stored['verifier-lab/results'] as CandidateRecord[])).toEqual(scores(reference.results));
    const cells = await page.locator('table.metrics tbody tr').first().locator('td[data-metric]').allTextContents();
    expect(cells).toEqual(METRIC_COLUMNS.map((c) => formatMetric(c.key, reference.metrics.DEMO!)));

    // The key: remembered in localStorage as asked, and nowhere in IndexedDB or the run file.
    expect(await page.evaluate(() => JSON.stringify({ ...localStorage }))).toContain(KEY);
    expect(JSON.stringify(stored)).not.toContain(KEY);
    const download = page.waitForEvent('download');
    await page.getByRole('button', { name: 'Export run file' }).click();
    const file = await (await download).createReadStream();
    let text = '';
    for await (const chunk of file) text += String(chunk);
    expect(text.split('\n')[0]).toContain('"format":"verifier-lab-run"');
    expect(text).not.toContain(KEY);

    // The drill-down shows a problem's tests and its candidates' grid.
    await page.getByRole('link', { name: new RegExp(`^${ids[0]}`) }).click();
    await page.getByRole('heading', { name: ids[0] }).waitFor();
    await expect.poll(() => page.locator('table.pass-grid tbody tr').count()).toBe(demo.problems[0]!.candidates.length);
    expect(log.errors).toEqual([]);
    await page.close();
  });
});
