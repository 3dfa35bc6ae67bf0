// Putting the harness into a Pyodide: the preload (stdlib imports and the harness compiled, before a memory
// snapshot) and the install (preload.py's install_harness runs HARNESS_FILES as modules, in order, and takes
// them out of sys.modules again). What the runtime keeps is the entry points; no Python name leads to them.
import type { PyodideAPI } from 'pyodide';
import type { PyProxy } from 'pyodide/ffi';
import { HARNESS_FILES, harnessModuleName } from './sources-types';

/** A harness entry point: JSON in, JSON out (the second argument is the progress buffer or a second JSON). */
export type HarnessFn = PyProxy & ((json: string, second?: Float64Array | string) => string);

/** The entry points the runtime calls (harness.py, and harness_judge.py for the judge). */
export interface HarnessEntry {
  score: HarnessFn;
  expect: HarnessFn;
  prepare: HarnessFn;
  judge: HarnessFn;
  prepareJudge: HarnessFn;
  programKeys: HarnessFn;
  /** harness.py's seal(): the last step before the first image (arms the tripwire over every module). */
  seal(): void;
}

type Modules = PyProxy & { get(name: string): PyProxy & Record<string, unknown> };

function namesAndSources(py: PyodideAPI, sources: readonly string[]): [PyProxy, PyProxy] {
  if (sources.length !== HARNESS_FILES.length) throw new Error(`expected ${HARNESS_FILES.length} harness sources, got ${sources.length}`);
  return [py.toPy(HARNESS_FILES.map(harnessModuleName)) as PyProxy, py.toPy(sources) as PyProxy];
}

/** Run preload.py in __main__ and compile the harness there: what a snapshot captures. */
export function preloadHarness(py: PyodideAPI, preloadSource: string, harnessSources: readonly string[]): void {
  py.runPython(preloadSource);
  const [names, sources] = namesAndSources(py, harnessSources);
  const precompile = py.globals.get('precompile_harness') as PyProxy & ((n: PyProxy, s: PyProxy) => void);
  try {
    precompile(names, sources);
  } finally {
    for (const proxy of [precompile, names, sources]) proxy.destroy(); // a snapshot must not be taken while proxies are alive
  }
}

/** Install the harness modules (with the snapshot's compiled code when it came from these very sources) and
 *  remove the preload's helpers from __main__. `modules` ({name: module}) is for tests; seal() releases it. */
export function installHarness(py: PyodideAPI, harnessSources: readonly string[]): HarnessEntry & { modules: Modules } {
  const [names, sources] = namesAndSources(py, harnessSources);
  const install = py.globals.get('install_harness') as PyProxy & ((n: PyProxy, s: PyProxy) => Modules);
  let modules: Modules;
  try {
    modules = install(names, sources);
  } finally {
    for (const proxy of [install, names, sources]) proxy.destroy();
    for (const name of ['install_harness', 'precompile_harness', 'HARNESS_CODE']) if (py.globals.has(name)) py.globals.delete(name);
  }
  const runner = modules.get('harness');
  const judge = modules.get('harness_judge');
  // Copies: an attribute's proxy is borrowed from its module's and would go with it.
  const fn = (module: PyProxy & Record<string, unknown>, name: string) => (module[name] as PyProxy).copy() as HarnessFn;
  const seal = fn(runner, 'seal') as unknown as PyProxy & ((m: Modules) => void);
  const entry = {
    score: fn(runner, 'score'),
    expect: fn(runner, 'expect'),
    prepare: fn(runner, 'prepare'),
    judge: fn(judge, 'judge'),
    prepareJudge: fn(judge, 'prepare_judge'),
    programKeys: fn(runner, 'program_keys'),
    seal: () => {
      seal(modules);
      seal.destroy();
      modules.destroy();
    },
    modules,
  };
  runner.destroy();
  judge.destroy();
  return entry;
}
