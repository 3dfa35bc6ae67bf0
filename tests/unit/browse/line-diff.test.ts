// Line diff: rows rebuild both programs exactly, common lines are a longest common subsequence, changes pair up.
import { describe, expect, it } from 'vitest';
import { DiffTooLargeError, diffStats, lineDiffOps, programLines, sideBySideDiff } from '../../../src/core/browse/line-diff';

/** LCS length by plain recursion with memo, independent of the table in the code under test. */
function lcsLength(a: string[], b: string[]): number {
  const memo = new Map<string, number>();
  const go = (i: number, j: number): number => {
    if (i === a.length || j === b.length) return 0;
    const key = `${i},${j}`;
    if (!memo.has(key)) memo.set(key, a[i] === b[j] ? 1 + go(i + 1, j + 1) : Math.max(go(i + 1, j), go(i, j + 1)));
    return memo.get(key)!;
  };
  return go(0, 0);
}

function random(seed: number): () => number {
  let s = seed;
  return () => ((s = (s * 1103515245 + 12345) % 2 ** 31) / 2 ** 31);
}

describe('sideBySideDiff', () => {
  it('pairs a changed line and keeps the rest', () => {
    const left = 'def f(x):\n    if x >= 3:\n        return 1\n    return x * 2\n';
    const right = 'def f(x):\n    return x * 2\n';
    const rows = sideBySideDiff(left, right);
    expect(rows).toEqual([
      { kind: 'same', leftLine: 1, rightLine: 1, left: 'def f(x):', right: 'def f(x):' },
      { kind: 'removed', leftLine: 2, rightLine: null, left: '    if x >= 3:', right: null },
      { kind: 'removed', leftLine: 3, rightLine: null, left: '        return 1', right: null },
      { kind: 'same', leftLine: 4, rightLine: 2, left: '    return x * 2', right: '    return x * 2' },
    ]);
    expect(diffStats(sideBySideDiff('a\nb\nc', 'a\nB\nc\nd'))).toEqual({ same: 2, changed: 1, removed: 0, added: 1 });
  });

  it('rebuilds both sides and finds a longest common subsequence on random inputs', () => {
    const next = random(7);
    for (let round = 0; round < 200; round++) {
      const a = Array.from({ length: Math.floor(next() * 9) }, () => 'abcd'[Math.floor(next() * 4)]!);
      const b = Array.from({ length: Math.floor(next() * 9) }, () => 'abcd'[Math.floor(next() * 4)]!);
      const rows = sideBySideDiff(a.join('\n'), b.join('\n'));
      const left = rows.filter((r) => r.left !== null).map((r) => r.left);
      const right = rows.filter((r) => r.right !== null).map((r) => r.right);
      expect(left).toEqual(programLines(a.join('\n')));
      expect(right).toEqual(programLines(b.join('\n')));
      expect(rows.filter((r) => r.kind === 'same').length).toBe(lcsLength(programLines(a.join('\n')), programLines(b.join('\n'))));
      // Line numbers count up on each side without gaps.
      expect(rows.map((r) => r.leftLine).filter((n) => n !== null)).toEqual(left.map((_, i) => i + 1));
    }
  });

  it('normalizes line endings and refuses huge inputs', () => {
    expect(programLines('a\r\nb\r\n')).toEqual(['a', 'b']);
    expect(sideBySideDiff('x\r\ny', 'x\ny').every((r) => r.kind === 'same')).toBe(true);
    const big = Array.from({ length: 2100 }, (_, i) => `l${i}`);
    expect(() => lineDiffOps(big, big)).toThrow(DiffTooLargeError);
  });
});
