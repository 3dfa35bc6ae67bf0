// Input/output tests are decided outside the interpreter that ran the candidate: what the candidate sees of a
// problem (its inputs, which inputs have no expected output, how much it may print) carries no expected
// output; what it printed or returned comes back as data, and either equals the expected text here or goes to
// the judge (harness_judge.py), a clean interpreter that holds the expected outputs. Pure functions.
import type { ScoreRequest, TestSpec } from '../core/run/types';

type IoTests = Extract<TestSpec, { kind: 'io' }>;

/** What a candidate's interpreter may print / hand over per test at least (harness.py's STDOUT_CAP). */
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
  let longest = 0;
  outputs.forEach((o, i) => (o === null ? missing.push(i) : (longest = Math.max(longest, o.length))));
  return {
    ...tests,
    inputs: withSource ? tests.inputs : { ...tests.inputs, source: '' },
    expected: { key: tests.expected.key, compare: tests.expected.compare, errors: tests.expected.errors, outputs: null },
    missing,
    // Room to match the longest expected output (the same for every test: per-test room would tell lengths).
    outputCap: Math.max(OUTPUT_CAP_FLOOR, 2 * longest + 1024),
  };
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
