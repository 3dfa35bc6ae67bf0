// The demo dataset's stored scores equal what native CPython execution gives (static-datasets/tools/build_demo.py --check).
// The engine tier re-checks the same scores under Pyodide.
import { spawnSync } from 'node:child_process';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';

const script = fileURLToPath(new URL('../../../static-datasets/tools/build_demo.py', import.meta.url));
const python = spawnSync('python3', ['--version'], { encoding: 'utf8' });

describe.skipIf(python.status !== 0)('Demo-R scores (native CPython)', () => {
  it('match a fresh execution of every candidate', () => {
    const run = spawnSync('python3', [script, '--check'], { encoding: 'utf8', timeout: 120_000 });
    expect(run.stderr + run.stdout).toContain('check passed');
    expect(run.status).toBe(0);
  });
});
if (python.status !== 0) console.warn('python3 not found: skipping the native Demo-R score check');
