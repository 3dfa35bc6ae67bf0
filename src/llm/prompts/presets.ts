// Prompt presets: our default templates, and one in the paper's structure (a single user message, two worked examples
// of ten assertions each, N = 10) so that numbers can be set beside the paper's. Both are worded for this project;
// neither copies the paper's prompt. A run stores the template text itself; the preset only fills the form.
import { DEFAULT_TEMPLATES, type PromptTemplate, type PromptVariant } from './templates';
import { WORKED_EXAMPLES, taggedAssertions } from './worked-examples';

/** The presets the form and `generate --preset` offer. */
export const PROMPT_PRESETS = ['default', 'paper-structure'] as const;
export type PromptPreset = (typeof PROMPT_PRESETS)[number];

/** How a preset is named and what it sets besides the template. */
export interface PresetInfo {
  label: string;
  description: string;
  /** Tests per request the preset is meant for (null: any). */
  testsPerProblem: number | null;
}

export const PRESET_INFO: Readonly<Record<PromptPreset, PresetInfo>> = {
  default: {
    label: 'Default (ours)',
    description: 'A system message and a user message with rules and two short worked examples.',
    testsPerProblem: null,
  },
  'paper-structure': {
    label: 'Paper structure',
    description: 'One user message, two worked examples of ten assertions each, N = 10: the shape of the paper’s prompt, in our words.',
    testsPerProblem: 10,
  },
};

const WRITER =
  'You write unit tests for Python functions. Read the function description at the end of this message and write ' +
  '{{n}} test cases for it. Each test case must be one Python assert statement that calls the function and checks ' +
  'its result against the value the description implies.';

const FORMAT = `Format of your answer:
- Wrap each assert statement in its own pair of tags: <assertion> before it and </assertion> after it.
- No test framework (unittest, pytest), no helper functions, no shared setup code, no code fences, no indentation.
- Every assert must run by itself, without relying on any other one.`;

const CANDIDATE =
  'A candidate implementation follows each description. It may be right or wrong; take the expected values from the ' +
  'description only, never from what the candidate computes.';

function paperExample(index: number, withCandidate: boolean): string {
  const ex = WORKED_EXAMPLES[index]!;
  const candidate = withCandidate ? `\n\nCandidate implementation (may be wrong):\n${ex.candidate}` : '';
  return `### Example ${index + 1}\n\nFunction:\n${ex.problem}${candidate}\n\nTests:\n${taggedAssertions(ex.tenAssertions)}`;
}

function paperUser(withCandidate: boolean): string {
  const task = withCandidate ? 'Function:\n{{problem}}\n\nCandidate implementation (may be wrong):\n{{solution}}' : 'Function:\n{{problem}}';
  const note = withCandidate ? `\n\n${CANDIDATE}` : '';
  return `${WRITER}${note}\n\n${FORMAT}\n\n${paperExample(0, withCandidate)}\n\n${paperExample(1, withCandidate)}\n\n### Your task\n\n${task}\n\nTests ({{n}} assertions):\n`;
}

const PAPER_STRUCTURE: Readonly<Record<PromptVariant, PromptTemplate>> = {
  instruction: { variant: 'instruction', system: '', user: paperUser(false) },
  'instruction+solution': { variant: 'instruction+solution', system: '', user: paperUser(true) },
};

/** The template of a preset for a variant. */
export function presetTemplate(preset: PromptPreset, variant: PromptVariant): PromptTemplate {
  return preset === 'default' ? DEFAULT_TEMPLATES[variant] : PAPER_STRUCTURE[variant];
}

/** The preset whose template is exactly `template` (system and user), or null for an edited one. */
export function presetOf(template: Pick<PromptTemplate, 'variant' | 'system' | 'user'>): PromptPreset | null {
  return PROMPT_PRESETS.find((p) => {
    const t = presetTemplate(p, template.variant);
    return t.system === template.system && t.user === template.user;
  }) ?? null;
}
