// CLI commands read Parquet datasets by content: bad rows and broken files exit 2 naming the file and row before
// any worker starts, and a JSONL file named .parquet is still read as JSONL.
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { runCli } from '../../../src/cli/run-cli';
import { jsonlToParquet } from '../../fixtures/official-schema/to-parquet';

const dir = mkdtempSync(join(tmpdir(), 'vl-parquet-cli-'));
afterAll(() => rmSync(dir, { recursive: true, force: true }));
const jsonl = readFileSync(new URL('../../fixtures/official-schema/MBPP-R.jsonl', import.meta.url), 'utf8');

async function cli(...argv: string[]) {
  let stdout = '';
  let stderr = '';
  const code = await runCli(argv, { stdout: (t) => (stdout += t), stderr: (t) => (stderr += t) });
  return { code, stdout, stderr };
}

describe('CLI: Parquet dataset files', () => {
  it('verify and score name the row of a bad Parquet row', async () => {
    const rows = jsonl.split('\n');
    rows[4] = rows[4]!.replace(/("rank": 3, "average_test_score": )[\d.]+/, '$1-0.25');
    const file = join(dir, 'MBPP-R.parquet');
    writeFileSync(file, jsonlToParquet(rows.join('\n')));
    const message = `${file}: row 5: field "all_solutions[2].average_test_score" must be a number in [0, 1], got -0.25\n`;
    const verify = await cli('verify', file);
    expect(verify.code).toBe(2);
    expect(verify.stderr).toBe(`verifier-lab verify: ${message}`);
    const score = await cli('score', file, '--tests', join(dir, 'unused.jsonl'));
    expect(score.code).toBe(2);
    expect(score.stderr).toBe(`verifier-lab score: ${message}`);
  });

  it('refuses a cut-off Parquet file, and reads a JSONL file named .parquet as JSONL', async () => {
    const bytes = jsonlToParquet(jsonl);
    const cut = join(dir, 'cut.parquet');
    writeFileSync(cut, bytes.subarray(0, bytes.length >> 1));
    const r = await cli('verify', cut, '--split', 'MBPP-R');
    expect(r.code).toBe(2);
    expect(r.stderr).toMatch(/cut\.parquet: the Parquet file is incomplete: .* \(was it cut off\?\)\n$/);

    const named = join(dir, 'named.parquet');
    writeFileSync(named, '{"task_id": 1}\n');
    const j = await cli('verify', named, '--split', 'MBPP-R');
    expect(j.code).toBe(2);
    expect(j.stderr).toContain('named.parquet: line 1: ');
  });
});
