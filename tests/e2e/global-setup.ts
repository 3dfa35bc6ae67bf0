// e2e global setup: find Debian's Chromium, then build the app once into dist/ for every test file.
// Without Chromium the tier is skipped with a notice, except under CI=true where that is an error.
import { existsSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { build } from 'vite';
import type { TestProject } from 'vitest/node';

declare module 'vitest' {
  export interface ProvidedContext {
    /** Chromium to drive, or null when it is missing and the e2e tests skip. */
    chromiumPath: string | null;
  }
}

const ROOT = fileURLToPath(new URL('../..', import.meta.url));
const INSTALL = 'as root: apt-get update && apt-get install -y chromium';

export default async function setup(project: TestProject): Promise<void> {
  const chromiumPath = process.env.CHROMIUM_PATH || '/usr/bin/chromium';
  if (!existsSync(chromiumPath)) {
    const message = `e2e: Chromium not found at ${chromiumPath}. Install Debian's chromium (${INSTALL}) or set CHROMIUM_PATH.`;
    if (process.env.CI === 'true') throw new Error(message);
    console.warn(`\n${message}\ne2e: skipping the end-to-end tests.\n`);
    project.provide('chromiumPath', null);
    return;
  }
  if (process.env.E2E_REUSE_DIST === '1' && existsSync(`${ROOT}/dist/index.html`)) {
    console.log('e2e: E2E_REUSE_DIST=1, testing the existing dist/');
  } else {
    await buildApp();
  }
  project.provide('chromiumPath', chromiumPath);
}

/** A production build, as `npm run build` makes it (vitest sets NODE_ENV=test, which would pick dev builds). */
async function buildApp(): Promise<void> {
  const nodeEnv = process.env.NODE_ENV;
  process.env.NODE_ENV = 'production';
  const started = Date.now();
  try {
    await build({ root: ROOT, configFile: `${ROOT}/vite.config.ts`, mode: 'production', logLevel: 'warn' });
  } finally {
    process.env.NODE_ENV = nodeEnv;
  }
  console.log(`e2e: built dist/ in ${((Date.now() - started) / 1000).toFixed(1)} s`);
}
