// extractAssertions on realistic test-generator outputs: reasoning, tags, truncation, fenced fallbacks.
import { describe, expect, it } from 'vitest';
import { answerText, extractAssertions as extractWith, splitThinking, taggedAssertions } from '../../../src/core/tests/extract-assertions';

/** Most cases here read answers as runs made before the option did: with the fenced-code fallback. */
const extractAssertions = (output: string) => extractWith(output, { fencedFallback: true });

const tagged = (...bodies: string[]): string => bodies.map((b) => `<assertion>\n${b}\n</assertion>`).join('\n');

describe('reasoning is dropped up to the last </think>', () => {
  it('ignores example tags inside the reasoning', () => {
    const output = [
      '<think>',
      'The user wants 10 tests. Format is like <assertion>assert reverse_words("x") == "x"</assertion>.',
      'Edge cases: empty string, spaces.',
      '</think>',
      '',
      tagged('assert reverse_words("a b") == "b a"', 'assert reverse_words("") == ""'),
    ].join('\n');
    expect(extractAssertions(output)).toEqual({
      assertions: ['assert reverse_words("a b") == "b a"', 'assert reverse_words("") == ""'],
      source: 'tags',
    });
  });

  it('uses only the text after the last of several think blocks', () => {
    const output = `<think>draft ${tagged('assert f(0) == 9')}</think>\n${tagged('assert f(1) == 1')}\n<think>wait, recheck ${tagged('assert f(2) == 7')}</think>\n${tagged('assert f(2) == 4')}`;
    expect(extractAssertions(output).assertions).toEqual(['assert f(2) == 4']);
  });

  it('handles a closing tag without an opening one (chat templates that pre-fill <think>)', () => {
    expect(extractAssertions(`thinking about it ${tagged('assert f(9) == 0')}\n</think>\n${tagged('assert g() is None')}`).assertions).toEqual(['assert g() is None']);
  });

  it('treats an unclosed <think> as reasoning cut off by the token limit', () => {
    expect(answerText('Sure.\n<think>\nLet me think <assertion>assert f(1) == 2</assertion>')).toBe('Sure.\n');
    expect(extractAssertions(`<think>\n${tagged('assert f(1) == 2')}`)).toEqual({ assertions: [], source: 'none' });
  });
});

describe('tags', () => {
  it('trims, keeps multi-line bodies, and keeps every assertion (no cap)', () => {
    const many = Array.from({ length: 25 }, (_, i) => `assert sq(${i}) == ${i * i}`);
    expect(extractAssertions(tagged(...many)).assertions).toEqual(many);
    const multi = 'assert merge(\n    [1, 3],\n    [2],\n) == [1, 2, 3]';
    expect(taggedAssertions(`<assertion>  ${multi}  \n</assertion>`)).toEqual([multi]);
  });

  it('reads tags written inline, with prose between them', () => {
    const output = 'Here are the tests:\n1. <assertion>assert f(1) == 1</assertion> (base case)\n2. <assertion>assert f(5) == 120</assertion>\nDone.';
    expect(extractAssertions(output).assertions).toEqual(['assert f(1) == 1', 'assert f(5) == 120']);
  });

  it('drops a trailing unclosed tag (truncated output) and empty tags', () => {
    const output = `${tagged('assert f(1) == 1')}\n<assertion></assertion>\n<assertion>\nassert f([1, 2, 3]) == [`;
    expect(extractAssertions(output)).toEqual({ assertions: ['assert f(1) == 1'], source: 'tags' });
  });

  it('skips an opening tag that was never closed instead of merging it with the next block', () => {
    const output = '<assertion>\nassert f(1) == 1\n<assertion>\nassert f(2) == 2\n</assertion>';
    expect(extractAssertions(output).assertions).toEqual(['assert f(2) == 2']);
  });

  it('keeps a fence written inside a tag verbatim (Python will reject it, as in the paper)', () => {
    expect(extractAssertions('<assertion>\n```python\nassert f(1) == 1\n```\n</assertion>').assertions).toEqual(['```python\nassert f(1) == 1\n```']);
  });

  it('prefers tags over fenced code when both exist', () => {
    const output = '```python\nassert f(0) == 0\n```\n<assertion>assert f(1) == 1</assertion>';
    expect(extractAssertions(output)).toEqual({ assertions: ['assert f(1) == 1'], source: 'tags' });
  });
});

describe('fenced fallback', () => {
  it('takes top-level asserts from python blocks, skipping setup, defs and indented asserts', () => {
    const output = [
      'Here are some tests:',
      '```python',
      'from solution import add  # not a test',
      'assert add(1, 2) == 3',
      'assert add(-1, 1) == 0, "negatives"',
      '',
      'def test_big():',
      '    assert add(10**20, 1) == 10**20 + 1',
      '```',
      'And more:',
      '```py',
      'assert add(0, 0) == 0',
      '```',
    ].join('\n');
    expect(extractAssertions(output)).toEqual({
      assertions: ['assert add(1, 2) == 3', 'assert add(-1, 1) == 0, "negatives"', 'assert add(0, 0) == 0'],
      source: 'fenced',
    });
  });

  it('joins multi-line asserts: brackets, backslashes, triple-quoted strings, brackets inside strings and comments', () => {
    const block = [
      '```',
      'assert sort_desc([',
      '    3, 1, 2,  # a comment with ) in it',
      ']) == [3, 2, 1]',
      'assert f(")") == 1 and \\',
      '    g() == 2',
      'assert dedent("""',
      '    a (',
      '""") == "a ("',
      "assert h('[') == ']'  # (",
      '```',
    ].join('\n');
    expect(extractAssertions(block).assertions).toEqual([
      'assert sort_desc([\n    3, 1, 2,  # a comment with ) in it\n]) == [3, 2, 1]',
      'assert f(")") == 1 and \\\n    g() == 2',
      'assert dedent("""\n    a (\n""") == "a ("',
      "assert h('[') == ']'  # (",
    ]);
  });

  it('drops a statement left open at the end of a truncated block', () => {
    expect(extractAssertions('```python\nassert f(1) == 1\nassert f([1,\n    2') .assertions).toEqual(['assert f(1) == 1']);
  });

  it('ignores blocks in other languages and fences nested in a longer fence', () => {
    const output = [
      'Example of the format (not tests):',
      '````markdown',
      '```python',
      'assert shown_only_as_an_example() == 1',
      '```',
      '````',
      '```text',
      'assert not_python == 1',
      '```',
      '```python',
      'assert real() == 1',
      '```',
    ].join('\n');
    expect(extractAssertions(output).assertions).toEqual(['assert real() == 1']);
  });

  it('dedents blocks indented inside list items and handles CRLF', () => {
    const output = '1. Tests:\r\n   ```python\r\n   assert f(2) == 4\r\n   assert f(3) == 9\r\n   ```\r\n';
    expect(extractAssertions(output).assertions).toEqual(['assert f(2) == 4', 'assert f(3) == 9']);
  });

  it('is not fooled by words that start with assert', () => {
    expect(extractAssertions('```python\nassertEqual(f(1), 1)\nasserts = [1]\nassert(f(1) == 1)\n```').assertions).toEqual(['assert(f(1) == 1)']);
  });
});

describe('nothing to extract', () => {
  it.each([
    ['empty output', ''],
    ['a refusal', "I'm sorry, I can't help with that."],
    ['prose only', 'You should test f with 1, 2 and negative numbers; assert that f(1) == 1.'],
    ['code without asserts', '```python\ndef f(x):\n    return x\n```'],
    ['asserts outside any fence', 'assert f(1) == 1\nassert f(2) == 2'],
  ])('%s', (_label, output) => {
    expect(extractAssertions(output)).toEqual({ assertions: [], source: 'none' });
  });
});

describe('the fenced-code fallback is an option (off for new runs: the paper read tags only)', () => {
  const fencedOnly = 'Here you go:\n```python\nassert f(1) == 1\nassert f(2) == 4\n```';
  it('without it, an answer with fenced asserts and no tags gives no tests', () => {
    expect(extractWith(fencedOnly, { fencedFallback: false })).toEqual({ assertions: [], source: 'none' });
    expect(extractWith(fencedOnly, { fencedFallback: true })).toEqual({ assertions: ['assert f(1) == 1', 'assert f(2) == 4'], source: 'fenced' });
  });
  it('tags are read either way', () => {
    const output = `${tagged('assert f(3) == 9')}\n${fencedOnly}`;
    expect(extractWith(output, { fencedFallback: false })).toEqual({ assertions: ['assert f(3) == 9'], source: 'tags' });
  });
  it('never takes fenced asserts from inside a think block', () => {
    const output = `<think>\n${fencedOnly}\n</think>\nNo tests today.`;
    expect(extractWith(output, { fencedFallback: true })).toEqual({ assertions: [], source: 'none' });
  });
});

describe('splitThinking', () => {
  it('splits at the last </think>, and a later unclosed <think> is reasoning too', () => {
    expect(splitThinking('<think>a</think>b<think>c</think>answer')).toEqual({ thinking: '<think>a</think>b<think>c</think>', answer: 'answer' });
    expect(splitThinking('no reasoning')).toEqual({ thinking: '', answer: 'no reasoning' });
    expect(splitThinking('<think>x</think>ans<think>cut off')).toEqual({ thinking: '<think>x</think><think>cut off', answer: 'ans' });
    expect(splitThinking('<think>never closed')).toEqual({ thinking: '<think>never closed', answer: '' });
  });
});
