// What the test writer is shown of a problem: the HumanEval prompt as is; for MBPP-style lines the statement
// plus the signature of the function under test, since MBPP's text alone does not name it reliably.
import type { Problem } from '../../dataset/types';

/**
 * Name of the function the tests must call: HumanEval's entry_point, else the first function called in MBPP's
 * tests that the reference solution defines (wrappers such as math.isclose or set are skipped), else its first def.
 */
export function problemEntryPoint(problem: Problem): string | undefined {
  if (problem.entryPoint) return problem.entryPoint;
  const defined = [...problem.canonicalSolution.matchAll(/^[ \t]*def\s+([A-Za-z_]\w*)\s*\(/gm)].map((m) => m[1]!);
  if (problem.tests.kind === 'assert') {
    for (const test of problem.tests.asserts) {
      for (const call of test.matchAll(/(?<![.\w])([A-Za-z_]\w*)\s*\(/g)) {
        if (defined.includes(call[1]!)) return call[1];
      }
    }
  }
  return defined[0];
}

/** The `def name(...):` line of the reference solution (a multi-line signature is joined), if found. */
export function signatureLine(code: string, name: string): string | undefined {
  const at = new RegExp(`^([ \\t]*)def\\s+${name}\\s*\\(`, 'm').exec(code);
  if (!at) return undefined;
  const rest = code.slice(at.index + at[1]!.length);
  const close = /\)\s*(->[^:\n]*)?:/.exec(rest);
  return close ? rest.slice(0, close.index + close[0].length).replace(/\s*\n\s*/g, ' ') : undefined;
}

/** The problem text a prompt's {{problem}} stands for. */
export function problemStatement(problem: Problem): string {
  if (problem.entryPoint !== undefined) return problem.prompt;
  const name = problemEntryPoint(problem);
  const signature = name === undefined ? undefined : signatureLine(problem.canonicalSolution, name);
  return signature === undefined ? problem.prompt : `${problem.prompt}\n\nThe function to test has this signature:\n${signature}`;
}
