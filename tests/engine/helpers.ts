// Shared builders for the engine tests: a runtime in this thread (no sandbox, no interrupt) and requests.
import { loadPyodide, type PyodideAPI } from 'pyodide';
import type { PyProxy } from 'pyodide/ffi';
import type { CompareMode, IoExpected, ScoreRequest, TestSpec } from '../../src/core/run/types';
import { installHarness, preloadHarness } from '../../src/engine/harness-install';
import { nodeEngineSources, nodePyodideDir } from '../../src/engine/node-sources';
import { expectValue, scoreValue, testCount, type ScoreValue } from '../../src/engine/harness-reply';
import { createEngineRuntime, type EngineRuntime } from '../../src/engine/runtime';

/** A runtime in the test's own thread: the sandbox would strip this very process, so it stays off here. */
export async function createLocalRuntime(): Promise<EngineRuntime> {
  const sources = nodeEngineSources();
  return createEngineRuntime({
    indexURL: nodePyodideDir(),
    harnessSources: sources.harness,
    preloadSource: sources.preload,
    sandbox: false,
  });
}

export function asserts(code: string, tests: string[], extra: Partial<ScoreRequest> = {}, setup = ''): ScoreRequest {
  return { code, tests: { kind: 'assert', setup, asserts: tests }, compare: 'paper', limitMs: 2000, budgetMs: 60_000, ...extra };
}

/** Score on a local runtime and return its value, checked as the pool checks it (throws on a runtime error or
 *  a malformed reply). */
export function scoreLocal(rt: EngineRuntime, request: ScoreRequest): ScoreValue {
  const reply = rt.score(request, null);
  if (!reply.ok) throw new Error(reply.message);
  const value = scoreValue(reply.value, testCount(request.tests));
  if (!value) throw new Error(`malformed score reply: ${JSON.stringify(reply.value).slice(0, 300)}`);
  return value;
}

export const statuses = (r: ScoreValue) => r.tests.map((t) => t[0]);

/** A JSON line with EvalPlus inputs, as Python will parse it (big ints kept as written). */
export function ioSource(base: string, plus = '[]'): string {
  return `{"task_id": "T", "base_input": ${base}, "plus_input": ${plus}}`;
}

let keyCounter = 0;
export function ioTests(taskId: string, entryPoint: string, source: string, expected: IoExpected, atol = 0, sets: ('base' | 'plus')[] = ['base', 'plus']): TestSpec {
  return { kind: 'io', taskId, entryPoint, atol, inputs: { key: `src-${source.length}-${keyCounter++}`, source, sets }, expected };
}

/** An expect() reply's outputs under a fresh key (throws on a malformed reply). */
export function expectedFrom(value: unknown, compare: CompareMode): IoExpected {
  const v = expectValue(value);
  if (!v) throw new Error(`malformed expect reply: ${JSON.stringify(value).slice(0, 300)}`);
  return { key: `exp-${keyCounter++}`, compare, outputs: v.outputs, errors: v.errors, ms: v.ms };
}

/** A Pyodide of its own with the harness modules installed as the runtime installs them (harness-install.ts),
 *  for tests of the harness's parts; `ns` is the namespace of `module` (harness.py's by default). Run Python
 *  there with `py.runPython(code, { globals: ns })`. This interpreter is the test's own, so the modules are
 *  put back into its sys.modules: test code may import names from the others. */
export async function harnessNamespace(module = 'harness'): Promise<{ py: PyodideAPI; ns: PyProxy }> {
  const sources = nodeEngineSources();
  const py = await loadPyodide({ indexURL: nodePyodideDir(), stdout: () => {}, stderr: () => {} });
  preloadHarness(py, sources.preload, sources.harness);
  const { modules } = installHarness(py, sources.harness);
  const sys = py.pyimport('sys') as PyProxy & { modules: PyProxy & { update(m: PyProxy): void } };
  sys.modules.update(modules);
  const ns = py.runPython(`vars(__import__('sys').modules[${JSON.stringify(module)}])`) as PyProxy;
  modules.destroy();
  return { py, ns };
}
