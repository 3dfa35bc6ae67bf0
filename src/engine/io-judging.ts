// Input/output tests are decided outside the interpreter that ran the candidate: what the candidate sees of a
// problem (its inputs, which inputs have no expected output, how much it may print) carries no expected
// output; what it printed or returned comes back as data, and either equals the expected text here or goes to
// the judge (harness_judge.py), a clean interpreter that holds the expected outputs. Pure functions.
import type { ScoreRequest, TestSpec } from '../core/run/types';
import type { RunTest, Seen } from './harness-reply';

type IoTests = Extract<TestSpec, { kind: 'io' }>;

/** What a candidate's interpreter may print / hand over per test at least (harness_state.py's STDOUT_CAP). */
const OUTPUT_CAP_FLOOR = 1 << 20;

/** A key naming a problem's prepared tests, cheap to build per call (io: by the keys of inputs and outputs). */
export function problemKey(request: ScoreRequest): string {
  const t = request.tests;
  if (t.kind !== 'io') return JSON.stringify({ tests: t, compare: request.compare });
  return JSON.stringify([request.compare, t.taskId, t.entryPoint, t.atol, t.inputs.key, t.inputs.sets, t.expected.key]);
}

/** The io tests as the candidate's interpreter gets them: no outputs; the input text only when `withSource`
 *  (to prepare the image; afterwards the image holds the parsed inputs under their key). */
export function candidateTests(tests: IoTests, outputs: readonly (string | null)[], withSource: boolean) {
  const missing: number[] = [];
  outputs.forEach((o, i) => o === null && missing.push(i));
  return {
    ...tests,
    inputs: withSource ? tests.inputs : { ...tests.inputs, source: '' },
    // Why the canonical failed tells where its output is empty: only the missing tests' reasons go.
    expected: { key: tests.expected.key, compare: tests.expected.compare, errors: tests.expected.errors.map((e, i) => (outputs[i] === null ? e : null)), outputs: null },
    missing,
    outputCap: outputCap(outputs),
  };
}

/** Room to match the longest expected output (the same for every test: per-test room would tell lengths). */
export function outputCap(outputs: readonly (string | null)[]): number {
  let longest = 0;
  for (const o of outputs) if (o !== null) longest = Math.max(longest, o.length);
  return Math.max(OUTPUT_CAP_FLOOR, 2 * longest + 1024);
}

/**
 * The io tests as the candidate's interpreter reported them, held to what it may report: a test with no
 * expected output is an error decided here; 'pass' never comes from there (only this side and the judge
 * pass a test), nor does anything over the output cap. Null when the report is not that of an io run.
 */
export function checkedIoTests(tests: RunTest[], t: IoTests, outputs: readonly (string | null)[]): RunTest[] | null {
  const cap = outputCap(outputs);
  const out: RunTest[] = [];
  for (let i = 0; i < tests.length; i++) {
    const [status, seen, ms] = tests[i]!;
    if (outputs[i] === null) out.push(['error', `no expected output: ${t.expected.errors[i] ?? 'unknown'}`, ms]);
    else if (status === 'pass') return null;
    else if (status !== 'judge') out.push(tests[i]!);
    else if ('overflow' in seen) out.push(['fail', `printed more than ${cap} characters, expected ${outputs[i]!.length}`, ms]);
    else if (seenLength(seen) > cap) out.push(['fail', `handed over more than ${cap} characters to compare`, ms]);
    else out.push(tests[i]!);
  }
  return out;
}

function seenLength(seen: Seen): number {
  return 'text' in seen ? seen.text.length : 'value' in seen ? seen.value.length : 0;
}

/** Judge calls of at most `chunk` characters of JSON each: a reply or request never nears JS's string limit. */
export function judgeBatches(pending: readonly [number, Seen][], chunk: number): { json: string; count: number }[] {
  const batches: { json: string; count: number }[] = [];
  let parts: string[] = [];
  let size = 0;
  for (const entry of pending) {
    const text = JSON.stringify(entry);
    if (parts.length && size + text.length > chunk) {
      batches.push({ json: `[${parts.join(',')}]`, count: parts.length });
      parts = [];
      size = 0;
    }
    parts.push(text);
    size += text.length;
  }
  if (parts.length) batches.push({ json: `[${parts.join(',')}]`, count: parts.length });
  return batches;
}

/** The io tests as the judge gets them: the expected outputs travel separately, once per image. */
export function judgeTests(tests: IoTests) {
  return { ...tests, expected: { ...tests.expected, outputs: null } };
}

/** A printed text the paper's rule passes without parsing: equal to the expected text, no tolerance, and
 *  nothing that Python could read as NaN (which equals nothing). Anything else goes to the judge. */
export function printedMatches(text: string, expected: string | null, atol: number): boolean {
  return atol === 0 && expected !== null && text === expected && !/nan/i.test(expected);
}
