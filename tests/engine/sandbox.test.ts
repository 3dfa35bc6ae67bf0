// Sandbox of a real Node worker: network, host and JavaScript attempts from Python fail, first against the
// Python guard, then with the guard defeated (no route from Python leads into the JS realm; what the realm
// itself holds is tested by sandbox-realm.test.ts), while a local server sees no request and ordinary
// candidates keep scoring exactly.
import { createServer, type Server } from 'node:http';
import { createServer as createTcpServer, type Server as TcpServer } from 'node:net';
import type { AddressInfo } from 'node:net';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { ScoreRequest } from '../../src/core/run/types';
import { createNodePool } from '../../src/engine/node-pool';
import type { EnginePool } from '../../src/engine/pool-types';
import { GUARD_BYPASS as BYPASS, JS_ROUTES } from './realm/python-routes';

const ADD = 'def add(a, b):\n    return a + b\n';
const SECRET_ENV = 'VL_SANDBOX_TEST_SECRET';
let pool: EnginePool;
let http: Server;
let tcp: TcpServer;
let httpHits = 0;
let tcpHits = 0;
let url = '';
let tcpPort = 0;

beforeAll(async () => {
  process.env[SECRET_ENV] = 'should-not-leak';
  http = createServer((_req, res) => {
    httpHits++;
    res.end('secret');
  });
  tcp = createTcpServer((socket) => {
    tcpHits++;
    socket.end();
  });
  await new Promise<void>((r) => http.listen(0, '127.0.0.1', r));
  await new Promise<void>((r) => tcp.listen(0, '127.0.0.1', r));
  url = `http://127.0.0.1:${(http.address() as AddressInfo).port}/runs`;
  tcpPort = (tcp.address() as AddressInfo).port;
  pool = createNodePool({ size: 1 });
  await pool.ready();
});

afterAll(async () => {
  await pool?.close();
  http?.close();
  tcp?.close();
  delete process.env[SECRET_ENV];
});

function run(setup: string, attempts: string[]): Promise<ReturnType<EnginePool['score']> extends Promise<infer R> ? R : never> {
  const request: ScoreRequest = {
    code: ADD,
    tests: { kind: 'assert', setup, asserts: [...attempts, 'assert add(1, 2) == 3'] },
    compare: 'evalplus',
    limitMs: 3000,
    budgetMs: 60_000,
  };
  return pool.score(request);
}

const hostAttempts = (u: string, port: number) => [
  `import urllib.request\nurllib.request.urlopen(${JSON.stringify(u)})`,
  `import socket\ns = socket.socket()\ns.connect(("127.0.0.1", ${port}))`,
  'open("/etc/passwd").read()',
  'open("/proc/self/environ").read()',
  `import os\nassert ${JSON.stringify(SECRET_ENV)} in os.environ`,
  'open("/lib/python3.14/site-packages/x.py", "w").write("1")',
];

describe('the Python guard', () => {
  it('refuses the JS bridges outright', async () => {
    const r = await run('', ['import js', 'import pyodide_js', 'import pyodide.http', 'from pyodide.ffi import to_js', 'import micropip']);
    expect(r.tests.map((t) => t.status)).toEqual(['error', 'error', 'error', 'error', 'error', 'pass']);
  });
});

describe('with the Python guard defeated', () => {
  it('the bypass itself works: hidden modules import, Python still makes JS objects', async () => {
    const r = await run(BYPASS, ["import importlib\ncore = importlib.import_module('_pyodide_core')\nassert core.to_js({'a': 1}).a == 1"]);
    expect(r.tests.map((t) => t.status)).toEqual(['pass', 'pass']);
  });

  it('no route from Python reaches the JS realm (the global object, the Pyodide API, its file systems)', async () => {
    const r = await run(BYPASS, JS_ROUTES);
    const reached = r.tests.slice(0, JS_ROUTES.length).flatMap((t, i) => (t.status === 'pass' ? [JS_ROUTES[i]] : []));
    expect(reached).toEqual([]);
    expect(r.tests.at(-1)!.status).toBe('pass');
  });

  it('every network, host file and environment attempt fails; scoring continues', async () => {
    const attempts = hostAttempts(url, tcpPort);
    const r = await run(BYPASS, attempts);
    const passed = r.tests.slice(0, attempts.length).flatMap((t, i) => (t.status === 'pass' ? [attempts[i]] : []));
    expect(passed).toEqual([]);
    expect(r.tests.at(-1)!.status).toBe('pass');
    expect(httpHits).toBe(0);
    expect(tcpHits).toBe(0);
    const after = await pool.score({ code: ADD, tests: { kind: 'assert', setup: '', asserts: ['assert add(2, 2) == 4'] }, compare: 'paper', limitMs: 1000, budgetMs: 10_000 });
    expect(after.score).toBe(1);
  });
});
