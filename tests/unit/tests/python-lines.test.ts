// logicalLineEnd: where a Python logical line ends across physical lines.
import { describe, expect, it } from 'vitest';
import { logicalLineEnd } from '../../../src/core/tests/python-lines';

const end = (text: string, start = 0) => logicalLineEnd(text.split('\n'), start);

describe('logicalLineEnd', () => {
  it('ends simple lines at once, even with brackets or quotes in comments', () => {
    expect(end('assert f(1) == 1\nx')).toBe(0);
    expect(end('assert f() == 1  # f( [ { " \'\nx')).toBe(0);
  });

  it('continues through open brackets of every kind and nests them', () => {
    expect(end('assert g({\n  "a": [1,\n    (2, 3)],\n}) == 4\nx')).toBe(3);
  });

  it('continues through triple-quoted strings, but ends an unterminated one-line string at the newline', () => {
    expect(end("assert f('''a\n(\n''') == 1\nx")).toBe(2);
    expect(end('assert f("abc) == 1\nx')).toBe(0); // a syntax error for Python to report
  });

  it('continues after a backslash outside strings and comments, and through an escaped newline in a string', () => {
    expect(end('assert a == \\\n  b\nx')).toBe(1);
    expect(end('assert a == 1  # ends here \\\nx')).toBe(0);
    expect(end('assert f("ab\\\ncd") == 1\nx')).toBe(1);
  });

  it('skips escaped quotes inside strings', () => {
    expect(end('assert f("a\\")(") == 1\nx')).toBe(0);
  });

  it('reports a statement still open at the end of the input', () => {
    expect(end('assert f(\n1,')).toBeUndefined();
    expect(end('x = 1\nassert f("""', 1)).toBeUndefined();
  });
});
