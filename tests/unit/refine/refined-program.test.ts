// Strict program extraction from refinement answers: the last fenced Python block, or an answer that is only code.
import { describe, expect, it } from 'vitest';
import { looksLikeCode, refinedProgram } from '../../../src/core/refine/refined-program';

const fence = (code: string, info = 'python') => `\`\`\`${info}\n${code}\n\`\`\``;

describe('refinedProgram', () => {
  it('takes the last fenced Python block', () => {
    const answer = `The bug is the bound.\n\n${fence('def f(x):\n    return x')}\n\nFixed:\n\n${fence('def f(x):\n    return x + 1')}\n`;
    expect(refinedProgram(answer)).toEqual({ program: 'def f(x):\n    return x + 1', source: 'fenced' });
  });

  it('skips blocks in other languages and reads untagged fences as Python', () => {
    expect(refinedProgram(`${fence('def g():\n    pass', '')}\n${fence('pip install x', 'bash')}`)).toEqual({ program: 'def g():\n    pass', source: 'fenced' });
  });

  it('drops the reasoning up to the last </think>', () => {
    const answer = `<think>maybe ${fence('def f():\n    return 0')}</think>\n${fence('def f():\n    return 1')}`;
    expect(refinedProgram(answer)).toMatchObject({ program: 'def f():\n    return 1' });
  });

  it('takes the whole answer when it is only code', () => {
    const code = 'import math\n\n@cache\ndef f(x: int) -> int:\n    """Doc."""\n    return math.floor(x)\n\nLIMIT = 3\nprint(f(2))';
    expect(refinedProgram(`\n${code}\n`)).toEqual({ program: code, source: 'whole' });
  });

  it('gives no program for prose, an empty answer, an empty block or only non-Python fences', () => {
    expect(refinedProgram('Here is the fixed function: it now handles negatives.')).toMatchObject({ program: null });
    expect(refinedProgram('Sorry, I cannot help with that.\ndef f(): pass')).toMatchObject({ program: null });
    expect(refinedProgram('  \n ')).toEqual({ program: null, reason: 'the answer is empty' });
    expect(refinedProgram(fence('', 'python'))).toEqual({ program: null, reason: 'the last Python code block is empty' });
    expect(refinedProgram(fence('echo hi', 'bash'))).toMatchObject({ program: null, reason: /none holds Python/ });
    expect(refinedProgram('<think>def f(): return 1')).toEqual({ program: null, reason: 'the answer is empty' });
  });
});

describe('looksLikeCode', () => {
  it('reads continuation lines of a statement as part of it', () => {
    expect(looksLikeCode('x = [\n1,\n2]\nprint(x)')).toBe(true);
    expect(looksLikeCode('s = """\nHere is prose inside a string\n"""')).toBe(true);
  });
  it('refuses a prose line anywhere at the top level', () => {
    expect(looksLikeCode('def f():\n    return 1\nThis returns one.')).toBe(false);
  });
});
