// Prompt templates: rendering, validation, the default templates' structure, and the chat messages built from them.
import { describe, expect, it } from 'vitest';
import { extractAssertions } from '../../../src/core/tests/extract-assertions';
import { buildTestGenMessages, templateIssues } from '../../../src/llm/prompts/messages';
import { PromptTemplateError, placeholdersIn, renderTemplate } from '../../../src/llm/prompts/render';
import { DEFAULT_TEMPLATES } from '../../../src/llm/prompts/templates';
import { WORKED_EXAMPLES } from '../../../src/llm/prompts/worked-examples';

describe('renderTemplate', () => {
  it('fills placeholders (spaces allowed) in one pass, leaving braces inside values alone', () => {
    expect(renderTemplate('Write {{ n }} tests for:\n{{problem}}', { n: 7, problem: 'f"{{x}}" and {{n}}' })).toBe('Write 7 tests for:\nf"{{x}}" and {{n}}');
    expect(placeholdersIn('{{n}} {{problem}} {{ n }}')).toEqual(['n', 'problem']);
  });

  it('names an unknown placeholder and a missing value', () => {
    expect(() => renderTemplate('{{problme}}', { problem: 'x' })).toThrow(PromptTemplateError);
    try {
      renderTemplate('{{solution}}', { problem: 'x' });
    } catch (e) {
      expect(e).toMatchObject({ kind: 'missing-value', placeholder: 'solution' });
    }
  });
});

describe('default templates', () => {
  it('have no issues, and only the solution variant shows {{solution}}', () => {
    expect(templateIssues(DEFAULT_TEMPLATES.instruction)).toEqual([]);
    expect(templateIssues(DEFAULT_TEMPLATES['instruction+solution'])).toEqual([]);
    expect(placeholdersIn(DEFAULT_TEMPLATES.instruction.user)).toEqual(['n', 'problem']);
    expect(placeholdersIn(DEFAULT_TEMPLATES['instruction+solution'].user)).toEqual(['n', 'problem', 'solution']);
  });

  it('follow the paper: instruction, rules on format, two worked examples, then the problem', () => {
    const user = DEFAULT_TEMPLATES.instruction.user;
    for (const rule of ['<assertion>', 'unittest', 'pytest', 'indent', 'code fences', 'on its own']) expect(user).toContain(rule);
    const positions = ['Example 1', 'Example 2', '{{problem}}'].map((s) => user.indexOf(s));
    expect(positions.every((p, i) => p > (positions[i - 1] ?? 0))).toBe(true);
    // The worked answers are in the exact format the extractor reads.
    const examples = user.slice(user.indexOf('Example 1'), user.indexOf('Now the problem'));
    const exampleAnswers = extractAssertions(examples, { fencedFallback: false }).assertions;
    expect(exampleAnswers).toEqual(WORKED_EXAMPLES.flatMap((e) => e.assertions));
    expect(DEFAULT_TEMPLATES['instruction+solution'].user).toMatch(/may or may not be correct/);
  });

  it('flags a template that lost its problem, count or solution', () => {
    expect(templateIssues({ variant: 'instruction', system: '', user: 'tests please {{foo}}' })).toEqual([
      'unknown placeholder {{foo}}',
      'the template never shows the problem ({{problem}})',
      'the template never says how many tests to write ({{n}})',
    ]);
    expect(templateIssues({ variant: 'instruction+solution', system: '', user: '{{n}} {{problem}}' })).toEqual(['the instruction+solution variant needs {{solution}}']);
  });
});

describe('buildTestGenMessages', () => {
  const problem = 'def inc(x):\n    """Return x + 1."""';

  it('builds a system and a user message with the problem last', () => {
    const messages = buildTestGenMessages(DEFAULT_TEMPLATES.instruction, { problem, n: 10 });
    expect(messages.map((m) => m.role)).toEqual(['system', 'user']);
    expect(messages[1]!.content).toContain('Write 10 test cases');
    expect(messages[1]!.content.trimEnd().endsWith('Answer with 10 assertions:')).toBe(true);
    expect(messages[1]!.content.lastIndexOf(problem)).toBeGreaterThan(messages[1]!.content.indexOf('Example 2'));
  });

  it('shows the candidate in the solution variant, and requires it', () => {
    const messages = buildTestGenMessages(DEFAULT_TEMPLATES['instruction+solution'], { problem, n: 5, solution: 'def inc(x):\n    return x + 2' });
    expect(messages[1]!.content).toContain('return x + 2');
    expect(() => buildTestGenMessages(DEFAULT_TEMPLATES['instruction+solution'], { problem, n: 5 })).toThrow(PromptTemplateError);
  });

  it('omits a blank system message', () => {
    const messages = buildTestGenMessages({ ...DEFAULT_TEMPLATES.instruction, system: '  ' }, { problem, n: 3 });
    expect(messages.map((m) => m.role)).toEqual(['user']);
  });
});
