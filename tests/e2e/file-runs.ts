// Demo runs made from files of tests (no model, no network) for the e2e files that need finished runs: the first
// four demo problems, their ground-truth assertions, and the new-run form filled in and run to "Done".
import type { Page } from 'playwright-core';
import { demo } from './demo-data';

export const FILE_RUN_PROBLEMS = demo.problems.slice(0, 4);
export type FileRunProblem = (typeof FILE_RUN_PROBLEMS)[number];

/** A problem's ground-truth assertions (empty for other test kinds). */
export const groundTruthAsserts = (p: FileRunProblem) => (p.tests.kind === 'assert' ? p.tests.asserts : []);

/** Creates and runs a file-tests run over FILE_RUN_PROBLEMS; resolves its id once it is Done. */
export async function makeFileRun(page: Page, url: string, name: string, tests: string): Promise<string> {
  const problems = FILE_RUN_PROBLEMS;
  await page.goto(new URL('#/runs/new', url).href);
  await page.getByLabel('Problems (task ids; empty = all)').fill(problems.map((p) => p.taskId).join(' '));
  await page.getByText(`${problems.length} of ${demo.problems.length} problems selected.`).waitFor();
  await page.getByRole('radio', { name: 'Tests from a file' }).check();
  await page.getByLabel('Generated tests (JSONL)').setInputFiles({ name: `${name}.jsonl`, mimeType: 'application/jsonl', buffer: Buffer.from(tests) });
  await page.getByText(`${name}.jsonl: ${problems.length} lines`).waitFor();
  await page.getByLabel('Run name (optional)').fill(name);
  await page.getByRole('button', { name: 'Create and start the run' }).click();
  await page.waitForFunction(() => /^#\/runs\/[0-9a-f-]{36}$/.test(location.hash));
  await page.locator('.status', { hasText: 'Done' }).waitFor({ timeout: 120_000 });
  return decodeURIComponent(new URL(page.url()).hash.slice('#/runs/'.length));
}
