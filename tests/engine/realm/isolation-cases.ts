// State changes a candidate or a generated test can make to the interpreter — stdlib class attributes, C-level
// state, caches, import hooks with a lying __eq__, files, the working directory, open files, memory — each
// with a check that holds in a clean interpreter. Run in Node (isolation.test.ts) and Chromium (browser-pool).

/** The candidate every case runs next to. */
export const ADD = 'def add(a, b):\n    return a + b\n';

/** [what, code that changes something, a check that holds in a clean interpreter]. */
export const CASES: [string, string, string][] = [
  ['decimal context (C state)', 'import decimal\ndecimal.getcontext().prec = 3', 'import decimal\nassert decimal.getcontext().prec == 28 and str(decimal.Decimal(1) / 7).startswith("0.142857142857")'],
  ['json encoder class attribute', 'import json\njson.JSONEncoder.encode = lambda self, o: "1"', 'import json\nassert json.dumps([1, 2]) == "[1, 2]"'],
  ['json module function', 'import json\njson.loads = lambda s: 42', 'import json\nassert json.loads("[1]") == [1]'],
  ['re cache poisoned', 'import re\nre.compile("a+")\nfor c in ("_cache", "_cache2"):\n    d = getattr(re, c, None)\n    if isinstance(d, dict):\n        for k in list(d):\n            d[k] = re.compile("zzz")', 'import re\nassert re.fullmatch("a+", "aaa") and not re.fullmatch("a+", "zzz")'],
  ['re.compile replaced', 'import re\nre.compile = lambda *a, **k: None', 'import re\nassert re.compile("x").match("x")'],
  ['meta_path hook with a lying __eq__', 'import sys\nclass F:\n    def __eq__(self, o): return True\n    def __hash__(self): return 0\n    def find_spec(self, name, path=None, target=None):\n        raise ImportError("hijacked " + name)\nsys.meta_path.insert(0, F())', 'import sys, colorsys\nassert all(type(f).__module__ != "__main__" and type(f).__name__ != "F" for f in sys.meta_path)'],
  ['sys.modules entry replaced', 'import sys\nsys.modules["math"] = type(sys)("math")', 'import math\nassert math.sqrt(9) == 3'],
  ['stdlib class attribute (OrderedDict)', 'import collections\ncollections.OrderedDict.__repr__ = lambda self: "X"', 'import collections\nassert repr(collections.OrderedDict(a=1)) != "X"'],
  ['fractions comparison patched', 'import fractions\nfractions.Fraction.__eq__ = lambda self, o: True', 'import fractions\nassert fractions.Fraction(1, 2) != fractions.Fraction(1, 3)'],
  ['copy dispatch table (used to copy inputs)', 'import copy\ncopy._deepcopy_dispatch[list] = lambda x, memo: [0]', 'import copy\nassert copy.deepcopy([1, 2]) == [1, 2]'],
  ['copyreg reducer', 'import copyreg, pickle\ncopyreg.pickle(complex, lambda c: (int, (7,)))', 'import pickle\nassert pickle.loads(pickle.dumps(1j)) == 1j'],
  ['builtins rebound', 'import builtins\nbuiltins.sorted = lambda x, **k: [42]\nbuiltins.len = lambda x: 0', 'assert sorted([2, 1]) == [1, 2] and len([1]) == 1'],
  ['__import__ replaced', 'import builtins\n_i = builtins.__import__\nbuiltins.__import__ = lambda n, *a, **k: _i("math") if n == "heapq" else _i(n, *a, **k)', 'import heapq\nassert hasattr(heapq, "heappush")'],
  ['recursion limit', 'import sys\nsys.setrecursionlimit(60)', 'import sys\nassert sys.getrecursionlimit() == 1000'],
  ['int digits limit', 'import sys\nsys.set_int_max_str_digits(640)', 'assert len(str(10 ** 1000)) == 1001'],
  ['trace and profile hooks', 'import sys\nsys.settrace(lambda *a: None)\nsys.setprofile(lambda *a: None)', 'import sys\nassert sys.gettrace() is None and sys.getprofile() is None'],
  ['sys.monitoring tool', 'import sys\nm = sys.monitoring\nm.use_tool_id(3, "evil")\nm.set_events(3, m.events.CALL)\nm.register_callback(3, m.events.CALL, lambda *a: None)', 'import sys\nassert sys.monitoring.get_tool(3) is None'],
  ['garbage collector switched off', 'import gc\ngc.disable()\ngc.set_threshold(1)\ngc.callbacks.append(lambda *a: None)', 'import gc\nassert gc.isenabled() and gc.get_threshold()[0] > 1 and not gc.callbacks'],
  ['warnings made errors', 'import warnings\nwarnings.simplefilter("error")', 'import warnings\nassert not [f for f in warnings.filters if f[0] == "error"]'],
  ['environment variable', 'import os\nos.environ["VL_LEFT"] = "1"\nos.putenv("VL_LEFT2", "1")', 'import os\nassert "VL_LEFT" not in os.environ'],
  ['random state', 'import random\nrandom.seed(12345)\nrandom.random = lambda: 0.5', 'import random\nassert random.random() != 0.5'],
  ['signal handler for SIGINT', 'import signal\nsignal.signal(signal.SIGINT, signal.SIG_IGN)', 'import signal\nassert signal.getsignal(signal.SIGINT) is signal.default_int_handler'],
  ['stdout and displayhook replaced', 'import sys\nsys.stdout = None\nsys.__stdout__ = None\nsys.displayhook = None', 'import sys\nprint("still captured")\nassert sys.__stdout__ is not None'],
  ['standard file descriptors closed', 'import os\nos.close(0)\nos.close(1)\nos.close(2)', 'import os\nos.write(1, b"x")\nos.fstat(0)\nassert True'],
  ['a file opened and left open', 'f = open("/tmp/held.txt", "w")\nf.write("x")\nimport os\nfd = os.open("/tmp/held2.txt", os.O_CREAT | os.O_WRONLY)', 'import os\nassert not os.path.exists("/tmp/held.txt") and not os.path.exists("/tmp/held2.txt")'],
  ['files left in /tmp', 'import os\nos.makedirs("/tmp/a/b", exist_ok=True)\nopen("/tmp/a/b/c.txt", "w").write("x")\nopen("left.txt", "w").write("x")', 'import os\nassert os.listdir("/tmp") == [] and os.listdir(".") == []'],
  ['a module planted where imports look', 'import sys\nopen("/tmp/heapq.py", "w").write("X = 1")\nsys.path.insert(0, "/tmp")\nsys.modules.pop("heapq", None)', 'import heapq\nassert hasattr(heapq, "heappush")'],
  ['working directory', 'import os\nos.chdir("/lib")', 'import os\nassert os.getcwd() == "/tmp"'],
  ['a large allocation', 'x = bytearray(150 * 1024 * 1024)\nx[-1] = 1', 'x = bytearray(10)\nassert x == bytearray(10)'],
  ['atexit and threading hooks', 'import atexit, threading, sys\natexit.register(lambda: None)\nthreading.excepthook = None\nsys.excepthook = None\nsys.unraisablehook = None', 'import threading, sys\nassert threading.excepthook is not None and sys.unraisablehook is not None'],
  ['locale and time zone', 'import locale, os, time\nos.environ["TZ"] = "Asia/Tokyo"\ntime.tzset()\ntry:\n    locale.setlocale(locale.LC_ALL, "C.UTF-8")\nexcept Exception:\n    pass', 'import os\nassert os.environ.get("TZ") != "Asia/Tokyo"'],
  ['functools cache of a stdlib function', 'import fnmatch\nfnmatch._compile_pattern.cache_clear()\nfnmatch.fnmatch = lambda a, b: True', 'import fnmatch\nassert not fnmatch.fnmatch("a.txt", "*.py")'],
  ['str methods through a subclass registry', 'import abc, collections.abc\ncollections.abc.Sequence.register(set)', 'import collections.abc\nassert not isinstance(set(), collections.abc.Sequence)'],
  ['interned harness helpers walked through frames', "import sys\nf = sys._getframe()\nwhile f is not None and '_test_reset' not in f.f_globals:\n    f = f.f_back\nif f is not None:\n    g = f.f_globals\n    g['describe'] = lambda e, cap=0: 'forged'\n    g['_test_reset'].builtins['abs'] = lambda x: -1", 'assert abs(-3) == 3'],
  // Proxies of JS objects kept alive across the write-back: Pyodide's tables of JS references live beside memory.
  ['the harness\'s progress proxy kept alive', "import sys\nfr = sys._getframe()\nwhile fr is not None and fr.f_locals.get('prog') is None:\n    fr = fr.f_back\nKEPT = fr.f_locals['prog']", "assert 'KEPT' not in globals()"],
  ['JS built-ins kept alive', "import sys\nfr = sys._getframe()\nwhile fr is not None and fr.f_locals.get('prog') is None:\n    fr = fr.f_back\np = fr.f_locals['prog']\nKEPT = [p.constructor, p.constructor.prototype.__proto__.__proto__]", "assert 'KEPT' not in globals()"],
];
