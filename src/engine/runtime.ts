// Transport-free engine runtime: loads Pyodide (from a memory snapshot when given one), installs the harness,
// drops outward capabilities and scores candidates, each in a clean interpreter: before every call the
// interpreter is written back from an image taken when it was sealed (or sealed with the problem's tests
// prepared), and /tmp is a fresh file system. Worker entries expose it over comlink; tests drive it
// directly. Every method returns data; a fatal Pyodide error marks the runtime dead instead of throwing.
import { loadPyodide, type PyodideAPI } from 'pyodide';
import type { PyProxy } from 'pyodide/ffi';
import type { IoExpectRequest, ScoreRequest } from '../core/run/types';
import { createInterpreterImage, type WasmInterpreter } from './interpreter-image';
import { dropCapabilities, type SandboxReport } from './sandbox';
import { createScratchFs, type EmscriptenFs } from './scratch-fs';

export type SnapshotUse = 'loaded' | 'made' | 'none' | 'failed';

export interface RuntimeOptions {
  /** Directory (URL in browsers, path in Node) holding pyodide.asm.wasm, python_stdlib.zip, ... */
  indexURL: string;
  /** harness_state.py, harness_compare.py, harness_define.py, harness.py, harness_integrity.py, in that order. */
  harnessSources: readonly string[];
  /** preload.py: imports captured by the snapshot. */
  preloadSource: string;
  /** A snapshot made by a runtime with the same Pyodide version and preload source. */
  snapshot?: Uint8Array | null;
  /** Make a snapshot for the caller to cache (ignored when `snapshot` is given). */
  makeSnapshot?: boolean;
  /** Int32Array over a SharedArrayBuffer: another thread writes 2 (SIGINT) to stop the running test. */
  interrupt?: Int32Array | null;
  /** Default true. Tests of the harness alone may turn it off. */
  sandbox?: boolean;
}

export interface ReadyInfo {
  pyodideVersion: string;
  snapshot: SnapshotUse;
  snapshotError: string | null;
  readyMs: number;
  sandbox: SandboxReport | null;
}

/** What a harness call returns across the transport. */
export type RuntimeReply =
  | { ok: true; value: unknown }
  /** `fatal`: the Pyodide instance is unusable and the worker must be replaced. `missing`: resend with
   *  the expected outputs (this worker no longer holds them). `tampered`: the code changed the harness
   *  (harness_integrity.py): its results are void (the next call starts from the clean image anyway). */
  | { ok: false; fatal: boolean; message: string; missing?: 'expected'; tampered?: true };

export interface EngineRuntime {
  readonly info: ReadyInfo;
  /** The snapshot this runtime made (once; null afterwards or when none was made). */
  takeSnapshot(): Uint8Array | null;
  /** `skip`: tests not to run (they lost a worker in an earlier attempt). */
  score(request: ScoreRequest, progress: Float64Array | null, skip?: readonly number[]): RuntimeReply;
  expect(request: IoExpectRequest & { skip?: number[] }, progress: Float64Array | null): RuntimeReply;
  /** Size of the wasm heap in bytes: it never shrinks, so the pool recycles workers that grew large. */
  heapBytes(): number;
}

type HarnessFn = PyProxy & ((json: string, progress?: Float64Array) => string);

interface PyodideModule extends WasmInterpreter {
  MEMFS: unknown;
  finalizationRegistry: { register(...args: unknown[]): void; unregister(...args: unknown[]): void };
}

/** Expected outputs kept in the worker: sent once, then referenced by key (they can be hundreds of MB). */
const EXPECTED_KEPT = 8;

function isPythonError(e: unknown, pyodide: PyodideAPI): boolean {
  const ctor = (pyodide.ffi as unknown as { PythonError?: new () => unknown }).PythonError;
  return !!ctor && e instanceof ctor;
}

/** What a snapshot captures: the preloaded modules and the compiled (not yet run) harness. */
function preload(py: PyodideAPI, opts: RuntimeOptions): void {
  py.runPython(opts.preloadSource);
  const sources = py.toPy(opts.harnessSources) as PyProxy;
  const precompile = py.globals.get('precompile_harness') as PyProxy & ((s: PyProxy) => void);
  try {
    precompile(sources);
  } finally {
    precompile.destroy();
    sources.destroy(); // a snapshot must not be taken while proxies are alive
  }
}

/** Remove the preload's helper names from __main__ (before the harness records its baseline), run the harness:
 *  the compiled code the snapshot holds when it was compiled from these very sources, else the sources. */
function installHarness(py: PyodideAPI, ns: PyProxy, sources: readonly string[]): void {
  const held = py.globals.get('HARNESS_CODE') as (PyProxy & { get(i: number): PyProxy }) | undefined;
  py.globals.delete('HARNESS_CODE');
  py.globals.delete('precompile_harness');
  const compiledFrom = held?.get(0);
  const same = compiledFrom !== undefined && sameSources(compiledFrom.toJs() as string[], sources);
  compiledFrom?.destroy();
  if (!held || !same) {
    held?.destroy();
    for (const source of sources) py.runPython(source, { globals: ns as never });
    return;
  }
  const codes = held.get(1) as PyProxy & Iterable<PyProxy>;
  const builtins = py.pyimport('builtins') as PyProxy & { exec: PyProxy & ((code: PyProxy, globals: PyProxy) => void) };
  const exec = builtins.exec;
  try {
    for (const code of codes) {
      exec(code, ns);
      code.destroy();
    }
  } finally {
    for (const proxy of [codes, held, exec, builtins]) proxy.destroy();
  }
}

function sameSources(a: readonly string[], b: readonly string[]): boolean {
  return a.length === b.length && a.every((s, i) => s === b[i]);
}

async function load(opts: RuntimeOptions): Promise<{ py: PyodideAPI; use: SnapshotUse; error: string | null }> {
  const quiet = { stdout: () => {}, stderr: () => {} };
  if (opts.snapshot) {
    try {
      // Copy: the snapshot may sit in shared memory, which TextDecoder refuses in browsers.
      const bytes = new Uint8Array(opts.snapshot.length);
      bytes.set(opts.snapshot);
      const py = await loadPyodide({ indexURL: opts.indexURL, ...quiet, _loadSnapshot: bytes });
      return { py, use: 'loaded', error: null };
    } catch (e) {
      const py = await loadPyodide({ indexURL: opts.indexURL, ...quiet });
      preload(py, opts);
      return { py, use: 'failed', error: String(e) };
    }
  }
  const py = await loadPyodide({ indexURL: opts.indexURL, ...quiet, _makeSnapshot: !!opts.makeSnapshot });
  preload(py, opts);
  return { py, use: opts.makeSnapshot ? 'made' : 'none', error: null };
}

/** Load Pyodide, install the harness and return the runtime. */
export async function createEngineRuntime(opts: RuntimeOptions): Promise<EngineRuntime> {
  const t0 = performance.now();
  const { py, use, error } = await load(opts);
  let snapshot: Uint8Array | null = use === 'made' ? py.makeMemorySnapshot() : null;

  // Output that bypasses the harness's capture (sys.__stdout__) is discarded without decoding.
  py.setStdout({ write: (buf: Uint8Array) => buf.length });
  py.setStderr({ write: (buf: Uint8Array) => buf.length });
  py.setStdin({ error: true });
  const ns = py.globals.get('dict')() as PyProxy & { get(k: string): unknown; set(k: string, v: unknown): void };
  ns.set('__name__', '_verifier_lab_harness');
  installHarness(py, ns, opts.harnessSources);
  const scoreFn = ns.get('score') as HarnessFn;
  const expectFn = ns.get('expect') as HarnessFn;
  const prepareFn = ns.get('prepare') as HarnessFn;
  const sealFn = ns.get('seal') as PyProxy & (() => void);
  const expectedKept = new Map<string, string>();
  ns.set('expected_outputs_source', (key: string) => expectedKept.get(key) ?? 'null');
  ns.destroy();

  const setInterruptBuffer = py.setInterruptBuffer.bind(py);
  const mod = (py as unknown as { _module: PyodideModule })._module;
  const interrupt = opts.interrupt ?? null;
  // Before the sandbox: it hides FS.mount, which the scratch file system needs for every candidate.
  const files = createScratchFs(py.FS as unknown as EmscriptenFs, mod.MEMFS);
  sealFn();
  sealFn.destroy();
  const sandbox = opts.sandbox === false ? null : dropCapabilities(py);
  const sealed = createInterpreterImage(mod);
  const prepared = createInterpreterImage(mod);
  sealed.capture();
  // A JS proxy of a Python object made after the image would, once garbage collected, release its object
  // in whatever state the memory was written back to: such proxies are never released instead.
  mod.finalizationRegistry = { register() {}, unregister() {} };
  /** Which problem's prepared tests `prepared` holds (its request text), if any. */
  let preparedFor: string | null = null;
  let dead: string | null = null;
  /** Keep io outputs on this side and send Python only their key; null when they are needed but gone. */
  function withoutOutputs(request: ScoreRequest): ScoreRequest | null {
    if (request.tests.kind !== 'io') return request;
    const expected = request.tests.expected;
    if (expected.outputs) {
      expectedKept.delete(expected.key);
      expectedKept.set(expected.key, JSON.stringify(expected.outputs));
      while (expectedKept.size > EXPECTED_KEPT) expectedKept.delete(expectedKept.keys().next().value!);
    } else if (!expectedKept.has(expected.key)) {
      return null;
    }
    return { ...request, tests: { ...request.tests, expected: { ...expected, outputs: null as never } } };
  }

  function invoke(run: () => string): RuntimeReply {
    if (interrupt) {
      Atomics.store(interrupt, 0, 0); // a late interrupt meant for the previous call
      setInterruptBuffer(interrupt); // after the image was written back: the flag lives in its memory
    }
    try {
      const value = JSON.parse(run()) as { tampered?: string | null };
      if (value.tampered) return { ok: false, fatal: false, message: `tampered with the harness: ${value.tampered}`, tampered: true };
      return { ok: true, value };
    } catch (e) {
      if (isPythonError(e, py)) return { ok: false, fatal: false, message: String(e).slice(-2000) };
      dead = `Pyodide failed fatally: ${String(e).slice(0, 500)}`;
      return { ok: false, fatal: true, message: dead };
    }
  }

  /** A clean interpreter for the next call: as sealed, or as sealed with `problem`'s tests prepared. */
  function cleanInterpreter(problem: string | null): RuntimeReply | null {
    files.reset();
    if (problem !== null && problem === preparedFor) {
      prepared.restore();
      return null;
    }
    sealed.restore();
    preparedFor = null;
    if (problem === null) return null;
    const reply = invoke(() => prepareFn(problem));
    if (!reply.ok) return reply;
    prepared.capture();
    preparedFor = problem;
    return null;
  }

  function call(fn: HarnessFn, request: unknown, problem: string | null, progress: Float64Array | null): RuntimeReply {
    if (dead) return { ok: false, fatal: true, message: dead };
    const failed = cleanInterpreter(problem);
    if (failed) return failed;
    const prog = progress ?? undefined; // JS null would arrive as JsNull, undefined as None
    const json = JSON.stringify(request);
    return invoke(() => fn(json, prog));
  }

  return {
    info: {
      pyodideVersion: py.version,
      snapshot: use,
      snapshotError: error,
      readyMs: performance.now() - t0,
      sandbox,
    },
    takeSnapshot() {
      const s = snapshot;
      snapshot = null;
      return s;
    },
    score(request, progress, skip = []) {
      const slim = withoutOutputs(request);
      if (!slim) return { ok: false, fatal: false, message: 'expected outputs are not held here', missing: 'expected' };
      return call(scoreFn, { ...slim, skip }, JSON.stringify({ tests: slim.tests, compare: slim.compare }), progress);
    },
    expect: (request, progress) => call(expectFn, request, null, progress),
    heapBytes: () => mod.HEAPU8.length,
  };
}
