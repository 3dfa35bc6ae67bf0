// The Node engine's bundles: built once per process with esbuild, Pyodide left as an import of the installed
// package rather than copied in, and rewritten when a file does not hold exactly what this process built.
import { readFileSync, writeFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { nodeEngineBundles } from '../../src/engine/node-bundles';

describe('node engine bundles', () => {
  it('are esbuild bundles of the host and the worker that import pyodide from node_modules', () => {
    const bundles = nodeEngineBundles();
    expect(bundles.host).toMatch(/node_modules\/\.cache\/verifier-lab\/engine-host-[0-9a-f]{16}\.mjs$/);
    expect(bundles.worker).toMatch(/node_modules\/\.cache\/verifier-lab\/engine-worker-[0-9a-f]{16}\.mjs$/);
    const worker = readFileSync(bundles.worker, 'utf8');
    expect(worker).toMatch(/from\s*"pyodide"/);
    expect(worker).not.toMatch(/loadPyodide\s*=|function loadPyodide/);
    expect(worker).toContain('createWorkerApi');
    expect(readFileSync(bundles.host, 'utf8')).toContain('createPool');
    expect(nodeEngineBundles()).toEqual(bundles); // the same files for this process
  });

  it('rewrites a bundle that no longer holds what this process built', () => {
    const bundles = nodeEngineBundles();
    const good = readFileSync(bundles.worker, 'utf8');
    writeFileSync(bundles.worker, 'process.exit(3);\n');
    expect(nodeEngineBundles().worker).toBe(bundles.worker);
    expect(readFileSync(bundles.worker, 'utf8')).toBe(good);
  });
});
