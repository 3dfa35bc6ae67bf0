// Names a refinement run's stored prompts for its settings panel: our default refinement or feedback prompt, or null
// when the stored text differs from it (edited). Kept apart from promptNameOf, which knows the test and judge presets.
import { DEFAULT_FEEDBACK_TEMPLATE, DEFAULT_REFINE_TEMPLATE } from '../llm/prompts/refine-templates';
import { encodePromptTemplate } from '../run/prompt-template-text';

/** 'default refinement prompt' / 'default feedback prompt' when the stored text is ours unchanged, else null. */
export function refinePromptName(text: string, kind: 'refine' | 'feedback'): string | null {
  const ours = encodePromptTemplate(kind === 'refine' ? DEFAULT_REFINE_TEMPLATE : DEFAULT_FEEDBACK_TEMPLATE);
  return text === ours ? `default ${kind === 'refine' ? 'refinement' : 'feedback'} prompt` : null;
}
