// The real executable: `node bin/verifier-lab.js` (tsx registered by the shim) as a user or script would run it.
import { execFile } from 'node:child_process';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { promisify } from 'node:util';
import { describe, expect, it } from 'vitest';
import { fixturePath, goldenCases } from '../../fixtures/metrics/goldens';

const ROOT = fileURLToPath(new URL('../../../', import.meta.url));
const BIN = join(ROOT, 'bin', 'verifier-lab.js');

async function spawnBin(...args: string[]): Promise<{ code: number; stdout: string; stderr: string }> {
  try {
    const { stdout, stderr } = await promisify(execFile)(process.execPath, [BIN, ...args], { cwd: ROOT });
    return { code: 0, stdout, stderr };
  } catch (error) {
    const failed = error as { code: number; stdout: string; stderr: string };
    return { code: failed.code, stdout: failed.stdout, stderr: failed.stderr };
  }
}

describe('bin/verifier-lab.js', () => {
  it('prints the goldens of the random fixture as JSON', { timeout: 30_000 }, async () => {
    const golden = goldenCases.find((c) => c.name === 'random-utg')!;
    const { code, stdout, stderr } = await spawnBin('metrics', 'tests/fixtures/metrics/random-utg.jsonl', '--json');
    expect({ code, stderr }).toEqual({ code: 0, stderr: '' });
    const json = JSON.parse(stdout) as Record<string, Record<string, number>>;
    expect(Object.keys(json)).toEqual(Object.keys(golden.expected));
    for (const [split, expected] of Object.entries(golden.expected)) {
      for (const [key, value] of Object.entries(expected)) expect(json[split][key], `${split} ${key}`).toBeCloseTo(value, 9);
    }
  });

  it('exits 2 naming the line of a malformed file', { timeout: 30_000 }, async () => {
    const lines = [readLine(0), readLine(1), '{"dataset": "HE_base", "task_id": "HumanEval/0", "rank": "two"}'];
    const dir = mkdtempSync(join(tmpdir(), 'verifier-lab-bin-'));
    const file = join(dir, 'malformed.jsonl');
    writeFileSync(file, `${lines.join('\n')}\n`);
    const { code, stdout, stderr } = await spawnBin('metrics', file);
    rmSync(dir, { recursive: true, force: true });
    expect(code).toBe(2);
    expect(stdout).toBe('');
    expect(stderr).toBe(`verifier-lab metrics: ${file}: line 3: field "rank" must be a positive integer (got "two")\n`);
  });
});

function readLine(index: number): string {
  return JSON.stringify({ dataset: 'HE_base', task_id: `HumanEval/${index}`, rank: 1, ground_average_test_score: 1, average_test_score: 1 });
}
