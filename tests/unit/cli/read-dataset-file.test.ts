// The CLI's dataset reader applies the app's size caps: an over-long line or an oversized file (plain or .gz, read
// only as far as the cap) becomes one CliUsageError naming the file, the line and both sizes.
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { gzipSync } from 'node:zlib';
import { afterAll, describe, expect, it } from 'vitest';
import { CliUsageError } from '../../../src/cli/cli-io';
import { readDatasetFile } from '../../../src/cli/read-dataset-file';

const scratch = mkdtempSync(join(tmpdir(), 'verifier-lab-read-dataset-'));
afterAll(() => rmSync(scratch, { recursive: true, force: true }));
const file = (name: string, content: string | Buffer) => {
  const path = join(scratch, name);
  writeFileSync(path, content);
  return path;
};
const MBPP = readFileSync(new URL('../../fixtures/official-schema/MBPP-R.jsonl', import.meta.url), 'utf8');
const limits = { maxLineBytes: 1_000_000, maxFileBytes: 2_000_000 };
const longLine = `{"task_id": "${'x'.repeat(1_200_000)}"}`;

async function failure(path: string, options = { limits }): Promise<string> {
  const error = await readDatasetFile(path, options).catch((e: unknown) => e);
  expect(error).toBeInstanceOf(CliUsageError);
  return (error as Error).message;
}

describe('readDatasetFile and the size caps', () => {
  it('names an over-long line, plain or gzipped', async () => {
    const text = `${MBPP}${longLine}\n`;
    const expected = 'line 9: 1.2 MB (1,200,015 bytes), over the limit of 1.0 MB per line';
    expect(await failure(file('long-line.jsonl', text))).toBe(`${join(scratch, 'long-line.jsonl')}: ${expected}`);
    expect(await failure(file('long-line.jsonl.gz', gzipSync(text)))).toMatch(expected);
  });

  it('refuses an oversized file by its size without parsing it; a .gz is decompressed only up to the cap', async () => {
    const big = `${'\n'.repeat(2_500_000)}not json\n`;
    expect(await failure(file('big.jsonl', big))).toMatch(/big\.jsonl: the file is 2\.5 MB \(2,500,009 bytes\), over the limit of 2\.0 MB per file$/);
    expect(await failure(file('big.jsonl.gz', gzipSync(big)))).toMatch(/big\.jsonl\.gz: the file is at least 2\.0 MB \(2,000,001 bytes\), over the limit of 2\.0 MB \(2,000,000 bytes\) per file$/);
  });

  it('reads the official-size fixtures under the default caps', async () => {
    const dataset = await readDatasetFile(file('MBPP-R.jsonl', MBPP));
    expect(dataset.problems).toHaveLength(8);
  });
});
