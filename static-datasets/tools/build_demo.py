#!/usr/bin/env python3
"""Build (or --check) static-datasets/demo/Demo-R.jsonl from demo_source.py by executing every candidate.

Scores follow the paper's MBPP harness: for each test, a fresh namespace runs the candidate program, then
test_setup_code, then the assert; a test passes when nothing raises. score = round(passed / total, 2).
Ranks are by descending score; the reference must pass every test and all scores of a problem must differ.
Standard library only, so it runs with a plain `python3`.

Usage:
  python3 static-datasets/tools/build_demo.py          # rebuild the file and print a summary
  python3 static-datasets/tools/build_demo.py --check  # recompute, compare with the committed file, exit 1 on any difference
"""

import argparse
import contextlib
import io
import json
import signal
import sys
import textwrap
import time
from pathlib import Path

TOOLS_DIR = Path(__file__).resolve().parent
OUTPUT = TOOLS_DIR.parent / "demo" / "Demo-R.jsonl"
TEST_TIMEOUT_S = 5  # generous: our own code runs in microseconds; this only guards against a hang
MIN_TESTS = 10
MIN_CANDIDATES, MAX_CANDIDATES = 3, 5  # reference included


class BuildError(Exception):
    """The source violates an invariant of the dataset; the message says which problem and why."""


class TestTimeout(Exception):
    pass


def _on_alarm(signum, frame):
    raise TestTimeout()


def normalize_code(block: str) -> str:
    """Dedent an indented block from demo_source.py into a program ending with one newline."""
    return textwrap.dedent(block).strip("\n") + "\n"


def split_tests(block: str) -> list:
    return [line.strip() for line in textwrap.dedent(block).splitlines() if line.strip()]


def run_test(program: str, setup: str, test: str) -> str:
    """Run one test the way the paper's harness does; returns 'pass', 'fail' (AssertionError) or 'error'."""
    namespace = {"__name__": "__main__"}
    signal.alarm(TEST_TIMEOUT_S)
    try:
        with contextlib.redirect_stdout(io.StringIO()):
            exec(program, namespace)
            exec(setup, namespace)
            exec(test, namespace)
        return "pass"
    except AssertionError:
        return "fail"
    except BaseException as exc:  # noqa: BLE001 - a candidate may raise anything, a timeout included
        if isinstance(exc, KeyboardInterrupt):
            raise
        return "error"
    finally:
        signal.alarm(0)


def score_candidate(program: str, setup: str, tests: list) -> dict:
    outcomes = []
    started = time.perf_counter()
    for test in tests:
        outcomes.append(run_test(program, setup, test))
    elapsed = time.perf_counter() - started
    passed = outcomes.count("pass")
    return {
        "score": round(passed / len(tests), 2),
        "passed": passed,
        "outcomes": outcomes,
        "time": round(elapsed / len(tests), 6),
    }


def load_source() -> list:
    sys.dont_write_bytecode = True  # keep __pycache__ out of the source tree
    sys.path.insert(0, str(TOOLS_DIR))
    import demo_source  # noqa: E402 - the source module lives next to this script

    return demo_source.PROBLEMS


def build_problem(index: int, spec: dict) -> tuple:
    """Return (JSON line object, per-candidate results) for one problem, or raise BuildError."""
    task_id = spec["task_id"]
    if task_id != f"Demo/{index}":
        raise BuildError(f"problem #{index}: task_id is {task_id!r}, expected 'Demo/{index}'")
    text = " ".join(spec["text"].split())
    reference = normalize_code(spec["code"])
    setup = spec.get("setup", "")
    tests = split_tests(spec["tests"])
    if len(tests) < MIN_TESTS:
        raise BuildError(f"{task_id}: {len(tests)} tests, need at least {MIN_TESTS}")
    for test in tests:
        if not test.startswith("assert "):
            raise BuildError(f"{task_id}: test is not a one-line assert: {test!r}")
        compile(test, f"<{task_id} test>", "exec")
    programs = [reference] + [normalize_code(w["code"]) for w in spec["wrong"]]
    if not MIN_CANDIDATES <= len(programs) <= MAX_CANDIDATES:
        raise BuildError(f"{task_id}: {len(programs)} solutions, need {MIN_CANDIDATES}..{MAX_CANDIDATES}")
    if len(set(programs)) != len(programs):
        raise BuildError(f"{task_id}: two candidates have the same code")
    for text_field in [text, reference, setup, *tests, *programs]:
        if not text_field.isascii():
            raise BuildError(f"{task_id}: non-ASCII text in {text_field[:40]!r}")

    results = [score_candidate(program, setup, tests) for program in programs]
    ref = results[0]
    if ref["passed"] != len(tests):
        failing = [t for t, o in zip(tests, ref["outcomes"]) if o != "pass"]
        raise BuildError(f"{task_id}: the reference fails {failing}")
    for i, res in enumerate(results[1:], start=1):
        if res["passed"] == len(tests):
            raise BuildError(f"{task_id}: wrong candidate {i} ({spec['wrong'][i - 1]['mistake']}) passes every test")
        if all(o == "error" for o in res["outcomes"]):
            # The paper drops such candidates (every test errors with something other than a failed assert).
            raise BuildError(f"{task_id}: wrong candidate {i} errors on every test")
    scores = [r["score"] for r in results]
    if len(set(scores)) != len(scores):
        raise BuildError(f"{task_id}: scores are not distinct: {scores}")

    record = {
        "task_id": task_id,
        "text": text,
        "code": reference,
        "test_list": tests,
        "test_setup_code": setup,
        "challenge_test_list": [],
    }
    order = sorted(range(len(programs)), key=lambda i: -scores[i])
    all_solutions = []
    for rank, i in enumerate(order, start=1):
        all_solutions.append(
            {
                "rank": rank,
                "average_test_score": scores[i],
                "average_time_taken": results[i]["time"],
                "solution": {**record, "code": programs[i]},
            }
        )
    return {**record, "all_solutions": all_solutions}, results


def build_all() -> list:
    problems = load_source()
    lines = []
    for index, spec in enumerate(problems):
        line, _ = build_problem(index, spec)
        lines.append(line)
    return lines


def summary(lines: list) -> str:
    solutions = [s for line in lines for s in line["all_solutions"]]
    tests = sum(len(line["test_list"]) for line in lines)
    scores = [s["average_test_score"] for s in solutions]
    wrong = [s for s in scores if s < 1.0]
    return "\n".join(
        [
            f"problems: {len(lines)}",
            f"solutions: {len(solutions)} ({len(lines)} references + {len(wrong)} somewhat incorrect candidates)",
            f"ground-truth tests: {tests} (mean {tests / len(lines):.1f} per problem)",
            f"mean score over all solutions: {sum(scores) / len(scores):.2f}",
            f"mean score of incorrect candidates: {sum(wrong) / len(wrong):.2f} (min {min(wrong):.2f}, max {max(wrong):.2f})",
        ]
    )


def strip_times(line: dict) -> dict:
    copy = json.loads(json.dumps(line))
    for solution in copy.get("all_solutions", []):
        solution.pop("average_time_taken", None)
    return copy


def diff_values(path: str, committed, computed, out: list) -> None:
    if isinstance(committed, dict) and isinstance(computed, dict):
        if list(committed) != list(computed):
            out.append(f"{path}: keys {list(committed)} != expected {list(computed)}")
        for key in computed:
            if key in committed:
                diff_values(f"{path}.{key}", committed[key], computed[key], out)
    elif isinstance(committed, list) and isinstance(computed, list) and len(committed) == len(computed):
        for i, (a, b) in enumerate(zip(committed, computed)):
            diff_values(f"{path}[{i}]", a, b, out)
    elif committed != computed or type(committed) is not type(computed):
        out.append(f"{path}: committed {json.dumps(committed)[:120]} != computed {json.dumps(computed)[:120]}")


def check(lines: list) -> int:
    if not OUTPUT.exists():
        print(f"check failed: {OUTPUT} does not exist", file=sys.stderr)
        return 1
    committed = [json.loads(text) for text in OUTPUT.read_text(encoding="utf-8").splitlines() if text.strip()]
    problems = []
    if len(committed) != len(lines):
        problems.append(f"line count: committed {len(committed)} != computed {len(lines)}")
    for n, (old, new) in enumerate(zip(committed, lines), start=1):
        diff_values(f"line {n} ({new['task_id']})", strip_times(old), strip_times(new), problems)
    if problems:
        print(f"check failed: {OUTPUT.name} disagrees with execution ({len(problems)} differences):", file=sys.stderr)
        for p in problems:
            print(f"  {p}", file=sys.stderr)
        print("rebuild with: python3 static-datasets/tools/build_demo.py", file=sys.stderr)
        return 1
    print(f"check passed: {OUTPUT.name} matches execution (average_time_taken ignored)")
    return 0


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--check", action="store_true", help="compare with the committed file instead of writing it")
    args = parser.parse_args()
    signal.signal(signal.SIGALRM, _on_alarm)
    try:
        lines = build_all()
    except BuildError as exc:
        print(f"build failed: {exc}", file=sys.stderr)
        return 2
    if args.check:
        status = check(lines)
    else:
        OUTPUT.parent.mkdir(parents=True, exist_ok=True)
        with OUTPUT.open("w", encoding="utf-8", newline="\n") as f:
            for line in lines:
                f.write(json.dumps(line) + "\n")
        print(f"wrote {OUTPUT.relative_to(TOOLS_DIR.parent.parent)}")
        status = 0
    print(summary(lines))
    return status


if __name__ == "__main__":
    sys.exit(main())
