"""Native CPython baseline for `npm run bench`: the benchmark workload scored in the style of the paper's harness.

Every test runs in-process with fresh globals: the candidate program is exec'd, then the test. For
input/output tests the entry point is called on a deep copy of the input and what it printed is compared with
what the canonical solution printed, as the engine's `paper` mode does (each side parsed as int when all
digits, else float, else text; atol on floats). For assert tests the candidate, the setup and the assertion run
in one program, and a test that wrote to stderr fails. Per-test limits are the paper's rule, max(0.1 s,
4 x the canonical time on that test), with the canonical times measured here; a SIGALRM timer enforces them.

Two ways of running the candidate are measured, both with fresh globals per test:
  exec      the candidate's source text is exec'd for every test (compiled each time), as the paper's harness
            exec'd program strings
  compiled  the candidate is compiled once per candidate and its code object exec'd for every test (what the
            engine does in Pyodide), so the comparison with the engine is like for like

Usage: python3 bench/native_baseline.py WORKLOAD.json [--reps R] [--workers N] [--modes exec,compiled]
Prints one JSON object: per mode, the scoring time of each repetition and the tests passed per candidate.
With --calibrate it only lists the candidates that exceed a per-test limit (each stopped at its first).
"""
import argparse
import builtins
import copy
import io
import json
import multiprocessing
import os
import platform
import signal
import sys
import tempfile
import time

perf = time.perf_counter
deepcopy = copy.deepcopy


class Timeout(BaseException):
    pass


def _alarm(signum, frame):
    raise Timeout()


def fresh_globals():
    # The paper's harness exec'd in {"__builtins__": __builtins__}: no __name__ of its own.
    return {'__builtins__': builtins}


def paper_value(text):
    text = text.strip()
    if text.isdigit():
        try:
            return int(text)
        except ValueError:
            pass
    try:
        return float(text)
    except ValueError:
        return text


def paper_equal(got, expected, atol):
    a, b = paper_value(got), paper_value(expected)
    try:
        if atol == 0:
            return bool(a == b)
        return abs(float(a) - float(b)) <= atol
    except Exception:
        return False


# --- one test ------------------------------------------------------------------------------------------------
RECURSION_LIMIT = sys.getrecursionlimit()
REAL_STDOUT, REAL_STDERR, REAL_STDIN = sys.stdout, sys.stderr, sys.stdin


def run_limited(body, limit_s):
    """Run body() under a per-test limit; returns (status, printed, wrote_stderr, seconds)."""
    out, err = io.StringIO(), io.StringIO()
    status = 'pass'
    t = perf()
    try:
        sys.stdout, sys.stderr, sys.stdin = out, err, io.StringIO('')
        # Re-fires every 5 ms, so code that swallows one Timeout still gets stopped.
        signal.setitimer(signal.ITIMER_REAL, limit_s, 0.005)
        try:
            body()
        except AssertionError:
            status = 'fail'
        except Timeout:
            status = 'timeout'
        except BaseException:
            status = 'error'
        finally:
            signal.setitimer(signal.ITIMER_REAL, 0)
    except Timeout:
        status = 'timeout'
    finally:
        sys.stdout, sys.stderr, sys.stdin = REAL_STDOUT, REAL_STDERR, REAL_STDIN
        sys.setrecursionlimit(RECURSION_LIMIT)
    took = perf() - t
    if status != 'timeout' and took > limit_s:
        status = 'timeout'
    return status, out.getvalue(), err.tell() > 0, took


def io_body(program, entry_point, args, compiled):
    def body():
        g = fresh_globals()
        exec(program if compiled else compile(program, '<candidate>', 'exec'), g)
        print(g[entry_point](*deepcopy(args)))
    return body


def assert_body(program, test, compiled):
    def body():
        g = fresh_globals()
        exec(program if compiled else compile(program, '<candidate>', 'exec'), g)
        exec(test, g)
    return body


# --- problems --------------------------------------------------------------------------------------------------
def load_problem(p):
    plan = p['plan']
    prob = {'task_id': p['taskId'], 'kind': plan['kind'], 'canonical': p['canonical'], 'candidates': p['candidates']}
    if plan['kind'] == 'io':
        data = json.loads(plan['source'])
        inputs = []
        for s in plan['sets']:
            inputs.extend(data.get(s + '_input') or [])
        prob.update(entry_point=plan['entryPoint'], atol=float(plan.get('atol') or 0), inputs=inputs)
    elif plan['kind'] == 'assert':
        setup = plan.get('setup') or ''
        prob['tests'] = [compile(setup + '\n' + a, '<test>', 'exec') for a in plan['asserts']]
    else:
        raise SystemExit('native_baseline: unsupported test kind ' + plan['kind'])
    return prob


CANONICAL_LIMIT_S = 30.0


def prepare(prob):
    """Canonical outputs (io) and per-test limits from the canonical times."""
    code = compile(prob['canonical'], '<canonical>', 'exec')
    times, expected = [], []
    if prob['kind'] == 'io':
        for args in prob['inputs']:
            status, printed, _, took = run_limited(io_body(code, prob['entry_point'], args, True), CANONICAL_LIMIT_S)
            expected.append(printed if status == 'pass' else None)
            times.append(took if status != 'timeout' else 0.0)
    else:
        for test in prob['tests']:
            status, _, _, took = run_limited(assert_body(code, test, True), CANONICAL_LIMIT_S)
            times.append(took if status != 'timeout' else 0.0)
    prob['expected'] = expected
    prob['limits'] = [max(0.1, 4 * t) for t in times]


def score_candidate(prob, source, compiled, stop_at_timeout=False):
    """(tests passed, tests timed out) of one candidate; with stop_at_timeout, (passed so far, 1) at the first."""
    try:
        program = compile(source, '<candidate>', 'exec') if compiled else source
    except BaseException:
        # Exec'ing the source raises the same error in every test: so does this program.
        program, compiled = source, False
    passed = timeouts = 0
    if prob['kind'] == 'io':
        ep, atol = prob['entry_point'], prob['atol']
        for i, args in enumerate(prob['inputs']):
            status, printed, _, _ = run_limited(io_body(program, ep, args, compiled), prob['limits'][i])
            exp = prob['expected'][i]
            if status == 'timeout':
                timeouts += 1
                if stop_at_timeout:
                    break
            # As the authors did: printed text is compared even when the call raised.
            elif exp is not None and paper_equal(printed, exp, atol):
                passed += 1
    else:
        for i, test in enumerate(prob['tests']):
            status, _, wrote_stderr, _ = run_limited(assert_body(program, test, compiled), prob['limits'][i])
            if status == 'timeout':
                timeouts += 1
                if stop_at_timeout:
                    break
            elif status == 'pass' and not wrote_stderr:
                passed += 1
    return passed, timeouts


PROBLEMS = []  # inherited by forked workers


def score_job(job):
    pi, ci, compiled, stop = job
    return pi, ci, score_candidate(PROBLEMS[pi], PROBLEMS[pi]['candidates'][ci], compiled, stop)


def score_all(compiled, workers, stop_at_timeout=False):
    """(seconds, passed per problem and candidate, timeouts per problem and candidate)."""
    jobs = [(pi, ci, compiled, stop_at_timeout) for pi, p in enumerate(PROBLEMS) for ci in range(len(p['candidates']))]
    passed = [[0] * len(p['candidates']) for p in PROBLEMS]
    timeouts = [[0] * len(p['candidates']) for p in PROBLEMS]
    t = perf()
    if workers == 1:
        results = map(score_job, jobs)
    else:
        pool = multiprocessing.get_context('fork').Pool(workers)
        results = pool.imap_unordered(score_job, jobs, chunksize=4)
    for pi, ci, (n, slow) in results:
        passed[pi][ci], timeouts[pi][ci] = n, slow
    took = perf() - t
    if workers > 1:
        pool.close()
        pool.join()
    return took, passed, timeouts


def main():
    ap = argparse.ArgumentParser()
    ap.add_argument('workload')
    ap.add_argument('--reps', type=int, default=3)
    ap.add_argument('--workers', type=int, default=1)
    ap.add_argument('--modes', default='exec,compiled')
    ap.add_argument('--calibrate', action='store_true', help='only list the candidates that exceed a limit')
    args = ap.parse_args()
    sys.set_int_max_str_digits(5_000_000)  # as the authors' harness (and the engine) allow
    with open(args.workload) as f:
        workload = json.load(f)
    signal.signal(signal.SIGALRM, _alarm)
    os.chdir(tempfile.mkdtemp(prefix='verifier-lab-native-'))  # files a candidate writes land here

    t = perf()
    for p in workload['problems']:
        prob = load_problem(p)
        prepare(prob)
        PROBLEMS.append(prob)
    prep_s = perf() - t
    tests = sum(len(p['candidates']) * len(p['limits']) for p in PROBLEMS)

    if args.calibrate:
        # Which candidates run out of time on some test (each stops at its first timeout).
        took, _, timeouts = score_all(True, args.workers, stop_at_timeout=True)
        slow = [[pi, ci] for pi, row in enumerate(timeouts) for ci, n in enumerate(row) if n]
        print(json.dumps({'python': platform.python_version(), 'seconds': took, 'timedOut': slow}))
        return

    modes = {}
    for mode in args.modes.split(','):
        times = []
        for _ in range(args.reps):
            took, passed, timeouts = score_all(mode == 'compiled', args.workers)
            times.append(took)
            print('native %s: %d tests in %.2f s' % (mode, tests, took), file=REAL_STDERR, flush=True)
        modes[mode] = {'seconds': times, 'passed': passed, 'timeouts': sum(map(sum, timeouts))}
    print(json.dumps({
        'python': platform.python_version(),
        'workers': args.workers,
        'tests': tests,
        'prepareSeconds': prep_s,
        'modes': modes,
    }))


if __name__ == '__main__':
    main()
