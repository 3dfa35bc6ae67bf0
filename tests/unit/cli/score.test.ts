// `verifier-lab score` bad input: one-line messages with the line number, exit 2, before any worker starts.
import { mkdtempSync, rmSync, writeFileSync, existsSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { runScore } from '../../../src/cli/commands/score';
import { runCli } from '../../../src/cli/run-cli';
import { scoreCommand } from '../../../src/cli/commands/score';

const DEMO = 'static-datasets/demo/Demo-R.jsonl';
const scratch = mkdtempSync(join(tmpdir(), 'verifier-lab-score-unit-'));
afterAll(() => rmSync(scratch, { recursive: true, force: true }));
const file = (name: string, text: string) => {
  const path = join(scratch, name);
  writeFileSync(path, text);
  return path;
};

async function run(...argv: string[]) {
  let stdout = '';
  let stderr = '';
  const code = await runCli(['score', ...argv], { stdout: (t) => void (stdout += t), stderr: (t) => void (stderr += t) }, [scoreCommand]);
  return { code, stdout, stderr };
}

const GOOD = '{"task_id": "Demo/0", "tests": ["assert True"]}\n';

describe('verifier-lab score: bad input exits 2 with one line', () => {
  it.each([
    ['no --tests', [DEMO], /--tests TESTS.jsonl is required/],
    ['two datasets', [DEMO, DEMO, '--tests', 'x'], /expected one DATASET.jsonl, got 2/],
    ['a missing tests file', [DEMO, '--tests', join(scratch, 'absent.jsonl')], /cannot read .*absent.jsonl: no such file/],
    ['a bad --split', [DEMO, '--split', 'HE', '--tests', 'x'], /--split must be/],
    ['a bad --timeout-ms', [DEMO, '--tests', 'x', '--timeout-ms', 'soon'], /--timeout-ms must be/],
    ['a bad --compare', [DEMO, '--tests', 'x', '--compare', 'exact'], /--compare must be paper or evalplus/],
    ['an unknown option', [DEMO, '--tests', 'x', '--fast'], /Unknown option '--fast'/],
  ])('%s', async (_name, args, message) => {
    const result = await run(...(args as string[]));
    expect(result.code).toBe(2);
    expect(result.stdout).toBe('');
    expect(result.stderr).toMatch(message as RegExp);
    expect(result.stderr.trim().split('\n')).toHaveLength(1);
  });

  it.each([
    ['invalid JSON', `${GOOD}${GOOD}{"task_id": "Demo/1", "tests": [}\n`, /tests.*: line 3: not valid JSON/],
    ['tests not strings', `${GOOD}\n{"task_id": "Demo/1", "tests": [1]}\n`, /: line 3: "tests" must be an array of strings/],
    ['no tests field', `{"task_id": "Demo/1"}\n`, /: line 1: expected "tests", "response"/],
    ['a bad shown_rank', `${GOOD}{"task_id": "Demo/1", "shown_rank": -1, "tests": []}\n`, /: line 2: "shown_rank" must be a whole number >= 0/],
    ['mixed shared and per-candidate tests', `${GOOD}{"task_id": "Demo/0", "shown_rank": 2, "tests": []}\n`, /task Demo\/0 mixes shared tests/],
    ['no task of the dataset', `{"task_id": "HumanEval/0", "tests": ["assert True"]}\n`, /none of its 1 tasks is a problem of/],
  ])('a tests file with %s', async (_name, text, message) => {
    const tests = file(`tests-${Math.random().toString(36).slice(2)}.jsonl`, text as string);
    const out = join(scratch, 'never.jsonl');
    const result = await run(DEMO, '--tests', tests, '--out', out);
    expect(result.code).toBe(2);
    expect(result.stderr).toMatch(message as RegExp);
    expect(result.stderr.trim().split('\n')).toHaveLength(1);
    expect(existsSync(out)).toBe(false);
  });

  it('a dataset with a bad line names it', async () => {
    const dataset = file('Demo-R.jsonl', '{"task_id": "Demo/0"}\n');
    const result = await run(dataset, '--tests', file('t.jsonl', GOOD));
    expect(result.code).toBe(2);
    expect(result.stderr).toMatch(/Demo-R.jsonl: line 1: /);
  });

  it('no worker starts on bad input', async () => {
    const io = { stdout: () => {}, stderr: () => {} };
    const createPool = () => {
      throw new Error('a pool was created');
    };
    await expect(runScore([DEMO, '--tests', file('bad.jsonl', 'nope\n')], io, { createPool })).rejects.toThrow(/line 1: not valid JSON/);
  });
});
