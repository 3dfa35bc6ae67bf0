// The chat messages of the scoring verifiers: a reward model reads the problem as the user turn and the candidate
// as the assistant turn (as NIM serves reward models); a judge gets its template filled with both.
import type { ChatMessage } from '../types';
import { placeholdersIn, renderTemplate } from './render';
import { JUDGE_PLACEHOLDERS, type JudgeTemplate } from './judge-template';

/** The two-turn conversation a reward model scores: its reward is for the assistant turn. */
export function rewardMessages(problem: string, program: string): ChatMessage[] {
  return [
    { role: 'user', content: problem },
    { role: 'assistant', content: program },
  ];
}

/** What one judge request is about. */
export interface JudgePromptInput {
  problem: string;
  solution: string;
  min: number;
  max: number;
}

/** Problems with a judge template, for the editor: unknown placeholders, a missing problem or solution. */
export function judgeTemplateIssues(template: JudgeTemplate): string[] {
  const used = new Set([...placeholdersIn(template.system), ...placeholdersIn(template.user)]);
  const issues = [...used].filter((name) => !(JUDGE_PLACEHOLDERS as readonly string[]).includes(name)).map((name) => `unknown placeholder {{${name}}}`);
  if (!used.has('problem')) issues.push('the template never shows the problem ({{problem}})');
  if (!used.has('solution')) issues.push('the template never shows the candidate ({{solution}})');
  return issues;
}

/** The messages of one judge request. Throws PromptTemplateError when the template cannot be filled. */
export function judgeMessages(template: JudgeTemplate, input: JudgePromptInput): ChatMessage[] {
  const values = { problem: input.problem, solution: input.solution, min_score: input.min, max_score: input.max };
  const system = renderTemplate(template.system, values, JUDGE_PLACEHOLDERS);
  const user = renderTemplate(template.user, values, JUDGE_PLACEHOLDERS);
  return system.trim() === '' ? [{ role: 'user', content: user }] : [{ role: 'system', content: system }, { role: 'user', content: user }];
}
