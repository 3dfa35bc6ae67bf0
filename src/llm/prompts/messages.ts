// Builds the chat messages of one test-generation request from a template (system + user; no system when it is blank).

import type { ChatMessage } from '../types';
import { PLACEHOLDERS, PromptTemplateError, placeholdersIn, renderTemplate } from './render';
import type { PromptTemplate } from './templates';

/** What one request is about. `solution` is required by the instruction+solution variant. */
export interface TestPromptInput {
  problem: string;
  n: number;
  solution?: string;
  entry_point?: string;
}

/** Problems with a template, for the editor: unknown placeholders, and missing {{problem}} / {{n}} / {{solution}}. */
export function templateIssues(template: PromptTemplate): string[] {
  const used = new Set([...placeholdersIn(template.system), ...placeholdersIn(template.user)]);
  const issues: string[] = [];
  for (const name of used) {
    if (!(PLACEHOLDERS as readonly string[]).includes(name)) issues.push(`unknown placeholder {{${name}}}`);
  }
  if (!used.has('problem')) issues.push('the template never shows the problem ({{problem}})');
  if (!used.has('n')) issues.push('the template never says how many tests to write ({{n}})');
  if (template.variant === 'instruction+solution' && !used.has('solution')) issues.push('the instruction+solution variant needs {{solution}}');
  if (template.variant === 'instruction' && used.has('solution')) issues.push('the instruction-only variant must not show {{solution}}');
  return issues;
}

/** The messages for one request. Throws PromptTemplateError when the template cannot be filled. */
export function buildTestGenMessages(template: PromptTemplate, input: TestPromptInput): ChatMessage[] {
  if (template.variant === 'instruction+solution' && input.solution === undefined) throw new PromptTemplateError('missing-value', 'solution');
  const values = { problem: input.problem, n: input.n, solution: input.solution, entry_point: input.entry_point };
  const system = renderTemplate(template.system, values);
  const user = renderTemplate(template.user, values);
  return system.trim() === '' ? [{ role: 'user', content: user }] : [{ role: 'system', content: system }, { role: 'user', content: user }];
}
