// `verifier-lab verify` on Parquet datasets (written here from our official-schema fixtures) on real Pyodide:
// every candidate agrees, exactly as for the same rows read from JSONL (io inputs come from the converted lines).
import { copyFileSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { runVerify } from '../../src/cli/commands/verify';
import { createNodePool } from '../../src/engine/node-pool';
import type { EnginePool } from '../../src/engine/pool-types';
import { jsonlToParquet } from '../fixtures/official-schema/to-parquet';

const dir = mkdtempSync(join(tmpdir(), 'vl-verify-parquet-'));
const fixture = (name: string) => new URL(`../fixtures/official-schema/${name}`, import.meta.url);
let pool: EnginePool;

beforeAll(async () => {
  pool = createNodePool({ size: 1 });
  await pool.ready();
});
afterAll(async () => {
  await pool?.close();
  rmSync(dir, { recursive: true, force: true });
});

describe('verify on Parquet datasets', () => {
  it('agrees on every candidate of HE-R+ and MBPP-R, as the JSONL files do', async () => {
    const files: string[] = [];
    for (const name of ['HE-R+', 'MBPP-R']) {
      copyFileSync(fixture(`${name}.jsonl`), join(dir, `${name}.jsonl`));
      writeFileSync(join(dir, `${name}.parquet`), jsonlToParquet(readFileSync(fixture(`${name}.jsonl`), 'utf8')));
      files.push(join(dir, `${name}.parquet`), join(dir, `${name}.jsonl`));
    }
    let stdout = '';
    let stderr = '';
    // A 1 s floor: this checks outcomes, and a loaded machine can turn a 0.1 s limit into a timeout.
    const io = { stdout: (t: string) => void (stdout += t), stderr: (t: string) => void (stderr += t) };
    const code = await runVerify([...files, '--json', '--limit-floor-ms', '1000'], io, { createPool: () => ({ ...pool, close: async () => {} }) });
    expect(code, stderr).toBe(0);
    type Report = { file: string; summary: { split: string; problems: number; candidates: number; agree: number; disagree: number; skipped: number } };
    const reports = (JSON.parse(stdout) as { files: Report[] }).files;
    const rows = reports.map(({ summary: s }) => [s.split, s.problems, s.candidates, s.agree, s.disagree + s.skipped]);
    expect(rows).toEqual([
      ['HE_plus', 6, 24, 24, 0],
      ['HE_plus', 6, 24, 24, 0],
      ['MBPP_base', 8, 31, 31, 0],
      ['MBPP_base', 8, 31, 31, 0],
    ]);
  });
});
