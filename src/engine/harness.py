# The runner and the entry points the runtime calls: score() runs one candidate against a batch of tests,
# expect() computes canonical outputs of io tests, prepare() readies a problem's tests for the image,
# program_keys() tells programs apart by syntax tree, seal() is the last step before the first image. One call
# per candidate; tests loop here, never one JS round trip per test. Progress goes to a shared Float64Array
# (see progress.ts). Last of the harness modules: imports harness_state.py, harness_compare.py,
# harness_define.py, harness_integrity.py and harness_common.py.
import base64
import builtins
import copy
import io
import pickle
import re
import sys
import time
import warnings

from harness_common import MESSAGE_CAP, cache_get, compile_code, describe, finish, io_inputs, loads, paper_codes, short
from harness_compare import comparable_value, evalplus_expected_value
from harness_define import define_once, program_key
from harness_integrity import tripwire
from harness_state import (CANONICAL_STDOUT_CAP, STDERR_CAP, STDOUT_CAP, Guard, TestReset, seal_interpreter,
                           usable_streams)

_perf = time.perf_counter
_SURROGATE = re.compile('[\ud800-\udfff]')
_deepcopy = copy.deepcopy
_pickle_dumps = pickle.dumps

# Progress slots (keep in sync with src/engine/progress.ts). No result is written there: the candidate can
# reach the buffer, so the pool takes results only from the reply of a call that finished.
P_DEADLINE, P_CURRENT = 0, 1
# Printed text / pickled values one call hands the judge at most (characters): past it the call returns and
# the runtime calls again from the next test, so a reply never grows past what JSON and JS strings hold.
JUDGE_CHUNK = 1 << 24


class Clock:
    """Epoch milliseconds on the pool's Date.now() clock (time.time() is Date.now() in Pyodide), read cheaply."""

    def __init__(self):
        # Anchored here, not in JS: converting a large request to Python can take seconds.
        self.t0 = time.time() * 1000.0
        self.p0 = _perf()

    def at(self, perf):
        """The epoch time of a _perf() reading (each clock read crosses into JS: callers reuse theirs)."""
        return self.t0 + (perf - self.p0) * 1000.0


def run_one(body, limit_ms, prog, clock, out_cap, streams, now, attempts=3):
    """Run one test with captured streams under an interrupt deadline: (status, message, ms).

    streams: the batch's (stdout, stderr) writers, emptied here; now: a _perf() reading taken just before.
    """
    out, err = streams
    for attempt in range(attempts):
        t = now if attempt == 0 else _perf()
        status, message = 'interrupt', ''
        try:
            # Bodies that compare printed text make stdout strict themselves (see CappedWriter.strict_cap).
            out.reset(out_cap)
            err.reset(STDERR_CAP)
            sys.stdout, sys.stderr, sys.stdin = out, err, io.StringIO('')
            if prog is not None:
                prog[P_DEADLINE] = clock.at(t) + limit_ms
            try:
                try:
                    status, message = body(out, err)
                except KeyboardInterrupt:
                    raise
                except AssertionError as e:
                    status, message = 'fail', describe(e)
                except BaseException as e:
                    status, message = 'error', describe(e)
            except KeyboardInterrupt:
                status = 'interrupt'
        except KeyboardInterrupt:
            status = 'interrupt'
        ms = (_perf() - t) * 1000.0
        _test_reset.reset_test()
        if status == 'interrupt':
            # An interrupt well before this test's deadline was meant for the previous test: run it again.
            if ms < limit_ms * 0.5:
                if attempt + 1 < attempts:
                    continue
                return 'error', 'KeyboardInterrupt', ms
            return 'timeout', 'exceeded %.0f ms' % limit_ms, ms
        if ms > limit_ms:
            return 'timeout', 'exceeded %.0f ms (finished after %.0f ms)' % (limit_ms, ms), ms
        return status, message, ms
    return 'error', 'KeyboardInterrupt', 0.0


def run_batch(n, limits, budget_ms, prog, clock, make_body, out_cap=STDOUT_CAP, start=0):
    """Run tests start..n-1, or fewer once what they hand the judge passes JUDGE_CHUNK characters; returns
    ([(status, message, ms)], budget_exhausted, the index of the first test not run or None)."""
    batch = {'results': [], 'exhausted': False, 'budget_end': _perf() + budget_ms / 1000.0, 'start': start,
             'kept': 0, 'next': None}
    for _ in range(n + 8):
        try:
            return _run_tests(batch, n, limits, prog, clock, make_body, out_cap)
        except KeyboardInterrupt:
            # An interrupt meant for a test that had just finished landed in the bookkeeping around it (the
            # watchdog fires once per deadline): go on from the first test without a result, which may run again.
            continue
    return _run_tests(batch, n, limits, prog, clock, make_body, out_cap)


def _run_tests(batch, n, limits, prog, clock, make_body, out_cap):
    results = batch['results']
    for i in range(batch['start'] + len(results), n):
        if batch['kept'] >= JUDGE_CHUNK:
            batch['next'] = i
            break
        streams = batch['streams'] = usable_streams(batch.get('streams'), out_cap)
        limit = limits[i] if isinstance(limits, list) else limits
        now = _perf()
        remaining = (batch['budget_end'] - now) * 1000.0
        if remaining <= 0:
            batch['exhausted'] = True
            r = ('timeout', 'candidate time budget exhausted', 0.0)
        else:
            if prog is not None:
                prog[P_CURRENT] = i + 1
            capped = remaining < limit
            limit = min(limit, remaining)  # the limit this test actually ran under
            r = run_one(make_body(i), limit, prog, clock, out_cap, streams, now)
            if capped and r[0] == 'timeout':
                batch['exhausted'] = True
                r = ('timeout', 'candidate time budget exhausted', r[2])
        if prog is not None and r[2] > limit * 0.5:
            # Each shared-memory write crosses into JS (about a microsecond): the deadline is cleared only
            # when the next test may start after it, so no stray interrupt lands on the next test.
            prog[P_DEADLINE] = 0
        if r[0] == 'judge':
            batch['kept'] += len(r[1].get('text') or r[1].get('value') or '')
        results.append(r)  # last: an interrupt before this line only repeats test i
    if prog is not None:
        prog[P_DEADLINE] = 0
    return results, batch['exhausted'], batch['next']


def _compile_quiet(source, name):
    with warnings.catch_warnings():
        warnings.simplefilter('ignore')
        return compile_code(source, name)


_tests_cache = {}


def _compiled_tests(setup, sources):
    """Compiled setup and tests, reused across candidates (code objects are immutable)."""
    def make():
        with warnings.catch_warnings():
            warnings.simplefilter('ignore')
            return compile_code(setup, '<setup>'), [compile_code(a, '<test %d>' % i) for i, a in enumerate(sources)]
    return cache_get(_tests_cache, (setup, tuple(sources)), make)


def _fresh_globals():
    # The authors exec'd each test in {"__builtins__": __builtins__}: no __name__, so `if __name__ == ...` is False.
    return {'__builtins__': builtins}


def _raiser(exc):
    def body(out, err):
        raise exc
    return body


# --- bodies --------------------------------------------------------------------------------------------------
def _assert_bodies(cand, tests, paper):
    (setup, setup_err), compiled = _compiled_tests(tests.get('setup') or '', tests['asserts'])
    uncompilable = [i for i, (code, _) in enumerate(compiled) if code is None]

    def make(i):
        test, test_err = compiled[i]
        if test_err is not None:
            return lambda out, err: ('error', 'test does not compile: ' + describe(test_err))
        if setup_err is not None:
            return _raiser(setup_err)

        def body(out, err):
            g = _fresh_globals()
            exec(cand, g)
            exec(setup, g)
            exec(test, g)
            if paper and err.total:
                # The authors counted a test as passed only when it wrote nothing to stderr.
                return 'fail', 'wrote to stderr: ' + err.getvalue()[:MESSAGE_CAP - 17]
            return 'pass', ''
        return body
    return len(compiled), make, uncompilable


def _check_bodies(cand, tests):
    ep = tests['entryPoint']
    (test, test_err), [(call, call_err)] = _compiled_tests(tests['test'], ['check(' + ep + ')'])
    if not ep.isidentifier():
        call, call_err = None, NameError('entry point %r is not an identifier' % ep)

    def make(i):
        if test_err is not None or call_err is not None:
            return _raiser(test_err or call_err)

        def body(out, err):
            g = _fresh_globals()
            exec(cand, g)
            exec(test, g)
            exec(call, g)
            return 'pass', ''
        return body
    return 1, make, []


def _candidate_globals(cand, defined):
    """The candidate's namespace for one test: defined once when that is safe (harness_define.py), else fresh."""
    if defined is not None:
        return lambda out, err: defined.globals_for_test(out, err)

    def fresh(out, err):
        g = _fresh_globals()
        exec(cand, g)
        return g
    return fresh


def _no_expected_output(errors, i):
    return lambda out, err: ('error', 'no expected output: ' + str(errors[i]))


# io tests end in 'judge': what the candidate printed or returned goes back to the runtime, and a clean
# interpreter that holds the expected outputs (and never ran the candidate) decides (harness_judge.py).
def _io_paper_bodies(cand, cand_err, tests, defined):
    task_id, ep = tests['taskId'], tests['entryPoint']
    args_list = io_inputs(tests['inputs'], task_id)
    codes = paper_codes(tests['inputs'], task_id, ep, args_list)
    missing, errors, cap = frozenset(tests['missing']), tests['expected']['errors'], tests['outputCap']
    namespace = _candidate_globals(cand, defined)

    def make(i):
        code, code_err = codes[i]
        if i in missing:  # the canonical gave no output here: nothing to compare, nothing to run
            return _no_expected_output(errors, i)

        def body(out, err):
            # Past the cap the text cannot match (short of megabytes of whitespace, which the comparison
            # strips): the test stops there.
            out.strict_cap(cap)
            failure = None
            try:
                if cand_err is not None:
                    raise cand_err
                g = namespace(out, err)
                if code_err is not None:
                    raise code_err
                exec(code, g)
            except KeyboardInterrupt:
                raise
            except BaseException as e:
                failure = e
            # The authors compared printed text even when the program raised: the judge decides.
            if out.overflow:
                return 'judge', {'overflow': out.cap}
            text = out.getvalue()
            if not text.isascii() and _SURROGATE.search(text):
                # The paper's real stdout could not encode these; as JSON they would pair into another character.
                return 'error', 'UnicodeEncodeError: printed unpaired surrogate code points'
            seen = {'text': text}
            if failure is not None:
                seen['failure'] = ['fail' if isinstance(failure, AssertionError) else 'error', describe(failure)]
            return 'judge', seen
        return body
    return len(args_list), make, []


def _io_evalplus_bodies(cand, cand_err, tests, defined):
    task_id, ep = tests['taskId'], tests['entryPoint']
    args_list = io_inputs(tests['inputs'], task_id)
    missing, errors, cap = frozenset(tests['missing']), tests['expected']['errors'], tests['outputCap']
    namespace = _candidate_globals(cand, defined)

    def make(i):
        args = args_list[i]
        if i in missing:  # the canonical gave no value here: nothing to compare, nothing to run
            return _no_expected_output(errors, i)
        if cand_err is not None:
            return _raiser(cand_err)

        def body(out, err):
            g = namespace(out, err)
            if ep not in g:
                raise NameError('name %r is not defined' % ep)
            got = g[ep](*_deepcopy(args))
            try:
                data = _pickle_dumps(comparable_value(got, task_id, ep), 5)
            except KeyboardInterrupt:
                raise
            except BaseException as e:
                return 'fail', 'returned ' + short(got) + ', which is not plain data to compare (' + describe(e, 120) + ')'
            if len(data) * 4 // 3 > cap:
                return 'fail', 'returned %d bytes of pickled data, more than can be compared' % len(data)
            return 'judge', {'value': base64.b64encode(data).decode('ascii')}
        return body
    return len(args_list), make, []


# --- entry points ---------------------------------------------------------------------------------------------
def _bodies(cand, cand_err, tests, paper, defined):
    kind = tests['kind']
    if kind == 'assert':
        return _assert_bodies(cand, tests, paper)
    if kind == 'check':
        return _check_bodies(cand, tests)
    if paper:
        return _io_paper_bodies(cand, cand_err, tests, defined)
    return _io_evalplus_bodies(cand, cand_err, tests, defined)


def prepare(request_json):
    """Parse and compile a problem's tests (and io inputs) without any candidate, so the runtime's image of
    this interpreter holds them and its candidates start with them ready. No expected output comes here."""
    req = loads(request_json)
    _bodies(None, None, req['tests'], req['compare'] == 'paper', None)
    return finish({})


def program_keys(request_json, prog=None):
    """Each program's key (harness_define.program_key), in order: the pool runs one program of each key."""
    return finish({'keys': [program_key(code) for code in loads(request_json)['codes']]})


def seal(modules):
    """The last step before the runtime takes the interpreter's first image: `modules` are the harness's own
    (preload.py's install_harness), which the tripwire records as they are now."""
    seal_interpreter(_guard)
    tripwire.arm(modules.values())


def _lost_before(out, err):
    return 'crash', 'lost its worker in an earlier attempt'


def score(request_json, prog=None):
    """Run a candidate's tests from `start`, except those in `skip` (they lost a worker before: jobs.ts keeps
    their result), and return each test's (status, message, ms); io tests end in ('judge', what it did, ms)."""
    clock = Clock()
    req = loads(request_json)
    tests, paper = req['tests'], req['compare'] == 'paper'
    skip = frozenset(req.get('skip') or ())
    cand, cand_err = _compile_quiet(req['code'], '<candidate>')
    kind = tests['kind']
    # io tests call the entry point and assign nothing the program reads: its definition can be shared.
    defined = define_once(cand, req['code']) if kind == 'io' and cand_err is None else None

    def work():
        n, make, uncompilable = _bodies(cand, cand_err, tests, paper, defined)
        if kind != 'io' and cand_err is not None:
            make = lambda i, e=cand_err: _raiser(e)
        if skip:
            make = lambda i, make=make: _lost_before if i in skip else make(i)
        start = req.get('start') or 0
        results, exhausted, following = run_batch(n, req['limitMs'], req['budgetMs'], prog, clock, make, start=start)
        return n, start, results, exhausted, following, uncompilable

    n, start, results, exhausted, following, uncompilable = work()
    return finish({
        'total': n, 'start': start, 'next': following, 'tests': results, 'uncompilable': uncompilable,
        'compileError': None if cand_err is None else describe(cand_err), 'budgetExhausted': exhausted,
    })


def expect(request_json, prog=None):
    """Canonical outputs per input: printed text (paper) or a base64 pickle of the value (evalplus)."""
    clock = Clock()
    req = loads(request_json)
    task_id, ep, paper = req['taskId'], req['entryPoint'], req['compare'] == 'paper'
    skip = set(req.get('skip') or ())
    cand, cand_err = _compile_quiet(req['canonical'], '<canonical>')
    args_list = io_inputs(req['inputs'], task_id)
    codes = paper_codes(req['inputs'], task_id, ep, args_list) if paper else None
    n = len(args_list)
    outputs, errors = [None] * n, [None] * n

    def make(i):
        if i in skip:
            return lambda out, err: ('crash', 'canonical solution lost its worker on this input')

        def body(out, err):
            if paper:
                out.strict_cap(CANONICAL_STDOUT_CAP)  # an output this long is not kept as ground truth: stop early
            try:
                if cand_err is not None:
                    raise cand_err
                g = _fresh_globals()
                exec(cand, g)
                if paper:
                    code, code_err = codes[i]
                    if code_err is not None:
                        raise code_err
                    exec(code, g)
                else:
                    value = evalplus_expected_value(ep, task_id, g[ep](*_deepcopy(args_list[i])))
                    outputs[i] = base64.b64encode(pickle.dumps(value)).decode('ascii')
            except KeyboardInterrupt:
                raise
            except BaseException as e:
                errors[i] = describe(e)
            if paper:
                outputs[i] = None if out.overflow else out.getvalue()
                if out.overflow:
                    errors[i] = 'printed more than %d characters' % out.cap
            return ('pass', '') if errors[i] is None else ('error', errors[i])
        return body

    def work():
        return run_batch(n, req['limitMs'], req['budgetMs'], prog, clock, make)[:2]

    results, exhausted = work()
    ms = []
    for i, (status, message, took) in enumerate(results):
        ms.append(took)
        if status in ('timeout', 'crash'):
            outputs[i], errors[i] = None, message
    return finish({'outputs': outputs, 'errors': errors, 'ms': ms, 'budgetExhausted': exhausted})


sys.addaudithook(_guard := Guard())
_test_reset = TestReset()
