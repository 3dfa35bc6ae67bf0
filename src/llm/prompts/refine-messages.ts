// Chat messages of the refinement flow from its templates (render.ts with each template's own placeholder set),
// and the editor's check of a template.
import type { ChatMessage } from '../types';
import { placeholdersIn, renderTemplate } from './render';
import { FEEDBACK_PLACEHOLDERS, REFINE_PLACEHOLDERS, type RefineTemplate } from './refine-templates';

/** Which of the two templates. */
export type RefineTemplateKind = 'refine' | 'feedback';

const ALLOWED: Record<RefineTemplateKind, readonly string[]> = { refine: REFINE_PLACEHOLDERS, feedback: FEEDBACK_PLACEHOLDERS };

/** What a template cannot do without: unknown placeholders, and a missing program or feedback. */
export function refineTemplateIssues(template: RefineTemplate, kind: RefineTemplateKind): string[] {
  const used = new Set([...placeholdersIn(template.system), ...placeholdersIn(template.user)]);
  const issues = [...used].filter((name) => !ALLOWED[kind].includes(name)).map((name) => `unknown placeholder {{${name}}}`);
  if (!used.has('program')) issues.push('the template never shows the program ({{program}})');
  if (kind === 'refine' && !used.has('feedback')) issues.push('the template never shows the feedback ({{feedback}})');
  return issues;
}

/** The messages of one request; throws PromptTemplateError when the template cannot be filled. */
export function refineMessages(template: RefineTemplate, kind: RefineTemplateKind, values: Readonly<Record<string, string>>): ChatMessage[] {
  const system = renderTemplate(template.system, values, ALLOWED[kind]);
  const user = renderTemplate(template.user, values, ALLOWED[kind]);
  return system.trim() === '' ? [{ role: 'user', content: user }] : [{ role: 'system', content: system }, { role: 'user', content: user }];
}
