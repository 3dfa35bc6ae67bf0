// Expected outputs sent once per key (src/engine/expected-outputs.ts): the sender's and the receiver's halves.
import { describe, expect, it } from 'vitest';
import type { ScoreRequest } from '../../../src/core/run/types';
import { HeldOutputs, sentOnce } from '../../../src/engine/expected-outputs';

const io = (key: string, outputs: (string | null)[] | null = ['1\n', null]): ScoreRequest => ({
  code: '',
  tests: { kind: 'io', taskId: 'T', entryPoint: 'f', atol: 0, inputs: { key: 'in', source: '', sets: ['base'] }, expected: { key, compare: 'paper', outputs: outputs as never, errors: [null, 'x'], ms: [1, 1] } },
  compare: 'paper',
  limitMs: 100,
  budgetMs: 1000,
});
const outputsOf = (r: ScoreRequest | null) => (r?.tests.kind === 'io' ? r.tests.expected.outputs : undefined);

describe('expected outputs sent once per key', () => {
  it('the sender sends them in full the first time, by key afterwards, and forgets the oldest past its bound', () => {
    const known = new Set<string>();
    expect(outputsOf(sentOnce(io('a'), known, 2))).toEqual(['1\n', null]);
    expect(outputsOf(sentOnce(io('a'), known, 2))).toBeNull();
    sentOnce(io('b'), known, 2);
    sentOnce(io('c'), known, 2);
    expect([...known]).toEqual(['b', 'c']);
    expect(outputsOf(sentOnce(io('a'), known, 2))).toEqual(['1\n', null]);
    const plain: ScoreRequest = { ...io('x'), tests: { kind: 'assert', setup: '', asserts: [] } };
    expect(sentOnce(plain, known)).toBe(plain);
  });

  it('the receiver fills in what it holds, keeps the most recently sent, and says when it holds nothing', () => {
    const held = new HeldOutputs(2);
    expect(held.filled(io('a', null))).toBeNull();
    held.filled(io('a', ['a']));
    held.filled(io('b', ['b']));
    expect(outputsOf(held.filled(io('a', null)))).toEqual(['a']);
    held.filled(io('a', ['a2'])); // sent again: now the most recent
    held.filled(io('c', ['c']));
    expect(held.filled(io('b', null))).toBeNull();
    expect(outputsOf(held.filled(io('a', null)))).toEqual(['a2']);
  });
});
