// The refinement flow's prompts: defaults are usable, edits are checked, the baseline differs only in the
// feedback, and failing tests read as one line each.
import { describe, expect, it } from 'vitest';
import { failuresText, testLabel } from '../../../src/core/verify/failed-tests';
import { refineMessages, refineTemplateIssues } from '../../../src/llm/prompts/refine-messages';
import { DEFAULT_FEEDBACK_TEMPLATE, DEFAULT_REFINE_TEMPLATE, NO_FEEDBACK } from '../../../src/llm/prompts/refine-templates';
import { PromptTemplateError } from '../../../src/llm/prompts/render';

const values = { problem: 'Return the absolute value of x.', program: 'def f(x):\n    return x', feedback: 'Negative inputs come back negative.' };

describe('refine templates', () => {
  it('are complete as shipped', () => {
    expect(refineTemplateIssues(DEFAULT_REFINE_TEMPLATE, 'refine')).toEqual([]);
    expect(refineTemplateIssues(DEFAULT_FEEDBACK_TEMPLATE, 'feedback')).toEqual([]);
  });

  it('render the task, program and feedback, and the baseline with the feedback alone replaced', () => {
    const withIt = refineMessages(DEFAULT_REFINE_TEMPLATE, 'refine', values);
    const without = refineMessages(DEFAULT_REFINE_TEMPLATE, 'refine', { ...values, feedback: NO_FEEDBACK });
    expect(withIt.map((m) => m.role)).toEqual(['system', 'user']);
    expect(withIt[1]!.content).toContain('def f(x):\n    return x');
    expect(withIt[1]!.content).toContain(values.feedback);
    expect(without[1]!.content.replace(NO_FEEDBACK, values.feedback)).toBe(withIt[1]!.content);
  });

  it('name what an edited template lacks or misuses', () => {
    expect(refineTemplateIssues({ system: '', user: 'Fix {{program}} for {{n}}' }, 'refine')).toEqual(['unknown placeholder {{n}}', 'the template never shows the feedback ({{feedback}})']);
    expect(refineTemplateIssues({ system: '', user: '{{failures}}' }, 'feedback')).toEqual(['the template never shows the program ({{program}})']);
    expect(() => refineMessages({ system: '', user: '{{failures}}' }, 'refine', values)).toThrow(PromptTemplateError);
    expect(() => refineMessages({ system: '', user: '{{failures}}' }, 'feedback', values)).toThrow(/no value for \{\{failures\}\}/);
  });
});

describe('failing tests as text', () => {
  it('labels assert, check and io tests', () => {
    const asserts = { kind: 'assert' as const, setup: '', asserts: ['assert f(-1) == 1', 'assert f(2) == 2'] };
    expect(failuresText(asserts, [{ index: 0, status: 'fail', message: 'AssertionError' }])).toBe('- assert f(-1) == 1: fail, AssertionError');
    expect(testLabel({ kind: 'check', test: 'def check(c): pass', entryPoint: 'f' }, 0)).toBe("the problem's check(f) program");
    const io = { kind: 'io' as const, taskId: 'T', entryPoint: 'f', atol: 0, source: '{}', sets: ['base' as const, 'plus' as const], baseCount: 2, plusCount: 3 };
    expect(testLabel(io, 1)).toBe('f on base input 2');
    expect(testLabel(io, 3)).toBe('f on plus input 2');
    expect(failuresText(io, [])).toBe('(no failing tests were recorded)');
  });
});
