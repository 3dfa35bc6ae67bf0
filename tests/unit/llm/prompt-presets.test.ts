// The paper-structure preset: one user message, two worked examples of ten assertions each in the extractor's format,
// every placeholder valid; presets are recognised from a run's stored text, an edited template is not.
import { describe, expect, it } from 'vitest';
import { extractAssertions } from '../../../src/core/tests/extract-assertions';
import { buildTestGenMessages, templateIssues } from '../../../src/llm/prompts/messages';
import { PRESET_INFO, PROMPT_PRESETS, presetOf, presetTemplate } from '../../../src/llm/prompts/presets';
import { placeholdersIn } from '../../../src/llm/prompts/render';
import { WORKED_EXAMPLES } from '../../../src/llm/prompts/worked-examples';
import { encodePromptTemplate, presetOfTemplateText, presetTemplateText } from '../../../src/run/prompt-template-text';

const problem = 'def inc(x):\n    """Return x + 1."""';

describe('paper-structure preset', () => {
  it.each(['instruction', 'instruction+solution'] as const)('%s: one user message, problem last, no issues', (variant) => {
    const template = presetTemplate('paper-structure', variant);
    expect(templateIssues(template)).toEqual([]);
    const messages = buildTestGenMessages(template, { problem, n: 10, solution: 'def inc(x):\n    return x + 1' });
    expect(messages.map((m) => m.role)).toEqual(['user']);
    expect(messages[0]!.content.trimEnd().endsWith('Tests (10 assertions):')).toBe(true);
    expect(messages[0]!.content.lastIndexOf(problem)).toBeGreaterThan(messages[0]!.content.indexOf('### Example 2'));
    expect(placeholdersIn(template.user).includes('solution')).toBe(variant === 'instruction+solution');
  });

  it('shows two worked examples of ten tagged assertions each, as the extractor reads them', () => {
    const user = presetTemplate('paper-structure', 'instruction').user;
    const examples = user.slice(user.indexOf('### Example 1'), user.indexOf('### Your task'));
    const found = extractAssertions(examples, { fencedFallback: false }).assertions;
    expect(found).toHaveLength(20);
    expect(found).toEqual(WORKED_EXAMPLES.flatMap((e) => e.tenAssertions));
    expect(PRESET_INFO['paper-structure'].testsPerProblem).toBe(10);
  });

  it('differs from the default preset', () => {
    expect(presetTemplate('paper-structure', 'instruction').user).not.toBe(presetTemplate('default', 'instruction').user);
  });
});

describe('recognising a preset from a run', () => {
  it('names the preset of an unedited template and null for an edited one', () => {
    for (const preset of PROMPT_PRESETS) {
      for (const variant of ['instruction', 'instruction+solution'] as const) {
        expect(presetOf(presetTemplate(preset, variant))).toBe(preset);
        expect(presetOfTemplateText(presetTemplateText(preset, variant), variant)).toBe(preset);
      }
    }
    const edited = { ...presetTemplate('paper-structure', 'instruction'), user: `${presetTemplate('paper-structure', 'instruction').user} ` };
    expect(presetOf(edited)).toBeNull();
    expect(presetOfTemplateText(encodePromptTemplate(edited), 'instruction')).toBeNull();
  });
});
