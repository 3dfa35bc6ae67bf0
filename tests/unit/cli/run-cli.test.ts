// The CLI in-process: dispatch, usage, exit codes, and `metrics` output against the scipy goldens.
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import type { CliCommand } from '../../../src/cli/cli-io';
import { runCli } from '../../../src/cli/run-cli';
import { fixturePath, goldenCases } from '../../fixtures/metrics/goldens';

async function run(...argv: string[]) {
  let stdout = '';
  let stderr = '';
  const code = await runCli(argv, { stdout: (t) => void (stdout += t), stderr: (t) => void (stderr += t) });
  return { code, stdout, stderr };
}

const scratch = mkdtempSync(join(tmpdir(), 'verifier-lab-cli-'));
afterAll(() => rmSync(scratch, { recursive: true, force: true }));
function scratchFile(name: string, text: string): string {
  const path = join(scratch, name);
  writeFileSync(path, text);
  return path;
}

const METRIC_KEYS = ['top1', 'bottom1', 'spearman', 'kendall', 'mae', 'r2', 'problems', 'solutions'];

describe('verifier-lab metrics --json', () => {
  it.each(goldenCases.map((c) => [c.file, c] as const))('%s matches the goldens', async (file, golden) => {
    const result = await run('metrics', fixturePath(file), '--method', golden.method, '--json');
    expect(result).toMatchObject({ code: 0, stderr: '' });
    const json = JSON.parse(result.stdout) as Record<string, Record<string, number>>;
    expect(Object.keys(json)).toEqual(Object.keys(golden.expected));
    for (const [split, expected] of Object.entries(golden.expected)) {
      expect(Object.keys(json[split])).toEqual(METRIC_KEYS);
      for (const key of METRIC_KEYS) expect(json[split][key], `${split} ${key}`).toBeCloseTo(expected[key as keyof typeof expected], 9);
    }
  });
});

describe('verifier-lab metrics table', () => {
  it('prints one row per split with counts and 4-decimal metrics', async () => {
    const { code, stdout } = await run('metrics', fixturePath('random-utg.jsonl'));
    expect(code).toBe(0);
    const expected = goldenCases.find((c) => c.name === 'random-utg')!.expected;
    const rows = stdout.trim().split('\n').slice(2);
    expect(rows[0].split(/\s+/)).toEqual(['split', 'problems', 'solutions', 'top1', 'bottom1', 'spearman', 'kendall', 'mae', 'r2']);
    const he = rows.find((row) => row.startsWith('HE_plus'))!.split(/\s+/);
    expect(he.slice(1, 3)).toEqual([String(expected.HE_plus!.problems), String(expected.HE_plus!.solutions)]);
    expect(he[3]).toBe(expected.HE_plus!.top1.toFixed(4));
    expect(he[8]).toBe(expected.HE_plus!.r2.toFixed(4));
  });
});

describe('usage and bad input', () => {
  it('prints usage for --help (exit 0) and for no arguments (exit 2, on stderr)', async () => {
    const help = await run('--help');
    expect(help.code).toBe(0);
    expect(help.stdout).toContain('metrics');
    const none = await run();
    expect(none).toMatchObject({ code: 2, stdout: '' });
    expect(none.stderr).toContain('Usage: verifier-lab <command>');
    const sub = await run('help', 'metrics');
    expect(sub.code).toBe(0);
    expect(sub.stdout).toContain('--method utg|reward');
    expect((await run('metrics', '--help')).stdout).toBe(sub.stdout);
  });

  it.each([
    ['unknown command', ['frobnicate'], /unknown command "frobnicate"/],
    ['unknown option', ['metrics', 'x.jsonl', '--frob'], /Unknown option '--frob'/],
    ['bad method', ['metrics', 'x.jsonl', '--method', 'llm'], /--method must be utg or reward \(got "llm"\)/],
    ['no file', ['metrics'], /expected one FILE\.jsonl, got 0/],
    ['missing file', ['metrics', join(scratch, 'absent.jsonl')], /cannot read .*absent\.jsonl: no such file/],
    ['directory', ['metrics', scratch], /is a directory/],
  ])('%s: exit 2 with a one-line message', async (_label, argv, pattern) => {
    const { code, stdout, stderr } = await run(...argv);
    expect(code).toBe(2);
    expect(stdout).toBe('');
    expect(stderr).toMatch(pattern);
    expect(stderr.trimEnd().split('\n')).toHaveLength(1);
  });

  it('names the line of a malformed file, and hints at the other method', async () => {
    const good = '{"dataset":"HE_base","task_id":"t","rank":1,"ground_average_test_score":1,"average_test_score":1}';
    const file = scratchFile('bad.jsonl', `${good}\n\n${good.replace('"rank":1,', '')}\n`);
    const bad = await run('metrics', file);
    expect(bad.code).toBe(2);
    expect(bad.stderr).toBe(`verifier-lab metrics: ${file}: line 3: missing field "rank"\n`);
    const wrongMethod = await run('metrics', fixturePath('perfect.jsonl'), '--method', 'reward');
    expect(wrongMethod.stderr).toContain('line 1: missing field "reward.reward_score" (is this a --method utg file?)');
  });

  it('refuses a file without evaluation lines', async () => {
    const { code, stderr } = await run('metrics', scratchFile('empty.jsonl', '\n\n'));
    expect(code).toBe(2);
    expect(stderr).toMatch(/no evaluation lines/);
  });

  it('reports an unexpected failure with exit 1', async () => {
    const broken: CliCommand = { name: 'broken', summary: 's', usage: 'u', run: () => Promise.reject(new Error('boom')) };
    let stderr = '';
    const code = await runCli(['broken'], { stdout: () => undefined, stderr: (t) => void (stderr += t) }, [broken]);
    expect(code).toBe(1);
    expect(stderr).toMatch(/^verifier-lab broken: unexpected error: Error: boom/);
  });
});
