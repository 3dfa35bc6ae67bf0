// `verifier-lab metrics --ci`: per-split bootstrap intervals beside the unchanged fields, deterministic per seed.
import { describe, expect, it } from 'vitest';
import { runCli } from '../../../src/cli/run-cli';
import { bootstrapIntervals } from '../../../src/core/metrics/bootstrap';
import { groupProblemsBySplit } from '../../../src/core/metrics/group-problems';
import { drawResampleIndices } from '../../../src/core/metrics/resample';
import { splitParts } from '../../../src/core/metrics/split-metrics';
import { fixturePath, goldenCases } from '../../fixtures/metrics/goldens';

async function run(...argv: string[]) {
  let stdout = '';
  let stderr = '';
  const code = await runCli(argv, { stdout: (t) => void (stdout += t), stderr: (t) => void (stderr += t) });
  return { code, stdout, stderr };
}

const METRICS = ['top1', 'bottom1', 'spearman', 'kendall', 'mae', 'r2'] as const;
type Split = Record<string, number> & { ci: Record<string, [number, number]> };

describe('verifier-lab metrics --ci', () => {
  const golden = goldenCases.find((c) => c.name === 'random-reward')!;
  const file = fixturePath(golden.file);

  it('adds "ci" after the existing fields, and leaves them as they were', async () => {
    const plain = JSON.parse((await run('metrics', file, '--method', 'reward', '--json')).stdout) as Record<string, Record<string, number>>;
    const result = await run('metrics', file, '--method', 'reward', '--json', '--ci', '--resamples', '300', '--seed', '9');
    expect(result).toMatchObject({ code: 0, stderr: '' });
    const json = JSON.parse(result.stdout) as Record<string, Split>;
    expect(Object.keys(json)).toEqual(Object.keys(plain));
    for (const [split, values] of Object.entries(json)) {
      expect(Object.keys(values)).toEqual([...Object.keys(plain[split]), 'ci']);
      const { ci, ...rest } = values;
      expect(rest).toEqual(plain[split]);
      expect(Object.keys(ci)).toEqual([...METRICS]);
      // The same draws through the core: split problems in file order, seed 9, 300 resamples.
      const problems = groupProblemsBySplit(golden.solutions).get(split as never)!;
      const expected = bootstrapIntervals(splitParts(problems, 'reward'), drawResampleIndices(problems.length, 300, 9));
      for (const name of METRICS) {
        expect(ci[name]).toEqual([expected[name].low, expected[name].high]);
        expect(ci[name][0]).toBeLessThanOrEqual(ci[name][1]);
      }
      expect(ci.top1[1] - ci.top1[0]).toBeGreaterThan(0);
    }
  });

  it('is deterministic for a seed and changes with it', async () => {
    const once = await run('metrics', file, '--method', 'reward', '--json', '--ci', '--resamples', '200', '--seed', '3');
    expect((await run('metrics', file, '--method', 'reward', '--json', '--ci', '--resamples', '200', '--seed', '3')).stdout).toBe(once.stdout);
    expect((await run('metrics', file, '--method', 'reward', '--json', '--ci', '--resamples', '200', '--seed', '4')).stdout).not.toBe(once.stdout);
  });

  it('prints the intervals under the table without --json', async () => {
    const { code, stdout } = await run('metrics', file, '--method', 'reward', '--ci', '--resamples', '100');
    expect(code).toBe(0);
    expect(stdout).toContain('95% bootstrap intervals (100 resamples of problems, seed 0)');
    expect(stdout).toMatch(/HE_plus +\[\d\.\d{4}, \d\.\d{4}\]/);
  });

  it.each([
    [['--resamples', '100'], /--resamples and --seed need --ci/],
    [['--ci', '--resamples', '0'], /--resamples must be a whole number from 1/],
    [['--ci', '--resamples', '1e3'], /--resamples must be a whole number/],
    [['--ci', '--seed=-1'], /--seed must be a whole number from 0 to 4294967295/],
    [['--ci', '--seed', '4294967296'], /--seed must be/],
  ])('refuses %j with exit 2', async (extra, message) => {
    const result = await run('metrics', file, '--method', 'reward', ...extra);
    expect(result.code).toBe(2);
    expect(result.stderr).toMatch(message);
  });
});
