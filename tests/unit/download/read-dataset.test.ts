// readDataset: one validated dataset or one clear error (truncated, markup, checksum, bad line with its number).
import { createHash } from 'node:crypto';
import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { DatasetParseError } from '../../../src/core/dataset/errors';
import { parseDatasetText } from '../../../src/core/dataset/parse-dataset';
import { DownloadError } from '../../../src/core/download/errors';
import { readDataset, type ReadProgress } from '../../../src/core/download/read-dataset';
import { byteChunks, encoder, noWait } from './helpers';

const FILE = new URL('../../fixtures/official-schema/HE-R+.jsonl', import.meta.url);
const bytes = readFileSync(FILE);
const text = bytes.toString('utf8');
const sha = createHash('sha256').update(bytes).digest('hex');

describe('readDataset', () => {
  it('parses while reading and returns text, size and hash identical to the file', async () => {
    const seen: ReadProgress[] = [];
    const result = await readDataset(byteChunks(bytes, 333), { name: 'HE-R+', exactBytes: bytes.length, yieldFn: noWait, onProgress: (p) => seen.push(p) });
    expect(result.text).toBe(text);
    expect(result.bytes).toBe(bytes.length);
    expect(result.sha256).toBe(sha);
    expect(result.dataset).toEqual(parseDatasetText(text, { name: 'HE-R+' }));
    // Progress rises monotonically to exactly 1, and lines were counted while bytes were still arriving.
    const fractions = seen.map((p) => p.fraction!);
    expect(fractions).toEqual([...fractions].sort((a, b) => a - b));
    expect(seen.at(-1)).toMatchObject({ received: bytes.length, total: bytes.length, fraction: 1, lines: 6 });
    expect(seen.some((p) => p.fraction! < 1 && p.lines > 0)).toBe(true);
  });

  it('estimates progress from approxBytes when the size is unknown', async () => {
    const seen: ReadProgress[] = [];
    await readDataset(byteChunks(bytes, 1000), { name: 'HE-R+', approxBytes: 5000, yieldFn: noWait, onProgress: (p) => seen.push(p) });
    expect(seen[0]).toMatchObject({ estimated: true, total: 5000, fraction: 0.2 });
    expect(seen.at(-1)).toMatchObject({ estimated: false, fraction: 1, total: bytes.length });
  });

  it('reports a body shorter than its announced size as truncated, not as a parse error', async () => {
    const half = bytes.subarray(0, Math.floor(bytes.length / 2));
    const error = await readDataset(byteChunks(half, 500), { name: 'HE-R+', exactBytes: bytes.length, yieldFn: noWait }).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(DownloadError);
    expect(error).toMatchObject({ kind: 'truncated', message: `the transfer ended after ${half.length} of ${bytes.length} bytes: the file is incomplete` });
  });

  it('turns a failing byte source into a truncated transfer naming the bytes received', async () => {
    async function* broken() {
      yield bytes.subarray(0, 100);
      throw new TypeError('network error');
    }
    await expect(readDataset(broken(), { name: 'HE-R+', exactBytes: bytes.length, yieldFn: noWait })).rejects.toThrow(
      `the transfer broke off after 100 bytes of ${bytes.length}: network error`,
    );
  });

  it('passes an abort through unchanged', async () => {
    const abort = new DOMException('stopped', 'AbortError');
    async function* aborted() {
      yield bytes.subarray(0, 100);
      throw abort;
    }
    await expect(readDataset(aborted(), { name: 'HE-R+', yieldFn: noWait })).rejects.toBe(abort);
  });

  it('refuses a web page even when it was labelled as text', async () => {
    await expect(readDataset(byteChunks('\n<!doctype html><p>error</p>', 8), { name: 'HE-R+', yieldFn: noWait })).rejects.toMatchObject({ kind: 'content-type' });
  });

  it('checks the expected sha256', async () => {
    const ok = await readDataset(byteChunks(bytes, 4096), { name: 'HE-R+', expectedSha256: sha.toUpperCase(), yieldFn: noWait });
    expect(ok.sha256).toBe(sha);
    await expect(readDataset(byteChunks(bytes, 4096), { name: 'HE-R+', expectedSha256: '0'.repeat(64), yieldFn: noWait })).rejects.toMatchObject({
      kind: 'checksum',
      message: `sha256 mismatch: expected 000000000000…, got ${sha.slice(0, 12)}… (a different or damaged file)`,
    });
  });

  it('names the line of a malformed line', async () => {
    const lines = text.split('\n');
    lines[3] = '{"task_id": "SynthHE/3", "prompt": 5}';
    const error = await readDataset(byteChunks(lines.join('\n'), 700), { name: 'HE-R+', yieldFn: noWait }).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(DatasetParseError);
    expect(error).toMatchObject({ line: 4, field: 'prompt' });
  });

  it('says a file ending inside its last line may have been cut off', async () => {
    const cut = text.slice(0, text.indexOf('\n', text.length / 2) - 30);
    const error = (await readDataset(byteChunks(cut, 512), { name: 'HE-R+', yieldFn: noWait }).catch((e: unknown) => e)) as DatasetParseError;
    expect(error).toBeInstanceOf(DatasetParseError);
    expect(error.line).toBe(cut.split('\n').length);
    expect(error.message).toMatch(/^line \d+: .*\(the file ends inside this line: was it cut off\?\)$/);
    // A bad last line that does end with a newline gets no such hint.
    const whole = `${text}{"broken\n`;
    const other = (await readDataset(byteChunks(whole, 512), { name: 'HE-R+', yieldFn: noWait }).catch((e: unknown) => e)) as Error;
    expect(other.message).not.toMatch(/cut off/);
  });

  it('rejects an empty file as a dataset with no problems', async () => {
    await expect(readDataset(byteChunks(encoder.encode('\n\n'), 1), { name: 'MBPP-R', yieldFn: noWait })).rejects.toThrow(/no problems/);
  });
});
