// The harness is a set of modules with explicit imports (preload.py's install_harness), checked statically in
// Pyodide with Python's own symtable and ast (harness_names.py): no file uses a name it does not bind, and each
// module imports only the harness modules loaded before it. Installed, they are out of a candidate's reach.
import { readFileSync } from 'node:fs';
import { loadPyodide, type PyodideAPI } from 'pyodide';
import type { PyProxy } from 'pyodide/ffi';
import { beforeAll, describe, expect, it } from 'vitest';
import { nodeEngineSources, nodePyodideDir } from '../../src/engine/node-sources';
import { engineSources } from '../../src/engine/sources';
import { HARNESS_FILES, PRELOAD_FILE, harnessModuleName } from '../../src/engine/sources-types';
import { asserts, createLocalRuntime, harnessNamespace, scoreLocal, statuses } from './helpers';

type Report = Record<string, string[]>;
let check: (files: [string, string][]) => Report;
const names = HARNESS_FILES.map(harnessModuleName);
const sources = nodeEngineSources();
const files = (): [string, string][] => [...HARNESS_FILES.map((f, i): [string, string] => [f, sources.harness[i]!]), [PRELOAD_FILE, sources.preload]];

beforeAll(async () => {
  const py: PyodideAPI = await loadPyodide({ indexURL: nodePyodideDir(), stdout: () => {}, stderr: () => {} });
  const ns = py.globals.get('dict')() as PyProxy;
  py.runPython(readFileSync(new URL('./harness_names.py', import.meta.url), 'utf8'), { globals: ns as never });
  const run = (ns as unknown as Map<string, PyProxy & ((f: PyProxy, n: PyProxy) => PyProxy)>).get('check')!;
  check = (given) => {
    const [f, n] = [py.toPy(given) as PyProxy, py.toPy(names) as PyProxy];
    const out = run(f, n);
    const report = out.toJs({ dict_converter: Object.fromEntries }) as Report;
    for (const proxy of [out, f, n]) proxy.destroy();
    return report;
  };
});

describe('the harness modules', () => {
  it('use only names they bind or import, and import only harness modules loaded before them', () => {
    const report = check(files());
    expect(Object.keys(report)).toEqual([...HARNESS_FILES, PRELOAD_FILE]);
    expect(report).toEqual(Object.fromEntries([...HARNESS_FILES, PRELOAD_FILE].map((f) => [f, []])));
  });

  it('are the same sources in the browser bundle (?raw) as read from disk in Node', () => {
    expect(engineSources).toEqual(sources);
  });

  it('the check itself finds an undefined name, an import of a later module and an import below the top level', () => {
    const state = sources.harness[0]!;
    const broken: [string, string][] = [
      ['harness_state.py', `${state}\n\ndef _cap():\n    return STDOUT_CAPS\n`],
      ['harness_compare.py', 'from harness import score\n'],
      ['harness_define.py', 'def f():\n    from harness_state import STDOUT_CAP\n    return STDOUT_CAP\n'],
      ['harness_judge.py', 'x = undefined_at_top\n'],
    ];
    expect(check(broken)).toEqual({
      'harness_state.py': ['undefined name STDOUT_CAPS (_cap)'],
      'harness_compare.py': ['line 1: imports harness, which loads after it'],
      'harness_define.py': ['line 2: imports harness_state below the top level'],
      'harness_judge.py': ['undefined name undefined_at_top (top)'],
    });
  });

  it('arm the tripwire over every module and every class they define', async () => {
    const { py, ns } = await harnessNamespace();
    const watched = py.runPython(
      `
import sys
tripwire.arm([sys.modules[n] for n in ${JSON.stringify(names)}])
[sorted(ns['__name__'] for ns, _ in tripwire.namespaces), sorted(c.__name__ for c, _ in tripwire.classes), tripwire.check()]
`,
      { globals: ns as never },
    ) as PyProxy;
    const [modules, classes, verdict] = watched.toJs() as [string[], string[], string | null];
    watched.destroy();
    expect(modules).toEqual([...names].sort());
    expect(classes).toEqual(['CappedWriter', 'Clock', 'DefinedOnce', 'Guard', 'OutputLimit', 'PlainUnpickler', 'TestReset', 'Tripwire']);
    expect(verdict ?? null).toBeNull(); // None arrives as undefined
  });

  it('are out of a candidate\'s reach once installed: not importable, not in sys.modules, no loader left in __main__', async () => {
    const rt = await createLocalRuntime();
    const probes = [
      ...names.map((n) => `import importlib\ntry:\n    importlib.import_module(${JSON.stringify(n)})\n    raise AssertionError('imported')\nexcept ImportError:\n    pass`),
      `import sys\nassert not set(${JSON.stringify(names)}) & set(sys.modules)`,
      "import __main__\nassert not {'install_harness', 'precompile_harness', 'HARNESS_CODE'} & set(vars(__main__))",
    ];
    expect(statuses(scoreLocal(rt, asserts('x = 1\n', probes)))).toEqual(probes.map(() => 'pass'));
  });
});
