// What candidate code could do if it ever held the worker's JavaScript realm or the Pyodide API object: each
// attempt throws (or yields nothing usable) once dropCapabilities() has run. Shared by the Node and the
// Chromium realm probes. Free identifiers are used on purpose: they resolve through the global object.
declare const importScripts: (url: string) => void;
declare const caches: { open(name: string): Promise<unknown> };

export interface RealmContext {
  url: string;
  pyodide: any;
}

type Attempt = (ctx: RealmContext) => unknown;

const WASM_BYTES = new Uint8Array([0, 97, 115, 109, 1, 0, 0, 0]);
/** Taken before the sandbox runs (it removes timers): the probe itself waits on attempts that return promises. */
const later = globalThis.setTimeout;

export const REALM_ATTEMPTS: Record<string, Attempt> = {
  fetch: ({ url }) => fetch(url),
  'XMLHttpRequest': () => new XMLHttpRequest(),
  'WebSocket': () => new WebSocket('ws://127.0.0.1:1'),
  'EventSource': ({ url }) => new EventSource(url),
  importScripts: ({ url }) => importScripts(url),
  'indexedDB.open': () => indexedDB.open('verifier-lab'),
  'caches.open': () => caches.open('verifier-lab'),
  'navigator.storage': () => (navigator as any).storage.getDirectory(),
  postMessage: () => (globalThis as any).postMessage({ type: 'fake result' }),
  'self.addEventListener': () => (globalThis as any).addEventListener('message', () => {}),
  'BroadcastChannel': () => new BroadcastChannel('verifier-lab'),
  'new Worker': () => new (globalThis as any).Worker('data:text/javascript,1'),
  'Function from an object': () => ({}).constructor.constructor('return globalThis')(),
  'AsyncFunction constructor': () => (async function () {}).constructor('return 1'),
  'GeneratorFunction constructor': () => (function* () {}).constructor('yield 1'),
  eval: () => (0, eval)('1 + 1'),
  'setTimeout with a string': () => (setTimeout as any)('globalThis.pwned = 1', 0),
  'process.env': () => (globalThis as any).process.env,
  require: () => (globalThis as any).require('node:fs'),
  'WebAssembly.Module': () => new WebAssembly.Module(WASM_BYTES),
  'WebAssembly.instantiate': () => WebAssembly.instantiate(WASM_BYTES),
  'WebAssembly.compile': () => WebAssembly.compile(WASM_BYTES),
  'pyodide.loadPackage': ({ pyodide }) => pyodide.loadPackage('numpy'),
  'pyodide.mountNodeFS': ({ pyodide }) => pyodide.mountNodeFS('/mnt', '/'),
  'pyodide.runPython': ({ pyodide }) => pyodide.runPython('1'),
  'pyodide.pyimport': ({ pyodide }) => pyodide.pyimport('os'),
  'FS.mount': ({ pyodide }) => pyodide.FS.mount(pyodide.FS.filesystems.MEMFS, {}, '/mnt'),
  'FS.filesystems.NODEFS': ({ pyodide }) => pyodide.FS.filesystems.NODEFS.mount,
  '_module.NODEFS': ({ pyodide }) => pyodide._module.NODEFS.node_ops,
  '_module.loadDynamicLibrary': ({ pyodide }) => pyodide._module.loadDynamicLibrary('/tmp/x.so'),
  '_module.LDSO': ({ pyodide }) => pyodide._module.LDSO.loadedLibsByName,
  // Work for later would run between calls, outside any test's deadline.
  'setTimeout with a function': () => setTimeout(() => {}, 0),
  'setInterval': () => setInterval(() => {}, 1000),
  'setImmediate': () => (globalThis as any).setImmediate(() => {}),
  'queueMicrotask': () => (queueMicrotask(() => {}), 'queued'),
  'MessageChannel': () => new MessageChannel(),
  'ccall emscripten_run_script': ({ pyodide }) => pyodide._module.ccall('emscripten_run_script', null, ['string'], ['globalThis.pwned = 1']),
};

/** Run every attempt; the names of those that got through (returned or resolved without throwing). */
export async function attemptsThatGotThrough(ctx: RealmContext): Promise<string[]> {
  const through: string[] = [];
  for (const [name, attempt] of Object.entries(REALM_ATTEMPTS)) {
    try {
      let value = attempt(ctx);
      if (value && typeof (value as Promise<unknown>).then === 'function') {
        value = await Promise.race([value, new Promise((r) => later(() => r('pending'), 2000))]);
      }
      if (value !== undefined) through.push(name);
    } catch {
      // blocked
    }
  }
  if ((globalThis as any).pwned) through.push('code ran from a string');
  return through;
}
