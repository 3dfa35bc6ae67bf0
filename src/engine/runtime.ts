// Transport-free engine runtime: loads Pyodide (from a memory snapshot when given one), installs the harness
// modules (harness-install.ts), drops outward capabilities and scores candidates, each in a clean interpreter:
// before every call the interpreter is written back from an image taken when it was sealed (or sealed with the
// problem's tests prepared), and /tmp is a fresh file system. Worker entries expose it over comlink; tests drive it
// directly. Every method returns data; a fatal Pyodide error marks the runtime dead instead of throwing.
import { loadPyodide, type PyodideAPI } from 'pyodide';
import type { IoExpectRequest, ScoreRequest } from '../core/run/types';
import { HeldOutputs } from './expected-outputs';
import { preparedValue, runValue, scoreValue, testCount, verdictsValue, type RunTest, type RunValue, type ScoreValue, type Seen } from './harness-reply';
import { installHarness, preloadHarness, type HarnessFn } from './harness-install';
import { createInterpreterImage, type InterpreterImage, type WasmInterpreter } from './interpreter-image';
import { candidateTests, checkedIoTests, judgeBatches, judgeTests, printedMatches, problemKey } from './io-judging';
import { dropCapabilities, type SandboxReport } from './sandbox';
import { createScratchFs, type EmscriptenFs } from './scratch-fs';

export type SnapshotUse = 'loaded' | 'made' | 'none' | 'failed';

export interface RuntimeOptions {
  /** Directory (URL in browsers, path in Node) holding pyodide.asm.wasm, python_stdlib.zip, ... */
  indexURL: string;
  /** The sources of the harness modules (sources-types.ts's HARNESS_FILES), in that order. */
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
export type RuntimeReply<T = unknown> =
  | { ok: true; value: T }
  /** `fatal`: the Pyodide instance is unusable and the worker must be replaced. `missing`: resend with
   *  the expected outputs (this worker no longer holds them). `tampered`: the code changed the harness
   *  (harness_integrity.py): its results are void (the next call starts from the clean image anyway). */
  | { ok: false; fatal: boolean; message: string; missing?: 'expected'; tampered?: true };

export interface EngineRuntime {
  readonly info: ReadyInfo;
  /** The snapshot this runtime made (once; null afterwards or when none was made). */
  takeSnapshot(): Uint8Array | null;
  /** `skip`: tests not to run (they lost a worker in an earlier attempt). A null value: the candidate's
   *  interpreter replied with something else than the harness's shape, so its results are void. */
  score(request: ScoreRequest, progress: Float64Array | null, skip?: readonly number[]): RuntimeReply<ScoreValue | null>;
  expect(request: IoExpectRequest & { skip?: number[] }, progress: Float64Array | null): RuntimeReply;
  /** Each program's syntax-tree key (null: it does not parse), in a clean interpreter; nothing is run. */
  programKeys(codes: readonly string[]): RuntimeReply;
  /** Size of the wasm heap in bytes: it never shrinks, so the pool recycles workers that grew large. */
  heapBytes(): number;
}

interface PyodideModule extends WasmInterpreter {
  MEMFS: unknown;
  finalizationRegistry: { register(...args: unknown[]): void; unregister(...args: unknown[]): void };
}

type Failure = Extract<RuntimeReply, { ok: false }>;

/** A candidate's replies put together: tests from every call, io tests possibly still to judge. */
interface Run {
  head: RunValue;
  tests: RunTest[];
  exhausted: boolean;
}

/** Characters of JSON per judge call at most (what candidates hand over can be megabytes per test). */
const JUDGE_BATCH_CHARS = 1 << 24;

/** Expected outputs kept in the worker: sent once, then referenced by key (they can be hundreds of MB). */
const EXPECTED_KEPT = 8;

function isPythonError(e: unknown, pyodide: PyodideAPI): boolean {
  const ctor = (pyodide.ffi as unknown as { PythonError?: new () => unknown }).PythonError;
  return !!ctor && e instanceof ctor;
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
      preloadHarness(py, opts.preloadSource, opts.harnessSources);
      return { py, use: 'failed', error: String(e) };
    }
  }
  const py = await loadPyodide({ indexURL: opts.indexURL, ...quiet, _makeSnapshot: !!opts.makeSnapshot });
  preloadHarness(py, opts.preloadSource, opts.harnessSources);
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
  const harness = installHarness(py, opts.harnessSources);
  const { score: scoreFn, expect: expectFn, prepare: prepareFn, judge: judgeFn, prepareJudge: prepareJudgeFn, programKeys: keysFn } = harness;
  /** io outputs by key, on this side only: no interpreter a candidate runs in ever holds them. */
  const expectedKept = new HeldOutputs(EXPECTED_KEPT);

  const setInterruptBuffer = py.setInterruptBuffer.bind(py);
  const mod = (py as unknown as { _module: PyodideModule })._module;
  const interrupt = opts.interrupt ?? null;
  // Before the sandbox: it hides FS.mount, which the scratch file system needs for every candidate.
  const files = createScratchFs(py.FS as unknown as EmscriptenFs, mod.MEMFS);
  harness.seal();
  const sandbox = opts.sandbox === false ? null : dropCapabilities(py);
  const sealed = createInterpreterImage(mod);
  sealed.capture();
  // A JS proxy of a Python object made after the image would, once garbage collected, release its object
  // in whatever state the memory was written back to: such proxies are never released instead.
  mod.finalizationRegistry = { register() {}, unregister() {} };
  /** Sealed plus one problem's prepared tests: `run` for its candidates, `judge` (io) with its outputs too. */
  const prepared: Record<'run' | 'judge', { image: InterpreterImage; key: string | null }> = {
    run: { image: createInterpreterImage(mod), key: null },
    judge: { image: createInterpreterImage(mod), key: null },
  };
  let dead: string | null = null;

  /** io outputs on this side; null when they are needed but not held here. */
  function outputsOf(request: ScoreRequest): (string | null)[] | null {
    const full = expectedKept.filled(request);
    return full && (full.tests.kind === 'io' ? full.tests.expected.outputs : []);
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

  /** A clean interpreter for the next call: as sealed, or as sealed with a problem prepared by `prepare`. */
  function cleanInterpreter(role: 'run' | 'judge' | null, key: string, prepare: () => string): Failure | null {
    files.reset();
    const slot = role && prepared[role];
    if (slot && slot.key === key) {
      slot.image.restore();
      return null;
    }
    sealed.restore();
    if (!slot) return null;
    slot.key = null;
    const reply = invoke(prepare);
    if (!reply.ok) return reply;
    if (!preparedValue(reply.value)) return { ok: false, fatal: false, message: 'the harness replied to prepare with something else than its shape' };
    slot.image.capture();
    slot.key = key;
    return null;
  }

  function call(fn: HarnessFn, request: unknown, progress: Float64Array | null): RuntimeReply {
    // A new view for every call: Pyodide maps each JS object to one reference in tables that live beside the
    // memory image, so a proxy of a reused object that a candidate kept alive across the write-back would
    // hand the next call a reference the restored memory no longer holds (use after free, a dead worker).
    // JS null would arrive as JsNull, undefined as None.
    const prog = progress ? new Float64Array(progress.buffer, progress.byteOffset, progress.length) : undefined;
    return invoke(() => fn(JSON.stringify(request), prog));
  }

  /** The candidate's calls: from the first test, again from where a call stopped (its reply grew large).
   *  Null when a reply does not have the harness's shape (the pool voids the candidate's results). */
  function runCandidate(request: ScoreRequest, outputs: (string | null)[], progress: Float64Array | null, skip: readonly number[]): Run | Failure | null {
    const key = problemKey(request);
    const t = request.tests;
    const total = t.kind === 'io' ? outputs.length : testCount(t);
    const forPython = (withSource: boolean) => (t.kind === 'io' ? candidateTests(t, outputs, withSource) : t);
    const prepare = () => prepareFn(JSON.stringify({ tests: forPython(true), compare: request.compare }));
    const began = performance.now();
    const tests: RunTest[] = [];
    let head: RunValue | undefined;
    let exhausted = false;
    for (let start = 0; ; ) {
      const failed = cleanInterpreter('run', key, prepare);
      if (failed) return failed;
      const budgetMs = Math.max(0, request.budgetMs - (performance.now() - began));
      const reply = call(scoreFn, { ...request, tests: forPython(false), budgetMs, skip, start }, progress);
      if (!reply.ok) return reply;
      const value = runValue(reply.value, total, start);
      if (!value) return null;
      // Only io tests are judged; an assertion test never hands anything over.
      if (t.kind !== 'io' && value.tests.some((x) => x[0] === 'judge')) return null;
      tests.push(...value.tests);
      head ??= value;
      exhausted ||= value.budgetExhausted;
      if (value.next === null) return { head, tests, exhausted };
      start = value.next;
    }
  }

  /** Decide the io tests the candidate left to judge, in the judge's clean interpreter. */
  function judged(request: ScoreRequest, outputs: (string | null)[], tests: RunTest[]): Failure | null {
    const t = request.tests;
    if (t.kind !== 'io') return null;
    const checked = checkedIoTests(tests, t, outputs);
    if (!checked) return { ok: false, fatal: false, message: 'tampered with the harness: an io test reported itself passed', tampered: true };
    checked.forEach((x, i) => (tests[i] = x));
    const pending: [number, Seen][] = [];
    tests.forEach(([status, seen, ms], i) => {
      if (status !== 'judge') return;
      if ('text' in seen && request.compare === 'paper' && printedMatches(seen.text, outputs[i], t.atol)) tests[i] = ['pass', '', ms];
      else pending.push([i, seen]);
    });
    if (!pending.length) return null;
    const forJudge = JSON.stringify({ tests: judgeTests(t), compare: request.compare });
    const failed = cleanInterpreter('judge', problemKey(request), () => prepareJudgeFn(forJudge, JSON.stringify(outputs)));
    if (failed) return failed;
    let at = 0;
    for (const batch of judgeBatches(pending, JUDGE_BATCH_CHARS)) {
      if (at > 0) cleanInterpreter('judge', problemKey(request), () => '');
      const reply = invoke(() => judgeFn(forJudge, batch.json));
      if (!reply.ok) return reply;
      const verdicts = verdictsValue(reply.value, batch.count);
      if (!verdicts) return { ok: false, fatal: false, message: 'the judge replied with something else than verdicts' };
      for (const [status, message] of verdicts) {
        const i = pending[at++]![0];
        tests[i] = [status, message, tests[i]![2]];
      }
    }
    return null;
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
      if (dead) return { ok: false, fatal: true, message: dead };
      const outputs = outputsOf(request);
      if (!outputs) return { ok: false, fatal: false, message: 'expected outputs are not held here', missing: 'expected' };
      const run = runCandidate(request, outputs, progress, skip);
      if (!run || 'ok' in run) return run ?? { ok: true, value: null };
      const failed = judged(request, outputs, run.tests);
      if (failed) return failed;
      const { total, uncompilable, compileError } = run.head;
      // Checked again: every test is decided by now (a 'judge' left over would void it).
      return { ok: true, value: scoreValue({ total, tests: run.tests, uncompilable, compileError, budgetExhausted: run.exhausted }, total) };
    },
    expect(request, progress) {
      if (dead) return { ok: false, fatal: true, message: dead };
      cleanInterpreter(null, '', () => '');
      return call(expectFn, request, progress);
    },
    programKeys(codes) {
      if (dead) return { ok: false, fatal: true, message: dead };
      cleanInterpreter(null, '', () => '');
      return call(keysFn, { codes }, null);
    },
    heapBytes: () => mod.HEAPU8.length,
  };
}
