// Default prompts of the refinement flow (the ILF paper's inference half), in our own words: one asks a model to
// repair a wrong program given feedback, the other asks it to draft that feedback. Both are editable and saved
// with the run. The refinements made without feedback use the same prompt with NO_FEEDBACK in place of it, so
// the two prompts differ in the feedback alone.

/** An editable refinement-flow template: a system and a user message with {{placeholders}}. */
export interface RefineTemplate {
  system: string;
  user: string;
}

/** Placeholders of the repair prompt. */
export const REFINE_PLACEHOLDERS = ['problem', 'program', 'feedback'] as const;
/** Placeholders of the feedback-drafting prompt. */
export const FEEDBACK_PLACEHOLDERS = ['problem', 'program', 'failures'] as const;

/** What {{feedback}} stands for in the refinements made without feedback. */
export const NO_FEEDBACK = 'No feedback is available for this program.';

export const DEFAULT_REFINE_TEMPLATE: Readonly<RefineTemplate> = {
  system: 'You are a careful Python programmer who repairs programs that do not work.',
  user: `A program was written for the task below, but it does not pass the task's tests. Read the feedback on it, then write a corrected program.

Task:
{{problem}}

The program that fails:
\`\`\`python
{{program}}
\`\`\`

Feedback on the program:
{{feedback}}

Answer with the whole corrected program (its imports and every function it needs) in one \`\`\`python code block. Keep the function's name and parameters unchanged, and do not add tests or usage examples.
`,
};

export const DEFAULT_FEEDBACK_TEMPLATE: Readonly<RefineTemplate> = {
  system: 'You are a patient programming teacher who explains what is wrong with a piece of code.',
  user: `The program below was written for this task and fails some of the task's tests.

Task:
{{problem}}

The program:
\`\`\`python
{{program}}
\`\`\`

Tests it fails:
{{failures}}

In two to four sentences, say what the program gets wrong and what it should do instead. Describe the mistake in words: do not write the corrected program.
`,
};
