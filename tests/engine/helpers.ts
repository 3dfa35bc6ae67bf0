// Shared builders for the engine tests: a runtime in this thread (no sandbox, no interrupt) and requests.
import { loadPyodide, type PyodideAPI } from 'pyodide';
import type { PyProxy } from 'pyodide/ffi';
import type { CompareMode, IoExpected, ScoreRequest, TestSpec } from '../../src/core/run/types';
import { nodeEngineSources, nodePyodideDir } from '../../src/engine/node-sources';
import { scoreValue, testCount, type ScoreValue } from '../../src/engine/harness-reply';
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

/** The harness's score() value, as the pool checks it (harness-reply.ts). */
export type RuntimeScore = ScoreValue;

/** Score on a local runtime and return the harness's value (throws on a runtime error or a malformed reply). */
export function scoreLocal(rt: EngineRuntime, request: ScoreRequest): RuntimeScore {
  const reply = rt.score(request, null);
  if (!reply.ok) throw new Error(reply.message);
  const value = scoreValue(reply.value, testCount(request.tests));
  if (!value) throw new Error(`malformed score reply: ${JSON.stringify(reply.value).slice(0, 300)}`);
  return value;
}

export const statuses = (r: RuntimeScore) => r.tests.map((t) => t[0]);

/** A JSON line with EvalPlus inputs, as Python will parse it (big ints kept as written). */
export function ioSource(base: string, plus = '[]'): string {
  return `{"task_id": "T", "base_input": ${base}, "plus_input": ${plus}}`;
}

let keyCounter = 0;
export function ioTests(taskId: string, entryPoint: string, source: string, expected: IoExpected, atol = 0, sets: ('base' | 'plus')[] = ['base', 'plus']): TestSpec {
  return { kind: 'io', taskId, entryPoint, atol, inputs: { key: `src-${source.length}-${keyCounter++}`, source, sets }, expected };
}

export function expectedFrom(value: unknown, compare: CompareMode): IoExpected {
  const v = value as { outputs: (string | null)[]; errors: (string | null)[]; ms: number[] };
  return { key: `exp-${keyCounter++}`, compare, outputs: v.outputs, errors: v.errors, ms: v.ms };
}

/** A Pyodide of its own with the harness exec'd into a fresh namespace, for tests of the harness's parts
 *  (the runtime keeps its namespace private). Run Python there with `py.runPython(code, { globals: ns })`. */
export async function harnessNamespace(): Promise<{ py: PyodideAPI; ns: PyProxy }> {
  const sources = nodeEngineSources();
  const py = await loadPyodide({ indexURL: nodePyodideDir(), stdout: () => {}, stderr: () => {} });
  py.runPython(sources.preload);
  const ns = py.globals.get('dict')() as PyProxy;
  (ns as unknown as Map<string, unknown>).set('__name__', 'harness_under_test');
  for (const source of sources.harness) py.runPython(source, { globals: ns as never });
  return { py, ns };
}
