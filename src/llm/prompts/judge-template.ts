// The default prompt of the LLM-as-judge verifier, in our own words: the problem and one candidate, a request to
// judge its correctness on a stated scale, and a strict last line "Score: N" that judge-answer.ts reads.
// Placeholders: {{problem}}, {{solution}}, {{min_score}}, {{max_score}}.

/** The judge's placeholders (render.ts takes each template family's own set). */
export const JUDGE_PLACEHOLDERS = ['problem', 'solution', 'min_score', 'max_score'] as const;

/** An editable judge prompt: a system and a user message, saved with the run like a test template. */
export interface JudgeTemplate {
  system: string;
  user: string;
}

const SYSTEM = 'You review Python solutions to programming problems and judge whether they are correct.';

const USER = `Below are a programming problem and a candidate solution in Python. Judge how correct the solution is: would it pass a thorough set of hidden tests of the behaviour the problem asks for?

Read the problem closely, think of the inputs a careful tester would try (empty or minimal inputs, boundaries, duplicates, negative numbers, large values), and trace the code on a few of them in your head. Do not rewrite the code.

Rate the solution on a scale from {{min_score}} to {{max_score}}: {{min_score}} means it is wrong on most inputs, {{max_score}} means it is right on every input, and values in between mean it is right on some inputs and wrong on others, roughly in proportion.

Problem:
{{problem}}

Candidate solution:
{{solution}}

Explain your judgement briefly. Then end your answer with one last line of exactly this form, with nothing after it:
Score: <a number from {{min_score}} to {{max_score}}>
`;

export const DEFAULT_JUDGE_TEMPLATE: Readonly<JudgeTemplate> = { system: SYSTEM, user: USER };
