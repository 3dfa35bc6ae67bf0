// splitForDatasetName: official dataset and file names map to the evaluation split names.
import { describe, expect, it } from 'vitest';
import { familiesForSplit, splitForDatasetName, splitUsesPlusInputs } from '../../../src/core/dataset/split-name';

describe('splitForDatasetName', () => {
  it('maps the four official names and their file names', () => {
    expect(splitForDatasetName('HE-R')).toBe('HE_base');
    expect(splitForDatasetName('HE-R+')).toBe('HE_plus');
    expect(splitForDatasetName('MBPP-R')).toBe('MBPP_base');
    expect(splitForDatasetName('MBPP-R+')).toBe('MBPP_plus');
    expect(splitForDatasetName('HE-R+.jsonl')).toBe('HE_plus');
    expect(splitForDatasetName('data/nvidia/MBPP-R.jsonl.gz')).toBe('MBPP_base');
    expect(splitForDatasetName('C:\\x\\mbpp-r+.JSONL')).toBe('MBPP_plus');
  });

  it('accepts the split names themselves and the demo', () => {
    expect(splitForDatasetName('HE_plus')).toBe('HE_plus');
    expect(splitForDatasetName('Demo')).toBe('DEMO');
    expect(splitForDatasetName('demo.jsonl')).toBe('DEMO');
    expect(splitForDatasetName('static-datasets/demo/Demo-R.jsonl')).toBe('DEMO');
  });

  it('returns undefined for anything else, including near misses', () => {
    for (const name of ['HE-R++', 'HE', 'humaneval.jsonl', 'MBPP-R+-copy.jsonl', '']) {
      expect(splitForDatasetName(name), name).toBeUndefined();
    }
  });
});

describe('split properties', () => {
  it('knows which splits count plus inputs and which key families they use', () => {
    expect(['HE_base', 'HE_plus', 'MBPP_base', 'MBPP_plus', 'DEMO'].map((s) => splitUsesPlusInputs(s as never))).toEqual([false, true, false, true, false]);
    expect(familiesForSplit('HE_base')).toEqual(['humaneval']);
    expect(familiesForSplit('DEMO')).toEqual(['mbpp']);
    expect(familiesForSplit('MBPP_plus')).toContain('humaneval');
  });
});
