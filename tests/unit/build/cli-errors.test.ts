// `verifier-lab build` / `verify` reject bad input before any worker starts: exit 2 with a message naming
// the file and line; nothing is written.
import { existsSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { runCli } from '../../../src/cli/run-cli';
import { buildFixturePath as fx } from './fixtures';

const dir = mkdtempSync(join(tmpdir(), 'vl-cli-'));
afterAll(() => rmSync(dir, { recursive: true, force: true }));

async function cli(...argv: string[]) {
  let stdout = '';
  let stderr = '';
  const code = await runCli(argv, { stdout: (t) => (stdout += t), stderr: (t) => (stderr += t) });
  return { code, stdout, stderr };
}

describe('build: bad input', () => {
  const out = join(dir, 'out.jsonl');
  const base = [fx('tiny-mbpp.jsonl'), '--split', 'base', '--out', out];

  it('requires pools, a split and an output', async () => {
    expect((await cli('build', fx('tiny-mbpp.jsonl'), '--split', 'base', '--out', out)).stderr).toContain('at least one --pool FILE is required');
    expect((await cli('build', fx('tiny-mbpp.jsonl'), '--pool', 'p', '--out', out)).stderr).toContain('--split must be base or plus');
    expect((await cli('build', fx('tiny-mbpp.jsonl'), '--pool', 'p', '--split', 'base')).stderr).toContain('--out FILE is required');
    expect((await cli('build', ...base, '--pool', fx('tiny-mbpp-pool.jsonl'), '--compare', 'exact')).code).toBe(2);
  });

  it('names the file and line of a malformed pool line', async () => {
    const pool = join(dir, 'bad-pool.jsonl');
    writeFileSync(pool, '{"task_id": "T/1", "code": "x"}\n{"task_id": "T/1", "code": 5}\n');
    const r = await cli('build', ...base, '--pool', pool);
    expect(r.code).toBe(2);
    expect(r.stderr).toBe(`verifier-lab build: ${pool}: line 2: field "code" must be a string, got 5\n`);
    expect(existsSync(out)).toBe(false);
  });

  it('refuses a split the benchmark cannot give and a pool that joins nothing', async () => {
    const plus = await cli('build', fx('tiny-mbpp.jsonl'), '--pool', fx('tiny-mbpp-pool.jsonl'), '--split', 'plus', '--out', out);
    expect(plus.stderr).toContain('MBPP has no plus inputs');
    const stranger = join(dir, 'stranger.jsonl');
    writeFileSync(stranger, '{"task_id": "Z/1", "code": "x"}\n');
    const none = await cli('build', ...base, '--pool', stranger);
    expect(none.code).toBe(2);
    expect(none.stderr).toContain('no pool candidate joined any benchmark problem');
    expect((await cli('build', ...base, '--pool', fx('tiny-mbpp-pool.jsonl'), '--tasks', 'T/1,T/9')).stderr).toContain('no such task id in the benchmark: T/9');
  });

  it('reports a missing or non-gzip file', async () => {
    expect((await cli('build', join(dir, 'nope.jsonl'), '--pool', 'p', '--split', 'base', '--out', out)).stderr).toContain('no such file');
    const fake = join(dir, 'fake.jsonl.gz');
    writeFileSync(fake, 'not gzip');
    expect((await cli('build', fake, '--pool', 'p', '--split', 'base', '--out', out)).stderr).toContain('not valid gzip');
  });
});

describe('verify: bad input', () => {
  it('names the line of a malformed dataset and rejects unknown splits', async () => {
    const bad = join(dir, 'Demo-R.jsonl');
    writeFileSync(bad, '{"task_id": "Demo/0"}\n');
    const r = await cli('verify', bad);
    expect(r.code).toBe(2);
    expect(r.stderr).toMatch(/Demo-R\.jsonl: line 1: /);
    expect((await cli('verify', bad, '--split', 'HE_extra')).stderr).toContain('--split must be');
    expect((await cli('verify')).stderr).toContain('expected at least one DATASET.jsonl');
  });

  it('prints usage with --help', async () => {
    const r = await cli('verify', '--help');
    expect(r.code).toBe(0);
    expect(r.stdout).toContain('Usage: verifier-lab verify');
    expect((await cli('build', '--help')).stdout).toContain('Usage: verifier-lab build');
  });
});
