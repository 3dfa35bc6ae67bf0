// Candidates that try to pass io tests they fail: by finding the expected outputs in their interpreter, or by
// rewriting what the harness reports. Run in Node (io-judge.test.ts) and Chromium (browser-pool.test.ts).

/** Expected outputs in these tests start with this, so a search can recognise them. */
export const SECRET_PREFIX = 'tok-';

/** Walks every frame and every harness module it can reach (through the functions the frames hold), and
 *  returns whatever looks like the secret. */
export const READ_EXPECTED = `
import sys
def f(x):
    found = []
    scopes = []
    fr = sys._getframe()
    while fr is not None:
        scopes += [fr.f_locals, fr.f_globals]
        fr = fr.f_back
    for scope in list(scopes):
        for v in list(scope.values()):
            g = getattr(v, '__globals__', None)
            if isinstance(g, dict) and all(g is not s for s in scopes):
                scopes.append(g)
    for scope in scopes:
        for name, v in list(scope.items()):
            if isinstance(v, dict):
                vals = list(v.values())
            elif isinstance(v, (list, tuple)):
                vals = list(v)
            else:
                vals = [v]
            for item in vals:
                for y in (item if isinstance(item, (list, tuple)) else [item]):
                    if isinstance(y, str) and y.startswith('tok-'):
                        found.append(y)
    return found[0] if found else 'nothing found'
`;

/** Swaps the harness's results list for one that turns every io report into 'pass'. */
export const FORGE_RESULTS =
  "import sys\nclass L(list):\n    def append(self, r):\n        list.append(self, ('pass', '', 0.0) if r[0] == 'judge' else r)\n" +
  "def f(x):\n    fr = sys._getframe()\n    while fr is not None and fr.f_code.co_name != '_run_tests': fr = fr.f_back\n" +
  "    if fr is not None and type(fr.f_locals['results']) is not L:\n        fr.f_locals['results'] = L(('pass', '', 0.0) for _ in fr.f_locals['results'])\n    return 'wrong'\n";

/** Returns an object that equals everything (EvalPlus mode: not plain data). */
export const ALWAYS_EQUAL = 'class A:\n    def __eq__(self, o): return True\n    def __hash__(self): return 0\ndef f(x):\n    return A()\n';
