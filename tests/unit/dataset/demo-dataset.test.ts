// The bundled Demo-R dataset (static-datasets/demo) parses as DEMO and writes back byte for byte.
import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { parseDatasetText } from '../../../src/core/dataset/parse-dataset';
import { formatDataset } from '../../../src/core/dataset/writer';

const text = readFileSync(new URL('../../../static-datasets/demo/Demo-R.jsonl', import.meta.url), 'utf8');

describe('Demo-R', () => {
  it('is recognised as DEMO by its file name or its Demo/ task ids', () => {
    expect(parseDatasetText(text, { name: 'Demo-R.jsonl' }).split).toBe('DEMO');
    expect(parseDatasetText(text, { name: 'upload.jsonl' }).split).toBe('DEMO');
  });

  it('has assert ground truth, a rank-1 reference and distinct scores in every problem', () => {
    const ds = parseDatasetText(text, { name: 'Demo-R' });
    expect(ds.family).toBe('mbpp');
    expect(ds.problems.length).toBeGreaterThan(0);
    for (const p of ds.problems) {
      expect(p.tests.kind, p.taskId).toBe('assert');
      expect(p.candidates[0]?.score, p.taskId).toBe(1);
      expect(new Set(p.candidates.map((c) => c.score)).size, p.taskId).toBe(p.candidates.length);
    }
  });

  it('round-trips through the writer unchanged', () => {
    expect(formatDataset(parseDatasetText(text, { name: 'Demo-R' }))).toBe(text);
  });
});
