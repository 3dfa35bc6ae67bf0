import { describe, expect, it } from 'vitest';
import { readCandidateRecord } from '../../../src/core/run/record-read';
import { firstOfSameKey } from '../../../src/core/run/same-programs';

describe('firstOfSameKey', () => {
  it('points each program at the first with its key; unkeyed programs stand alone', () => {
    const firsts = firstOfSameKey(['a', 'b', 'a', null, null, 'b', 'c', 'a']);
    expect(firsts).toEqual([0, 1, 0, 3, 4, 1, 6, 0]);
    expect(firstOfSameKey([])).toEqual([]);
  });
});

describe('a stored copy', () => {
  const record = { runId: 'run-1', taskId: 'Demo/0', rank: 3, tests: [], passed: 0, total: 0, predicted: 0, uncompilable: [], compileError: null, ms: 0 };
  it('keeps the rank it reused through a run file, and refuses one that is not a rank', () => {
    expect(readCandidateRecord({ ...record, reusedFrom: 2 }).reusedFrom).toBe(2);
    expect('reusedFrom' in readCandidateRecord(record)).toBe(false);
    expect(() => readCandidateRecord({ ...record, reusedFrom: 0 })).toThrow(/reusedFrom/);
    expect(() => readCandidateRecord({ ...record, reusedFrom: 'two' })).toThrow(/reusedFrom/);
  });
});
