// Drops every capability candidate code could use to reach outside its worker, once Pyodide has loaded.
// Python can reach any JS object (`import js`, pyodide_js, a JsProxy's constructor), so the boundary is here:
// the capabilities are deleted from the realm itself, not merely hidden from Python.
import type { PyodideAPI } from 'pyodide';

/** Globals that reach the network, storage, other contexts or the page, in browsers and in Node. */
const REMOVED_GLOBALS = [
  'fetch', 'XMLHttpRequest', 'XMLHttpRequestUpload', 'XMLHttpRequestEventTarget', 'WebSocket', 'WebSocketStream',
  'WebTransport', 'EventSource', 'importScripts', 'indexedDB', 'IDBFactory', 'caches', 'CacheStorage', 'Cache',
  'BroadcastChannel', 'Worker', 'SharedWorker', 'ServiceWorker', 'ServiceWorkerContainer', 'FontFace', 'fonts',
  'FontFaceSet', 'RTCPeerConnection', 'RTCDataChannel', 'RTCIceTransport', 'localStorage', 'sessionStorage',
  'cookieStore', 'CookieStore', 'navigator', 'WorkerNavigator', 'Navigator', 'StorageManager',
  'FileSystemHandle', 'FileSystemDirectoryHandle', 'FileSystemFileHandle', 'FileSystemSyncAccessHandle',
  'Request', 'Response', 'Headers', 'NavigationPreloadManager', 'PushManager', 'Notification', 'LockManager',
  // Messaging with the page: the transport captured its endpoint before this runs.
  'postMessage', 'onmessage', 'onmessageerror', 'addEventListener', 'removeEventListener', 'dispatchEvent', 'close',
  // Node: process (env, bindings, exit), module loading helpers.
  'process', 'require', 'module', 'exports', '__filename', '__dirname',
  // Code generation from strings (`Function` is replaced by a stub instead, see blockCodeGeneration).
  'eval',
];

/** Pyodide API members that load code or mount host storage. */
const REMOVED_PYODIDE_API = [
  'loadPackage', 'loadPackagesFromImports', 'mountNodeFS', 'mountNativeFS', 'unpackArchive', 'runPythonAsync',
  'registerJsModule', 'setInterruptBuffer', 'pyimport', 'runPython', 'loadedPackages',
];
const REMOVED_PYODIDE_INTERNALS = ['loadBinaryFile', 'loadDynlib', 'initializeNodeSockFS', 'package_loader', 'importlib'];
/** File systems that reach host storage or other contexts: gone from FS.filesystems and from the module object. */
const REMOVED_FILESYSTEMS = ['IDBFS', 'NODEFS', 'WORKERFS', 'PROXYFS', 'NATIVEFS_ASYNC', 'NODERAWFS', 'SOCKFS'];
/** Emscripten module members that mount, preload or load code (wasm side modules). */
const REMOVED_MODULE_MEMBERS = [
  'loadDynamicLibrary', 'LDSO', 'preloadedWasm', 'registerWasmPlugin', 'preloadPlugins', 'FS_mount', 'FS_unmount',
  'FS_createLazyFile', 'FS_createPreloadedFile', 'FS_preloadFile', 'FS_syncfs', 'instantiateWasm',
];
/** Compiling or instantiating WebAssembly loads native code; Pyodide needs neither once it is running. */
const REMOVED_WEBASSEMBLY = ['Module', 'Instance', 'compile', 'compileStreaming', 'instantiate', 'instantiateStreaming'];

export interface SandboxReport {
  removed: string[];
  /** Names that could not be removed (non-configurable); each was overwritten where possible. */
  stuck: string[];
}

function blocked(): never {
  throw new EvalError('not available in the sandbox');
}

/** Delete `name` from `obj` and its whole prototype chain. */
function removeEverywhere(obj: object, name: string, report: SandboxReport): void {
  for (let o: object | null = obj; o; o = Object.getPrototypeOf(o)) {
    if (!Object.prototype.hasOwnProperty.call(o, name)) continue;
    if (Reflect.deleteProperty(o, name) && !Object.prototype.hasOwnProperty.call(o, name)) {
      report.removed.push(name);
      continue;
    }
    report.stuck.push(name);
    try {
      Object.defineProperty(o, name, { value: undefined, writable: false, configurable: false });
    } catch {
      // Nothing more can be done from inside the realm; the report says so.
    }
  }
}

/**
 * Replace the constructor of every function kind: `f.constructor('code')` would otherwise evaluate text.
 * The global `Function` becomes a stub sharing the real prototype, so `x instanceof Function` (used by
 * Pyodide when it calls JS) keeps working while `Function('code')` throws.
 */
function blockCodeGeneration(scope: Record<string, unknown>, report: SandboxReport): void {
  const stub = function Function() {
    blocked();
  };
  stub.prototype = Function.prototype;
  const protos = [
    Function.prototype,
    Object.getPrototypeOf(async function () {}),
    Object.getPrototypeOf(function* () {}),
    Object.getPrototypeOf(async function* () {}),
  ];
  for (const proto of protos) {
    try {
      Object.defineProperty(proto, 'constructor', { value: blocked, writable: false, configurable: false });
    } catch {
      report.stuck.push('Function.prototype.constructor');
    }
  }
  scope.Function = stub;
}

/**
 * Work scheduled for later would run Python between calls: after the reply, before the next candidate's
 * interpreter is written back, with no test running and so no deadline to interrupt it (asyncio's loop hands
 * its callbacks to Pyodide, which uses these). The engine's own code runs only inside calls, so no timer,
 * immediate or microtask entry point is left; in browsers Pyodide also posts to a MessageChannel it made at
 * load, so ports cannot post either (the transport posts through the worker scope, captured before this).
 * String handlers, which browsers evaluate as code, go with them.
 */
const LATER_WORK = ['setTimeout', 'setInterval', 'setImmediate', 'queueMicrotask', 'requestAnimationFrame', 'MessageChannel'];

function noLaterWork(scope: Record<string, unknown>, browser: boolean, report: SandboxReport): void {
  for (const name of LATER_WORK) if (name in scope) scope[name] = blocked;
  const port = (scope['MessagePort'] as { prototype?: object } | undefined)?.prototype;
  if (browser && port) {
    try {
      Object.defineProperty(port, 'postMessage', { value: blocked, writable: false, configurable: false });
    } catch {
      report.stuck.push('MessagePort.prototype.postMessage');
    }
  }
}

/** Strip the realm (browser worker or Node worker thread) and the Pyodide API of outward capabilities. */
export function dropCapabilities(pyodide: PyodideAPI, scope: typeof globalThis = globalThis): SandboxReport {
  const report: SandboxReport = { removed: [], stuck: [] };
  const api = pyodide as unknown as Record<string, unknown>;
  const internals = (api._api ?? {}) as Record<string, unknown>;
  const fs = pyodide.FS as unknown as { mount?: unknown; unmount?: unknown; syncfs?: unknown; filesystems?: Record<string, unknown> };
  const mod = (api._module ?? {}) as Record<string, unknown>;
  for (const name of REMOVED_PYODIDE_API) {
    try {
      Object.defineProperty(api, name, { value: blocked, writable: false, configurable: false });
    } catch {
      report.stuck.push(`pyodide.${name}`);
    }
  }
  for (const name of REMOVED_PYODIDE_INTERNALS) if (name in internals) internals[name] = blocked;
  for (const name of REMOVED_FILESYSTEMS) {
    if (fs.filesystems) delete fs.filesystems[name];
    delete mod[name];
  }
  for (const name of REMOVED_MODULE_MEMBERS) delete mod[name];
  fs.mount = fs.unmount = fs.syncfs = blocked;
  const wasm = (scope as unknown as { WebAssembly?: Record<string, unknown> }).WebAssembly;
  for (const name of REMOVED_WEBASSEMBLY) if (wasm) removeEverywhere(wasm, name, report);
  // Node's worker transport posts through its MessagePort (node-endpoint.ts); Pyodide uses setImmediate there.
  const browser = !(scope as unknown as { process?: { versions?: { node?: string } } }).process?.versions?.node;
  noLaterWork(scope as unknown as Record<string, unknown>, browser, report);
  blockCodeGeneration(scope as unknown as Record<string, unknown>, report);
  for (const name of REMOVED_GLOBALS) removeEverywhere(scope, name, report);
  return report;
}
