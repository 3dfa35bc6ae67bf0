"""Where native CPython spends its time on a bench workload, per problem (compiled-once mode, one process).

Usage: npx tsx bench/write-workload.ts /tmp/workload.json && python3 bench/native_per_problem.py /tmp/workload.json
Candidates that exceed a per-test limit are stopped at their first timeout and left out, as the
bench does. Prints one line per problem: task id, candidates kept, tests, seconds, share of the total.
"""
import json
import os
import signal
import sys
import tempfile
import time

sys.path.insert(0, os.path.dirname(os.path.abspath(__file__)))
import native_baseline as nb  # noqa: E402


def main():
    with open(sys.argv[1]) as f:
        workload = json.load(f)
    sys.set_int_max_str_digits(5_000_000)
    signal.signal(signal.SIGALRM, nb._alarm)
    os.chdir(tempfile.mkdtemp(prefix='verifier-lab-native-'))
    rows = []
    for p in workload['problems']:
        prob = nb.load_problem(p)
        nb.prepare(prob)
        kept, seconds = 0, 0.0
        for source in prob['candidates']:
            t = time.perf_counter()
            _, timeouts = nb.score_candidate(prob, source, True, stop_at_timeout=True)
            if not timeouts:
                kept += 1
                seconds += time.perf_counter() - t
        rows.append((p['taskId'], kept, kept * len(prob['limits']), seconds))
        print('%s: %d candidates, %.1f s' % (rows[-1][0], kept, seconds), file=sys.stderr, flush=True)
    total = sum(r[3] for r in rows) or 1.0
    for task, kept, tests, seconds in sorted(rows, key=lambda r: -r[3]):
        print('%-14s %4d candidates %8d tests %8.1f s %5.1f%%' % (task, kept, tests, seconds, 100 * seconds / total))


if __name__ == '__main__':
    main()
