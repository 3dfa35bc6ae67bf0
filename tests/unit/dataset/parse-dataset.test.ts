// parseDatasetText / parseDatasetStream on hand-made official-schema fixtures: fields, splits, line handling.
import { describe, expect, it } from 'vitest';
import { parseDatasetStream, parseDatasetText } from '../../../src/core/dataset/parse-dataset';
import { chunksOf, fixtureLines, fixtureRecord, fixtureText } from './fixtures';

describe('HumanEval-schema lines', () => {
  const text = fixtureText('he-mini.jsonl');

  it('reads HE-R with base inputs only', () => {
    const ds = parseDatasetText(text, { name: 'HE-R.jsonl' });
    expect([ds.name, ds.split, ds.family, ds.problems.length]).toEqual(['HE-R.jsonl', 'HE_base', 'humaneval', 3]);
    const [p] = ds.problems;
    expect(p?.taskId).toBe('Toy/0');
    expect(p?.entryPoint).toBe('add_two');
    expect(p?.prompt).toContain('café-safe');
    expect(p?.tests).toEqual({ kind: 'io', baseCount: 3, plusCount: 0, atol: 0 });
    expect(p?.candidates.map((c) => [c.rank, c.score, c.timeTaken])).toEqual([
      [1, 1, 0.00012],
      [2, 0.67, 0.0001],
      [3, 0.33, 0.00011],
      [4, 0, 0.0002],
    ]);
    // Rank 1's record holds prompt + body: the complete reference program.
    expect(p?.canonicalSolution).toBe(`${p?.prompt}    return x + 2\n`);
    expect(p?.candidates[3]?.code).toBe('def add_two(x):\n    return x * 2\n');
  });

  it('reads HE-R+ with base + plus inputs, and keeps the exact line for big integers', () => {
    const ds = parseDatasetText(text, { name: 'HE-R+' });
    expect(ds.split).toBe('HE_plus');
    expect(ds.problems.map((p) => p.tests)).toEqual([
      { kind: 'io', baseCount: 3, plusCount: 4, atol: 0 },
      { kind: 'io', baseCount: 2, plusCount: 2, atol: 1e-6 }, // inputs only in the first solution's record
      { kind: 'io', baseCount: 2, plusCount: 2, atol: 0 },
    ]);
    expect(ds.problems.map((p) => p.source)).toEqual(fixtureLines('he-mini.jsonl'));
    expect(ds.problems[0]?.source).toContain('[1180591620717411303425]');
    expect(ds.problems.map((p) => p.line)).toEqual([1, 2, 3]);
  });

  it('needs an explicit split when neither the name nor the lines tell HE-R from HE-R+', () => {
    expect(() => parseDatasetText(text, { name: 'upload.jsonl' })).toThrow(/cannot tell HE-R from HE-R\+/);
    expect(parseDatasetText(text, { name: 'upload.jsonl', split: 'HE_plus' }).split).toBe('HE_plus');
  });

  it('accepts a plain HumanEval line without EvalPlus inputs by its check() program', () => {
    const rec = fixtureRecord('he-mini.jsonl', 2);
    delete rec['base_input'];
    delete rec['plus_input'];
    rec['test'] = 'def check(candidate):\n    assert candidate([1]) == 1\n';
    const ds = parseDatasetText(JSON.stringify(rec), { name: 'HE-R' });
    expect(ds.problems[0]?.tests).toEqual({ kind: 'check', test: rec['test'] });
  });
});

describe('MBPP-schema lines', () => {
  const text = fixtureText('mbpp-mini.jsonl');

  it('reads MBPP-R: asserts, setup, challenge list, integer task ids, Infinity times', () => {
    const ds = parseDatasetText(text, { name: 'MBPP-R.jsonl' });
    expect([ds.split, ds.family]).toEqual(['MBPP_base', 'mbpp']);
    expect(ds.problems.map((p) => p.taskId)).toEqual(['1', '2', '3']);
    const [first, second] = ds.problems;
    expect(first?.entryPoint).toBeUndefined();
    expect(first?.prompt).toBe('Write a function to double a number.\nassert double(2) == 4\n');
    expect(first?.canonicalSolution).toBe('def double(n):\r\n  return 2 * n');
    expect(first?.candidates[2]?.timeTaken).toBe(Infinity); // json.dumps wrote a bare Infinity
    expect(second?.tests).toEqual({
      kind: 'assert',
      setup: 'import sys',
      asserts: ["assert rev('ab') == 'ba'", "assert rev('') == ''", "assert rev('→x') == 'x→'"],
      challenge: ["assert rev('a' * 3) == 'aaa'"],
    });
  });

  it('infers MBPP_base from the keys and DEMO from the name', () => {
    expect(parseDatasetText(text, { name: 'whatever.jsonl' }).split).toBe('MBPP_base');
    expect(parseDatasetText(text, { name: 'Demo' }).split).toBe('DEMO');
  });

  it('reads MBPP+ (EvalPlus keys) as MBPP_plus from the name or the Mbpp/ task ids', () => {
    const plus = fixtureText('mbpp-plus-mini.jsonl');
    for (const name of ['MBPP-R+.jsonl', 'mine.jsonl']) {
      const ds = parseDatasetText(plus, { name });
      expect([ds.split, ds.family]).toEqual(['MBPP_plus', 'humaneval']);
      expect(ds.problems[0]?.tests).toEqual({ kind: 'io', baseCount: 2, plusCount: 3, atol: 0 });
      expect(ds.problems[0]?.entryPoint).toBe('squares');
    }
  });
});

describe('line handling', () => {
  const text = fixtureText('mbpp-mini.jsonl');
  const reference = parseDatasetText(text, { name: 'MBPP-R' });

  it('handles CRLF, a BOM, blank lines and a missing final newline', () => {
    const crlf = `\uFEFF${text.replaceAll('\n', '\r\n')}`;
    expect(parseDatasetText(crlf, { name: 'MBPP-R' })).toEqual(reference);
    const spaced = `\n${text.split('\n').join('\n  \n').trimEnd()}`;
    const ds = parseDatasetText(spaced, { name: 'MBPP-R' });
    expect(ds.problems.map((p) => p.line)).toEqual([2, 4, 6]); // physical line numbers
    expect(ds.problems.map((p) => p.source)).toEqual(reference.problems.map((p) => p.source));
  });

  it('sorts candidates by rank whatever the file order', () => {
    const rec = fixtureRecord('mbpp-mini.jsonl', 2);
    rec['all_solutions'].reverse();
    const ds = parseDatasetText(JSON.stringify(rec), { name: 'MBPP-R' });
    expect(ds.problems[0]?.candidates.map((c) => c.rank)).toEqual([1, 2, 3]);
    expect(ds.problems[0]?.canonicalSolution).toBe(reference.problems[2]?.canonicalSolution);
  });
});

describe('parseDatasetStream', () => {
  const text = `\uFEFF${fixtureText('he-mini.jsonl').replaceAll('\n', '\r\n')}`;
  const reference = parseDatasetText(text, { name: 'HE-R+' });

  it('gives the same dataset for any chunking (split CRLFs, split multi-byte characters)', async () => {
    for (const size of [1, 7, 64, 1000, text.length]) {
      expect(await parseDatasetStream(chunksOf(text, size), { name: 'HE-R+' }), `chunk ${size}`).toEqual(reference);
    }
  });

  it('reports UTF-8 bytes and lines, and yields every N lines or after a time budget', async () => {
    const progress: { bytes: number; lines: number }[] = [];
    let yields = 0;
    await parseDatasetStream(chunksOf(text, 500), {
      name: 'HE-R+',
      onProgress: (p) => progress.push(p),
      yieldFn: async () => void yields++,
      yieldEveryLines: 1,
    });
    expect(yields).toBe(3);
    expect(progress.at(-1)).toEqual({ bytes: Buffer.byteLength(text, 'utf8'), lines: 3 });
    expect(progress.map((p) => p.bytes)).toEqual([...progress.map((p) => p.bytes)].sort((a, b) => a - b));

    let clock = 0;
    yields = 0;
    await parseDatasetStream(chunksOf(text, 500), {
      name: 'HE-R+',
      yieldFn: async () => void yields++,
      yieldEveryLines: 1e9,
      yieldEveryMs: 10,
      now: () => (clock += 11), // every reading is 11 ms after the previous one, so each line check is over budget
    });
    expect(yields).toBe(3);
  });

  it('lets timers run while parsing with the default yield (microtask awaits alone would not)', async () => {
    const many = fixtureLines('mbpp-mini.jsonl')
      .flatMap((line, i) => Array.from({ length: 20 }, (_, j) => line.replace(/"task_id": \d+/, `"task_id": ${i * 100 + j}`)))
      .join('\n');
    const timerFired = async (yieldFn?: () => Promise<void>): Promise<boolean> => {
      let fired = false;
      setTimeout(() => (fired = true), 0);
      const ds = await parseDatasetStream(chunksOf(many, many.length), { name: 'MBPP-R', yieldEveryLines: 10, ...(yieldFn ? { yieldFn } : {}) });
      expect(ds.problems).toHaveLength(60);
      return fired;
    };
    expect(await timerFired(() => Promise.resolve())).toBe(false);
    await new Promise((r) => setTimeout(r, 5));
    expect(await timerFired()).toBe(true);
  });
});
