// The second layer, in a real Node worker thread: even if Python reached the worker's JavaScript realm or the
// Pyodide API object (sandbox.test.ts shows it does not), nothing there reaches the network, the host, other
// contexts, code generation or native code. A local server sees no request.
import { buildSync } from 'esbuild';
import { mkdirSync, rmSync, writeFileSync } from 'node:fs';
import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { join } from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';
import { Worker } from 'node:worker_threads';
import { afterAll, beforeAll, expect, it } from 'vitest';
import { nodePyodideDir } from '../../src/engine/node-sources';
import { REALM_ATTEMPTS } from './realm/attempts';

let http: Server;
let hits = 0;
let url = '';
let bundle = '';

beforeAll(async () => {
  http = createServer((_req, res) => {
    hits++;
    res.end('secret');
  });
  await new Promise<void>((r) => http.listen(0, '127.0.0.1', r));
  url = `http://127.0.0.1:${(http.address() as AddressInfo).port}/`;
  // Bundled next to pyodide's package so that its bare import resolves (as node-worker-entry.ts does).
  const dir = join(nodePyodideDir(), '..', '.cache', 'verifier-lab');
  mkdirSync(dir, { recursive: true });
  bundle = join(dir, `realm-probe-${process.pid}-${Date.now()}.mjs`);
  const built = buildSync({
    entryPoints: [fileURLToPath(new URL('./realm/node.worker.ts', import.meta.url))],
    bundle: true, platform: 'node', format: 'esm', target: 'node20', write: false, external: ['pyodide'], logLevel: 'silent',
  });
  writeFileSync(bundle, built.outputFiles[0]!.text);
});

afterAll(() => {
  http?.close();
  if (bundle) rmSync(bundle, { force: true });
});

it('a stripped Node worker realm has nothing left to reach out with', async () => {
  const worker = new Worker(pathToFileURL(bundle), { workerData: { indexURL: nodePyodideDir(), url }, env: {} });
  const out = await new Promise<{ through: string[]; report: { removed: string[]; stuck: string[] } }>((resolve, reject) => {
    worker.once('message', resolve);
    worker.once('error', reject);
  });
  await worker.terminate();
  expect(Object.keys(REALM_ATTEMPTS).length).toBeGreaterThan(30);
  expect(out.through).toEqual([]);
  expect(out.report.stuck).toEqual([]);
  expect(hits).toBe(0);
});
