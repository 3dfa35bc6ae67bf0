// Default prompt templates of the test-generation verifier, in the paper's structure and our own words:
// expert test-writer instruction, two worked examples, then the problem (and, in the second variant, a candidate).
// Placeholders: {{n}}, {{problem}}, {{solution}} (see render.ts).

import { WORKED_EXAMPLES, taggedAssertions } from './worked-examples';

/** The paper's two prompt variants. */
export type PromptVariant = 'instruction' | 'instruction+solution';

/** An editable template: a system and a user message, each with placeholders. Saved with every run. */
export interface PromptTemplate {
  variant: PromptVariant;
  system: string;
  user: string;
}

const SYSTEM = 'You are an expert Python programmer who writes precise, correct unit tests.';

const RULES = `Rules:
- Each test case is a single Python assert statement that calls the function and compares its result with the expected value.
- Put every assert statement between <assertion> and </assertion> tags, one statement per pair of tags.
- Do not use unittest, pytest or any other test framework, and do not define helper functions, classes or shared variables.
- Do not indent the assertions and do not wrap them in code fences.
- Each assertion must run on its own, independently of the others.
- Cover ordinary inputs and edge cases (empty or minimal inputs, boundaries, duplicates, negative numbers) where they apply.`;

const CANDIDATE_NOTE =
  'Each problem comes with a candidate solution. It may or may not be correct: use it to see the expected signature, ' +
  'but take every expected value from the problem statement, not from what the candidate would return.';

function example(index: number, withCandidate: boolean): string {
  const ex = WORKED_EXAMPLES[index]!;
  const candidate = withCandidate ? `\nCandidate solution (may or may not be correct):\n${ex.candidate}\n` : '';
  return `Example ${index + 1}\n\nProblem:\n${ex.problem}\n${candidate}\nAnswer:\n${taggedAssertions(ex.assertions)}`;
}

function user(withCandidate: boolean): string {
  const intro =
    'Write {{n}} test cases for the programming problem at the end of this message. The tests will decide whether ' +
    'a solution is correct, so every expected value must follow from the problem statement.';
  const note = withCandidate ? `\n\n${CANDIDATE_NOTE}` : '';
  const task = withCandidate
    ? 'Problem:\n{{problem}}\n\nCandidate solution (may or may not be correct):\n{{solution}}'
    : 'Problem:\n{{problem}}';
  return `${intro}${note}\n\n${RULES}\n\n${example(0, withCandidate)}\n\n${example(1, withCandidate)}\n\nNow the problem to test.\n\n${task}\n\nAnswer with {{n}} assertions:\n`;
}

/** The default template of each variant. */
export const DEFAULT_TEMPLATES: Readonly<Record<PromptVariant, PromptTemplate>> = {
  instruction: { variant: 'instruction', system: SYSTEM, user: user(false) },
  'instruction+solution': { variant: 'instruction+solution', system: SYSTEM, user: user(true) },
};
