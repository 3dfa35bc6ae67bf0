// Sandbox of a real Node worker: network, storage, host and code-generation attempts from Python fail, first
// against the Python guard, then with the guard defeated (the JS realm itself has nothing left to reach),
// while a local server sees no request and ordinary candidates keep scoring exactly.
import { createServer, type Server } from 'node:http';
import { createServer as createTcpServer, type Server as TcpServer } from 'node:net';
import type { AddressInfo } from 'node:net';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { ScoreRequest } from '../../src/core/run/types';
import { createNodePool } from '../../src/engine/node-pool';
import type { EnginePool } from '../../src/engine/pool-types';

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

const attemptsFor = (u: string, port: number) => [
  `js.fetch(${JSON.stringify(u)})`,
  'js.process.env',
  'js.globalThis.process.exit(1)',
  'js.Object.constructor("return globalThis")()',
  'pyjs.runPython.constructor("return 1")()',
  'pyjs.loadPackage("numpy")',
  'js.eval("1 + 1")',
  'js.setTimeout("globalThis.pwned = 1", 0)',
  'js.indexedDB.open("runs")',
  'js.caches.open("runs")',
  'js.postMessage({"fake": "result"})',
  'js.BroadcastChannel.new("runs")',
  'js.XMLHttpRequest.new()',
  'js.WebSocket.new("ws://127.0.0.1:1")',
  'js.importScripts("https://example.com/x.js")',
  'pyjs.FS.mount(pyjs.FS.filesystems.NODEFS, {"root": "/"}, "/mnt")',
  'pyjs._module.ccall("emscripten_run_script", None, ["string"], ["globalThis.pwned = 1"])',
  'sys.modules.update(_h.hidden)\nfrom pyodide.code import run_js\nrun_js("1 + 1")',
  `sys.modules.update(_h.hidden)\nimport pyodide.http\npyodide.http.open_url(${JSON.stringify(u)})`,
  `import urllib.request\nurllib.request.urlopen(${JSON.stringify(u)})`,
  `import socket\ns = socket.socket()\ns.connect(("127.0.0.1", ${port}))`,
  'open("/etc/passwd").read()',
  `import os\nassert ${JSON.stringify(SECRET_ENV)} in os.environ`,
];

describe('the Python guard', () => {
  it('refuses the JS bridges outright', async () => {
    const r = await run('', ['import js', 'import pyodide_js', 'import pyodide.http', 'from pyodide.ffi import to_js', 'import micropip']);
    expect(r.tests.map((t) => t.status)).toEqual(['error', 'error', 'error', 'error', 'error', 'pass']);
  });
});

describe('with the Python guard defeated', () => {
  // Walks up to the harness frame, switches the guard off and imports the real bridges.
  const BYPASS = [
    'import sys',
    '_f = sys._getframe()',
    "while _f is not None and '_base' not in _f.f_globals:",
    '    _f = _f.f_back',
    "_h = _f.f_globals['_base']",
    '_h.guard.active = False',
    'sys.modules.update(_h.hidden)',
    'import js',
    'import pyodide_js as pyjs',
  ].join('\n');

  it('the bypass itself works (so the attempts below really reach JavaScript)', async () => {
    const r = await run(BYPASS, ['assert js is not None and pyjs.version', 'assert js.Math.max(1, 2) == 2']);
    expect(r.tests.map((t) => t.status)).toEqual(['pass', 'pass', 'pass']);
  });

  it('every network, storage, host, messaging and code-generation attempt fails; scoring continues', async () => {
    const attempts = attemptsFor(url, tcpPort);
    const r = await run(BYPASS, attempts);
    const failed = r.tests.slice(0, attempts.length).filter((t) => t.status === 'pass');
    expect(failed).toEqual([]);
    expect(r.tests.at(-1)!.status).toBe('pass');
    expect(httpHits).toBe(0);
    expect(tcpHits).toBe(0);
    const after = await pool.score({ code: ADD, tests: { kind: 'assert', setup: '', asserts: ['assert add(2, 2) == 4'] }, compare: 'paper', limitMs: 1000, budgetMs: 10_000 });
    expect(after.score).toBe(1);
  });
});
