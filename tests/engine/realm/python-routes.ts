// Ways from Python to JavaScript that Pyodide offers or once offered, tried with the Python guard defeated.
// Shared by the Node (sandbox.test.ts) and Chromium (browser-pool.test.ts) engine tests.

/** Walks up to the harness frame and switches the guard off: only what the interpreter holds is left. */
export const GUARD_BYPASS = [
  'import sys',
  '_f = sys._getframe()',
  "while _f is not None and '_guard' not in _f.f_globals:",
  '    _f = _f.f_back',
  "_f.f_globals['_guard'].active = False",
].join('\n');

/** Every way from Python to JavaScript we know of. Each passes only if it reached a JS object that leads somewhere. */
export const JS_ROUTES = [
  'import js',
  'import pyodide_js',
  "import importlib\nimportlib.import_module('pyodide_js')",
  "import sys\nassert [f for f in sys.meta_path if getattr(f, 'jsproxies', None)]",
  "import importlib\nassert importlib.import_module('_pyodide._importhook').jsfinder.jsproxies",
  "import importlib\ncore = importlib.import_module('_pyodide_core')\ncore.to_js({}).constructor.constructor('return globalThis')()",
  "import importlib\ncore = importlib.import_module('_pyodide_core')\nf = core.create_once_callable(lambda: 1)\nf.constructor('return globalThis')()",
  "import importlib\nimportlib.import_module('pyodide.code').run_js('globalThis')",
  "import importlib\nimportlib.import_module('pyodide.http').open_url('http://127.0.0.1:1/')",
  // JS objects the harness itself holds: any JS value in a frame's globals or locals, and the progress buffer.
  "import sys\nf = sys._getframe()\njs = []\nwhile f is not None:\n    js += [v for v in list(f.f_globals.values()) + list(f.f_locals.values()) if type(v).__name__.startswith('Js')]\n    f = f.f_back\nassert js\nfor v in js:\n    v.constructor('return globalThis')()",
  "import sys\nf = sys._getframe()\nwhile 'prog' not in f.f_locals or f.f_locals['prog'] is None:\n    f = f.f_back\nf.f_locals['prog'].constructor.constructor('return globalThis')()",
];

