// `verifier-lab datasets-fetch` against the local dataset server: files and sha256 written, failures write nothing.
import { execFile } from 'node:child_process';
import { createHash } from 'node:crypto';
import { existsSync, mkdtempSync, readdirSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { promisify } from 'node:util';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { runCli } from '../../../src/cli/run-cli';
import { startDatasetServer, type DatasetServer } from '../../servers/dataset-server';

const ROOT = fileURLToPath(new URL('../../../', import.meta.url));
let server: DatasetServer;
const dirs: string[] = [];
beforeAll(async () => {
  server = await startDatasetServer();
});
afterAll(async () => {
  await server.close();
  for (const dir of dirs) rmSync(dir, { recursive: true, force: true });
});

function tempDir(): string {
  const dir = mkdtempSync(join(tmpdir(), 'verifier-lab-fetch-'));
  dirs.push(dir);
  return dir;
}

async function run(...args: string[]) {
  const out: string[] = [];
  const err: string[] = [];
  const code = await runCli(['datasets-fetch', ...args], { stdout: (t) => out.push(t), stderr: (t) => err.push(t) });
  return { code, stdout: out.join(''), stderr: err.join('') };
}

const sha = (bytes: Buffer) => createHash('sha256').update(bytes).digest('hex');

describe('datasets-fetch', () => {
  it('writes every official file and its sha256 from a mirror', async () => {
    const dir = tempDir();
    const { code, stdout, stderr } = await run('--to', dir, '--base-url', server.base('ok'));
    expect(code, stderr).toBe(0);
    expect(readdirSync(dir).sort()).toEqual(['HE-R+.jsonl', 'HE-R+.jsonl.sha256', 'HE-R.jsonl', 'HE-R.jsonl.sha256', 'MBPP-R+.jsonl', 'MBPP-R+.jsonl.sha256', 'MBPP-R.jsonl', 'MBPP-R.jsonl.sha256']);
    for (const file of ['HE-R.jsonl', 'HE-R+.jsonl', 'MBPP-R.jsonl', 'MBPP-R+.jsonl']) {
      const bytes = readFileSync(join(dir, file));
      expect(bytes.equals(server.bytes(file)), file).toBe(true);
      expect(readFileSync(join(dir, `${file}.sha256`), 'utf8')).toBe(`${sha(bytes)}  ${file}\n`);
    }
    // MBPP-R's fixture has 3 + (i % 3) solutions for problems i = 0..7.
    const solutions = Array.from({ length: 8 }, (_, i) => 3 + (i % 3)).reduce((a, b) => a + b);
    expect(stdout).toContain(`MBPP-R: 8 problems, ${solutions} solutions, ${server.bytes('MBPP-R.jsonl').length} bytes, sha256 ${sha(server.bytes('MBPP-R.jsonl'))}`);
    expect(stderr).toMatch(/^License: NSCLv1/);
    expect(server.requests).toContain('/ok/HE-R+.jsonl');
  });

  it('fetches only the chosen ids, with estimated progress when there is no Content-Length', async () => {
    const dir = tempDir();
    const { code, stderr } = await run('--to', dir, '--base-url', server.base('chunked'), '--only', 'MBPP-R+,HE-R');
    expect(code).toBe(0);
    expect(readdirSync(dir).filter((f) => f.endsWith('.jsonl')).sort()).toEqual(['HE-R.jsonl', 'MBPP-R+.jsonl']);
    expect(stderr).toMatch(/HE-R: 0% \(estimated\)/);
  });

  it('exits 1 and leaves nothing for 404s, truncated bodies and malformed lines', async () => {
    for (const [behaviour, message] of [
      ['404', /HE-R: failed: the server answered HTTP 404 Not Found/],
      ['truncate', /HE-R: failed: the transfer (broke off|ended) after/],
      ['malformed', /HE-R: failed: line 3: /],
      ['html', /HE-R: failed: the server sent a web page/],
    ] as const) {
      const dir = tempDir();
      const { code, stderr } = await run('--to', dir, '--base-url', server.base(behaviour), '--only', 'HE-R');
      expect(code, behaviour).toBe(1);
      expect(stderr).toMatch(message);
      expect(readdirSync(dir), behaviour).toEqual([]);
    }
  });

  it('exits 2 on bad options', async () => {
    expect(await run('--only', 'HE-X')).toMatchObject({ code: 2, stderr: expect.stringMatching(/unknown dataset id\(s\) "HE-X"; known: HE-R, HE-R\+, MBPP-R, MBPP-R\+/) });
    expect(await run('--base-url', 'ftp://x/')).toMatchObject({ code: 2, stderr: expect.stringMatching(/--base-url: base URL must be http\(s\)/) });
    expect(await run('extra')).toMatchObject({ code: 2 });
  });

  it('runs as `npm run datasets:fetch -- --to DIR`', { timeout: 60_000 }, async () => {
    const dir = tempDir();
    const { stdout } = await promisify(execFile)('npm', ['run', '--silent', 'datasets:fetch', '--', '--to', dir, '--base-url', server.base('ok'), '--only', 'MBPP-R'], { cwd: ROOT });
    expect(stdout).toMatch(/^MBPP-R: 8 problems/);
    expect(existsSync(join(dir, 'MBPP-R.jsonl.sha256'))).toBe(true);
  });
});
