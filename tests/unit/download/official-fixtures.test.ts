// The committed official-schema fixtures equal their generator's output, parse, and carry scores true by construction.
import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { parseDatasetText } from '../../../src/core/dataset/parse-dataset';
import { OFFICIAL_FIXTURES, syntheticDatasetText } from '../../fixtures/official-schema/synthetic';

describe('official-schema fixtures', () => {
  for (const [file, options] of Object.entries(OFFICIAL_FIXTURES)) {
    it(`${file} is up to date, parses, and its scores are the fraction of inputs below each threshold`, () => {
      const text = readFileSync(new URL(`../../fixtures/official-schema/${file}`, import.meta.url), 'utf8');
      expect(text).toBe(syntheticDatasetText(options));
      const dataset = parseDatasetText(text, { name: file });
      expect(dataset.problems).toHaveLength(options.problems);
      for (const problem of dataset.problems) {
        const scores = problem.candidates.map((c) => c.score);
        expect(scores[0]).toBe(1);
        expect(scores).toEqual([...scores].sort((a, b) => b - a));
        expect(new Set(scores).size).toBe(scores.length);
        // A wrong candidate "if x >= m" passes inputs 0..m-1 of the scored inputs.
        const scored = options.tests + (options.plusScored ? (options.plusInputs ?? 0) : 0);
        for (const c of problem.candidates.slice(1)) {
          const m = Number(/if x >= (\d+)/.exec(c.code)![1]);
          expect(c.score).toBeCloseTo(Math.min(m, scored) / scored, 2);
        }
      }
    });
  }
});
