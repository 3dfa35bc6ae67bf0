// The third layer in Node: the engine host process runs under the permission model with the flags the pool
// uses (node-permission.ts). Code that had escaped Python and the stripped worker realm there, with full Node
// APIs, still cannot write a file (the bundles, the snapshot cache, anything), read host files outside Pyodide
// and the bundles or start a process, and finds no API key in its environment. (Code from strings is refused
// in the worker realm itself: sandbox-realm.test.ts.)
import { fork } from 'node:child_process';
import { rmSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, expect, it } from 'vitest';
import { nodeEngineBundles } from '../../src/engine/node-bundles';
import { permissionFlags } from '../../src/engine/node-permission';
import { nodePyodideDir } from '../../src/engine/node-sources';

const PROBE = `
import fs from 'node:fs';
import { Worker } from 'node:worker_threads';
const out = {};
const tryIt = async (name, f) => { try { await f(); out[name] = 'done'; } catch (e) { out[name] = 'refused'; } };
const [bundle, pyodideFile] = process.argv.slice(2);
await tryIt('overwrite an engine bundle', () => fs.writeFileSync(bundle, 'x'));
await tryIt('write the snapshot cache', () => fs.writeFileSync(bundle.replace(/[^/]+$/, 'pyodide-evil.snapshot'), 'x'));
await tryIt('write /tmp', () => fs.writeFileSync('/tmp/vl-permission-probe.txt', 'x'));
await tryIt('read /etc/passwd', () => fs.readFileSync('/etc/passwd'));
await tryIt('read /proc/self/environ', () => fs.readFileSync('/proc/self/environ'));
await tryIt('read the project sources', () => fs.readFileSync(new URL('../../../package.json', import.meta.url)));
await tryIt('start a process', async () => (await import('node:child_process')).execSync('true'));
await tryIt('native addon', () => process.dlopen({ exports: {} }, '/usr/lib/x86_64-linux-gnu/libc.so.6'));
await tryIt('read Pyodide (allowed)', () => fs.readFileSync(pyodideFile));
await tryIt('start a worker thread (allowed)', () => new Promise((resolve, reject) => {
  const w = new Worker(bundle.replace(/[^/]+$/, 'permission-probe-worker.mjs'));
  w.once('message', resolve); w.once('error', reject);
}));
out.environment = Object.keys(process.env);
process.send(out);
`;

const bundles = nodeEngineBundles();
const probe = join(bundles.dir, `permission-probe-${process.pid}.mjs`);
const worker = join(bundles.dir, 'permission-probe-worker.mjs');
afterAll(() => {
  rmSync(probe, { force: true });
  rmSync(worker, { force: true });
  rmSync('/tmp/vl-permission-probe.txt', { force: true });
});

it('the engine host can read Pyodide and start its threads, and do nothing else on the host', async () => {
  writeFileSync(probe, PROBE);
  writeFileSync(worker, "import { parentPort } from 'node:worker_threads';\nparentPort.postMessage('up');\n");
  process.env.VL_PERMISSION_PROBE_KEY = 'sk-should-not-leak';
  const child = fork(probe, [bundles.worker, join(nodePyodideDir(), 'pyodide.asm.wasm')], {
    execArgv: permissionFlags([nodePyodideDir(), `${bundles.dir}/`]),
    env: {},
    serialization: 'advanced',
    stdio: ['ignore', 'ignore', 'ignore', 'ipc'],
  });
  const out = await new Promise<Record<string, unknown>>((resolve, reject) => {
    child.once('message', (m) => resolve(m as Record<string, unknown>));
    child.once('exit', (code) => reject(new Error(`probe exited with ${code}`)));
  });
  child.kill();
  delete process.env.VL_PERMISSION_PROBE_KEY;
  expect(out).toEqual({
    'overwrite an engine bundle': 'refused',
    'write the snapshot cache': 'refused',
    'write /tmp': 'refused',
    'read /etc/passwd': 'refused',
    'read /proc/self/environ': 'refused',
    'read the project sources': 'refused',
    'start a process': 'refused',
    'native addon': 'refused',
    'read Pyodide (allowed)': 'done',
    'start a worker thread (allowed)': 'done',
    environment: [],
  });
});
