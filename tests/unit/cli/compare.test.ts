// `verifier-lab compare`: the JSON contract against the numpy goldens and the core's draws, the text and Markdown
// tables, and the exit-2 refusals (no shared split, different problems).
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { runCli } from '../../../src/cli/run-cli';
import { pairedComparison } from '../../../src/core/compare/paired';
import { groupProblemsBySplit } from '../../../src/core/metrics/group-problems';
import { drawResampleIndices } from '../../../src/core/metrics/resample';
import { splitParts } from '../../../src/core/metrics/split-metrics';
import type { ScoredSolution } from '../../../src/core/metrics/types';
import { formatEvalFile } from '../../../src/core/run/eval-file-write';
import { compareGoldens } from '../../fixtures/metrics/compare-goldens';

async function run(...argv: string[]) {
  let stdout = '';
  let stderr = '';
  const code = await runCli(argv, { stdout: (t) => void (stdout += t), stderr: (t) => void (stderr += t) });
  return { code, stdout, stderr };
}

const scratch = mkdtempSync(join(tmpdir(), 'verifier-lab-compare-'));
afterAll(() => rmSync(scratch, { recursive: true, force: true }));
function evalFile(name: string, solutions: readonly ScoredSolution[]): string {
  const path = join(scratch, name);
  writeFileSync(path, formatEvalFile(solutions, 'utg'));
  return path;
}

const METRICS = ['top1', 'bottom1', 'spearman', 'kendall', 'mae', 'r2'] as const;
const golden = compareGoldens.paired;
const fileA = evalFile('a.jsonl', golden.a);
const fileB = evalFile('b.jsonl', golden.b);

describe('verifier-lab compare --json', () => {
  it('prints, per shared split, a/b/diff/lo/hi/p_better for the six metrics, then problems and disagreements', async () => {
    const result = await run('compare', fileA, fileB, '--json', '--resamples', '500', '--seed', '7');
    expect(result).toMatchObject({ code: 0, stderr: '' });
    const json = JSON.parse(result.stdout);
    expect(Object.keys(json)).toEqual([golden.split]);
    const split = json[golden.split];
    expect(Object.keys(split)).toEqual([...METRICS, 'problems', 'disagreements']);
    const problemsA = groupProblemsBySplit(golden.a).get(golden.split)!;
    const problemsB = groupProblemsBySplit(golden.b).get(golden.split)!;
    expect(split.problems).toBe(problemsA.length);
    const core = pairedComparison(splitParts(problemsA, 'utg'), splitParts(problemsB, 'utg'), drawResampleIndices(problemsA.length, 500, 7));
    for (const name of METRICS) {
      expect(Object.keys(split[name])).toEqual(['a', 'b', 'diff', 'lo', 'hi', 'p_better']);
      // Point values do not depend on the draws: numpy's.
      for (const key of ['a', 'b', 'diff'] as const) expect(split[name][key], `${name} ${key}`).toBeCloseTo(golden.expected[name][key], 9);
      expect(split[name]).toMatchObject({ lo: core[name].lo, hi: core[name].hi, p_better: core[name].pBetter });
      expect(split[name].lo).toBeLessThanOrEqual(split[name].hi);
    }
    // B is the better verifier by construction (predictions nearer the truth).
    expect(split.mae.p_better).toBeGreaterThan(0.9);
    expect(split.disagreements.length).toBeGreaterThan(0);
    expect(Object.keys(split.disagreements[0])).toEqual(['task_id', 'spearman_a', 'spearman_b', 'top1_a', 'top1_b']);
  });

  it('is the same file compared with itself: zero differences, B never better', async () => {
    const json = JSON.parse((await run('compare', fileA, fileA, '--json', '--resamples', '100')).stdout)[golden.split];
    for (const name of METRICS) expect(json[name]).toMatchObject({ diff: 0, lo: 0, hi: 0, p_better: 0 });
    expect(json.disagreements).toEqual([]);
  });
});

describe('verifier-lab compare tables', () => {
  it('prints a text table by default and a Markdown table with --markdown', async () => {
    const text = await run('compare', fileA, fileB, '--resamples', '100');
    expect(text.code).toBe(0);
    expect(text.stdout).toMatch(/metric +A +B +B - A +95% CI +P\(B better\)/);
    expect(text.stdout).toMatch(/\nmae +\d\.\d{4} +\d\.\d{4} +-\d\.\d{4} +\[-\d\.\d{4}, [-+]\d\.\d{4}\] +\d\.\d{3}\n/);
    const md = await run('compare', fileA, fileB, '--resamples', '100', '--markdown');
    expect(md.stdout).toContain('| metric | A | B | B - A | 95% CI | P(B better) |\n| --- | ---: |');
    expect(md.stdout.split('\n').filter((l) => l.startsWith('| ')).length).toBe(8);
  });
});

describe('verifier-lab compare refusals', () => {
  it('exits 2 when the files share no split', async () => {
    const other = evalFile('other.jsonl', golden.a.map((s) => ({ ...s, split: 'DEMO' as const })));
    const result = await run('compare', fileA, other);
    expect(result.code).toBe(2);
    expect(result.stderr).toMatch(/share no split \(A: \w+; B: DEMO\)/);
  });

  it('exits 2 when a shared split holds different problems', async () => {
    const fewer = evalFile('fewer.jsonl', golden.b.filter((s) => s.taskId !== golden.b[0].taskId));
    const result = await run('compare', fileA, fewer);
    expect(result.code).toBe(2);
    expect(result.stderr).toMatch(/different problems \(1 only in A/);
  });

  it.each([
    [['x.jsonl'], /expected A\.jsonl and B\.jsonl, got 1/],
    [['x', 'y', '--method-b', 'llm'], /--method-b must be utg or reward/],
    [['x', 'y', '--json', '--markdown'], /exclude each other/],
  ])('refuses %j', async (args, message) => {
    const result = await run('compare', ...args);
    expect(result.code).toBe(2);
    expect(result.stderr).toMatch(message);
  });
});
