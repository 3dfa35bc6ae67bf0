// Small pure pieces of a run: problem statements, malformed counts, seeds, time limits, rates and ETA, the
// prompt template's stored text.
import { describe, expect, it } from 'vitest';
import { malformedCount, requestSeed, testsOfAnswer } from '../../../src/core/run/orchestration/generation-record';
import { problemEntryPoint, problemStatement, signatureLine } from '../../../src/core/run/orchestration/problem-statement';
import { etaSeconds, RateWindow } from '../../../src/core/run/orchestration/throughput';
import { candidateBudgetMs, canonicalLimitMs, testLimitsMs, timeLimitsFromCanonical } from '../../../src/core/run/time-limits';
import type { Problem } from '../../../src/core/dataset/types';
import { DEFAULT_TEMPLATES } from '../../../src/llm/prompts/templates';
import { decodePromptTemplate, defaultTemplateText, encodePromptTemplate } from '../../../src/run/prompt-template-text';
import { demoDataset } from './run-fixtures';

const mbpp = (asserts: string[], code: string): Problem => ({
  taskId: 'M/1', prompt: 'Write a function.', canonicalSolution: code, tests: { kind: 'assert', setup: '', asserts }, candidates: [], line: 1, source: '{}',
});

describe('problem statements', () => {
  it('names the function MBPP tests call, skipping wrappers, and shows its signature', () => {
    const code = 'import math\ndef helper(x):\n    return x\n\ndef area(r: float,\n         pi=math.pi) -> float:\n    return helper(pi) * r * r\n';
    const p = mbpp(['assert math.isclose(area(1), 3.14159, rel_tol=1e-3)'], code);
    expect(problemEntryPoint(p)).toBe('area');
    expect(signatureLine(code, 'area')).toBe('def area(r: float, pi=math.pi) -> float:');
    expect(problemStatement(p)).toBe('Write a function.\n\nThe function to test has this signature:\ndef area(r: float, pi=math.pi) -> float:');
  });

  it('keeps HumanEval prompts as they are and finds every demo entry point in its code', () => {
    const he: Problem = { ...mbpp([], 'def f(x):\n    return x'), prompt: 'def f(x):\n    """Id."""\n', entryPoint: 'f' };
    expect(problemStatement(he)).toBe(he.prompt);
    for (const p of demoDataset().problems) {
      const name = problemEntryPoint(p)!;
      expect(problemStatement(p)).toContain(`def ${name}(`);
    }
  });
});

describe('generation records', () => {
  it('counts tags that gave no test (empty, unclosed, swallowed), after the reasoning', () => {
    const text = '<think><assertion>x</assertion></think><assertion>assert f(1)</assertion><assertion> </assertion><assertion>assert f(2)';
    expect(testsOfAnswer(text, { fencedFallback: true })).toEqual({ tests: ['assert f(1)'], malformed: 2 });
    expect(malformedCount('no tags here', 0)).toBe(0);
    expect(testsOfAnswer('```python\nassert f(1) == 2\n```', { fencedFallback: true }).malformed).toBe(0);
  });

  it('derives per-sample seeds from the run seed', () => {
    expect([requestSeed(7, 0), requestSeed(7, 3), requestSeed(null, 3)]).toEqual([7, 10, null]);
  });
});

describe('time limits', () => {
  it('is fixed, or max(min, factor x canonical time) per test', () => {
    expect(testLimitsMs({ kind: 'fixed', ms: 700 }, 2, null)).toEqual([700, 700]);
    const scaled = { kind: 'scaled' as const, minMs: 100, factor: 4 };
    expect(() => testLimitsMs(scaled, 3, null)).toThrow(RangeError);
    const canonical = [1, 50, 0].map((ms) => ({ ms, finished: true }));
    expect(testLimitsMs(scaled, 3, canonical)).toEqual([100, 200, 100]);
  });

  it('gives a test the canonical solution never finished the floor, not a multiple of its runaway time', () => {
    expect(timeLimitsFromCanonical([{ ms: 2000, finished: false }, { ms: 2000, finished: true }, Number.NaN])).toEqual([100, 8000, 100]);
  });

  it('lets the trusted canonical run longer on ground truth than on generated tests', () => {
    expect(canonicalLimitMs('ground-truth')).toBeGreaterThan(canonicalLimitMs('generated'));
  });

  it('budgets a candidate twice its limits plus a minute, at most the cap', () => {
    expect(candidateBudgetMs([100, 200])).toBe(60_600);
    expect(candidateBudgetMs([100, 200], 30_000)).toBe(30_000);
  });
});

describe('rates and ETA', () => {
  it('measures units per second over the window and forgets older samples', () => {
    const w = new RateWindow(10_000);
    expect(w.perSecond(0)).toBeNull();
    w.add(0, 5);
    expect(w.perSecond(1000)).toBeNull(); // one sample says nothing about a rate
    w.add(2000, 5);
    expect(w.perSecond(2000)).toBe(5);
    w.add(20_000, 1);
    w.add(21_000, 1);
    expect(w.perSecond(21_000)).toBe(2);
  });

  it('takes the slower stage, and knows nothing before both rates are measured', () => {
    expect(etaSeconds({ generationsLeft: 10, candidatesLeft: 40, generationsPerSecond: 2, candidatesPerSecond: 4 })).toBe(10);
    expect(etaSeconds({ generationsLeft: 0, candidatesLeft: 40, generationsPerSecond: null, candidatesPerSecond: 8 })).toBe(5);
    expect(etaSeconds({ generationsLeft: 1, candidatesLeft: 40, generationsPerSecond: null, candidatesPerSecond: 8 })).toBeNull();
  });
});

describe('prompt template text', () => {
  it('round-trips a template and reads plain text as a user message', () => {
    const t = DEFAULT_TEMPLATES['instruction+solution'];
    expect(decodePromptTemplate(encodePromptTemplate(t), t.variant)).toEqual(t);
    expect(decodePromptTemplate(defaultTemplateText('instruction'), 'instruction')).toEqual(DEFAULT_TEMPLATES.instruction);
    expect(decodePromptTemplate('Write {{n}} tests for {{problem}}', 'instruction')).toEqual({ variant: 'instruction', system: '', user: 'Write {{n}} tests for {{problem}}' });
  });
});

