// The Node pool's worker entry: bundled once per process (no tsx loader in the workers), with Pyodide left as
// an import of the installed package rather than copied into the bundle.
import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { nodeWorkerEntry } from '../../src/engine/node-worker-entry';

describe('node worker entry', () => {
  it('is an esbuild bundle that imports pyodide from node_modules', () => {
    const entry = nodeWorkerEntry();
    expect(entry.mode).toBe('bundle');
    expect(entry.eval).toBe(false);
    const file = fileURLToPath(entry.script as URL);
    expect(file).toMatch(/node_modules\/\.cache\/verifier-lab\/engine-worker-[0-9a-f]{16}\.mjs$/);
    const code = readFileSync(file, 'utf8');
    expect(code).toMatch(/from\s*"pyodide"/);
    expect(code).not.toMatch(/loadPyodide\s*=|function loadPyodide/);
    expect(code).toContain('createWorkerApi');
    expect(nodeWorkerEntry()).toBe(entry); // once per process
  });
});
