// downloadDataset against the local dataset server over Node's real fetch: every scripted failure, and abort.
import { createHash } from 'node:crypto';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { DatasetParseError } from '../../../src/core/dataset/errors';
import { downloadDataset, type DownloadOptions } from '../../../src/core/download/download-dataset';
import { DownloadError } from '../../../src/core/download/errors';
import { officialFileUrl } from '../../../src/core/download/official-manifest';
import type { ReadProgress } from '../../../src/core/download/read-dataset';
import { startDatasetServer, type Behaviour, type DatasetServer } from '../../servers/dataset-server';
import { noWait } from './helpers';

let server: DatasetServer;
beforeAll(async () => {
  server = await startDatasetServer();
});
afterAll(() => server.close());

const FILE = 'MBPP-R+.jsonl';
const options = (extra: Partial<DownloadOptions<AbortSignal>> = {}): DownloadOptions<AbortSignal> => ({ fetch, name: 'MBPP-R+', split: 'MBPP_plus', yieldFn: noWait, ...extra });
const url = (behaviour: Behaviour, file = FILE) => officialFileUrl(server.base(behaviour), file);
const failure = (behaviour: Behaviour, extra?: Partial<DownloadOptions<AbortSignal>>) => downloadDataset(url(behaviour), options(extra)).catch((e: unknown) => e);

describe('downloadDataset', () => {
  it('downloads, parses and hashes a good file, asking for the %2B-encoded name', async () => {
    const seen: ReadProgress[] = [];
    const result = await downloadDataset(url('ok'), options({ onProgress: (p) => seen.push(p) }));
    const bytes = server.bytes(FILE);
    expect(result.sha256).toBe(createHash('sha256').update(bytes).digest('hex'));
    expect(result.bytes).toBe(bytes.length);
    expect(result.dataset.problems).toHaveLength(5);
    expect(seen.at(-1)).toMatchObject({ received: bytes.length, total: bytes.length, fraction: 1, estimated: false });
    expect(server.requests.at(-1)).toBe(`/ok/${FILE}`);
    expect(url('ok')).toMatch(/MBPP-R%2B\.jsonl$/);
  });

  it('shows estimated progress for a chunked body without Content-Length', async () => {
    const seen: ReadProgress[] = [];
    const result = await downloadDataset(url('chunked'), options({ approxBytes: 20_000, onProgress: (p) => seen.push(p) }));
    expect(result.bytes).toBe(server.bytes(FILE).length);
    expect(seen[0]).toMatchObject({ estimated: true, total: 20_000 });
    expect(seen.at(-1)).toMatchObject({ fraction: 1, estimated: false });
  });

  it('reports HTTP errors with their status', async () => {
    const error = await failure('404');
    expect(error).toBeInstanceOf(DownloadError);
    expect(error).toMatchObject({ kind: 'http-status', status: 404, message: `the server answered HTTP 404 Not Found for ${url('404')}` });
  });

  it('refuses an HTML page, by its Content-Type or by its content', async () => {
    expect(await failure('html')).toMatchObject({ kind: 'content-type', message: expect.stringMatching(/^the server sent a web page/) });
    expect(await failure('html-as-text')).toMatchObject({ kind: 'content-type', message: expect.stringMatching(/starts with "<"/) });
  });

  it('detects a dropped connection (fewer bytes than Content-Length)', async () => {
    const error = await failure('truncate');
    expect(error).toBeInstanceOf(DownloadError);
    expect(error).toMatchObject({ kind: 'truncated' });
    expect((error as Error).message).toMatch(new RegExp(`^the transfer (broke off|ended) after \\d+ (bytes )?of ${server.bytes(FILE).length}`));
  });

  it('names the line of a body that ends cleanly mid-line, and of a malformed line', async () => {
    const cut = (await failure('cut')) as DatasetParseError;
    expect(cut).toBeInstanceOf(DatasetParseError);
    expect(cut.message).toMatch(/was it cut off\?/);
    const malformed = (await failure('malformed')) as DatasetParseError;
    expect(malformed).toBeInstanceOf(DatasetParseError);
    expect(malformed.line).toBe(3);
    expect(malformed.message).toMatch(/^line 3: /);
  });

  it('rejects invalid UTF-8', async () => {
    expect(await failure('bad-utf8')).toMatchObject({ kind: 'encoding' });
  });

  it('says when the server cannot be reached', async () => {
    const error = await downloadDataset('http://127.0.0.1:9/none.jsonl', options()).catch((e: unknown) => e);
    expect(error).toMatchObject({ kind: 'network', message: expect.stringMatching(/^could not reach http:\/\/127\.0\.0\.1:9\/none\.jsonl: /) });
  });

  it('stops on abort with the signal reason, mid-body', async () => {
    const controller = new AbortController();
    const reason = new DOMException('cancelled by the user', 'AbortError');
    let aborted = false;
    const error = await failure('slow', {
      signal: controller.signal,
      onProgress: (p) => {
        if (!aborted && p.received > 0) {
          aborted = true;
          controller.abort(reason);
        }
      },
    });
    expect(aborted).toBe(true);
    expect(error).toBe(reason);
  });

  it('stops on abort before the response', async () => {
    const controller = new AbortController();
    controller.abort();
    expect(await failure('ok', { signal: controller.signal })).toBe(controller.signal.reason);
  });
});
