// The tests a program did not pass, as the verify diff and the refinement page show them: index, status, the
// engine's message (expected against actual output, or the exception), and what the test was.
import type { TestPlan, TestResult } from '../run/types';
import type { FailedTest } from './verify-types';

/** The first `limit` tests that did not pass, in test order. */
export function failedTests(tests: readonly TestResult[], limit: number): FailedTest[] {
  const out: FailedTest[] = [];
  for (let i = 0; i < tests.length && out.length < limit; i++) {
    const t = tests[i]!;
    if (t.status !== 'pass') out.push({ index: i, status: t.status, message: t.message });
  }
  return out;
}

/** What test `index` of a plan is, in a line: the assert statement, the check program, or which input. */
export function testLabel(plan: TestPlan, index: number): string {
  if (plan.kind === 'assert') return plan.asserts[index] ?? `test ${index + 1}`;
  if (plan.kind === 'check') return `the problem's check(${plan.entryPoint}) program`;
  return index < plan.baseCount ? `${plan.entryPoint} on base input ${index + 1}` : `${plan.entryPoint} on plus input ${index - plan.baseCount + 1}`;
}

/** Failed tests as plain text for a prompt: one entry per test, its label and what went wrong. */
export function failuresText(plan: TestPlan, failures: readonly FailedTest[]): string {
  if (failures.length === 0) return '(no failing tests were recorded)';
  return failures.map((f) => `- ${testLabel(plan, f.index)}: ${f.status}${f.message === '' ? '' : `, ${f.message}`}`).join('\n');
}
