// A local file server for dataset downloads (Node tests and browser e2e): 127.0.0.1, port 0, CORS + CORP headers so
// a cross-origin-isolated page may fetch it. The first path segment scripts the behaviour, the rest names the file:
//   /ok/F        the file with Content-Length          /chunked/F   no Content-Length, sent in pieces
//   /slow/F      Content-Length, 2 kB every 40 ms      /truncate/F  full Content-Length, connection dropped halfway
//   /cut/F       no Content-Length, ends cleanly in the middle of a line
//   /html/F      200 text/html error page              /html-as-text/F  an HTML page labelled text/plain
//   /404/F       404                                   /malformed/F line 3 is broken JSON
//   /bad-utf8/F  invalid UTF-8 bytes in line 2         /sha/F       the file's "sha256  name" line (sha256sum format)
import { createHash } from 'node:crypto';
import { readdirSync, readFileSync } from 'node:fs';
import { createServer, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';

const FIXTURES = new URL('../fixtures/official-schema/', import.meta.url);

export type Behaviour = 'ok' | 'chunked' | 'slow' | 'truncate' | 'cut' | 'html' | 'html-as-text' | '404' | 'malformed' | 'bad-utf8' | 'sha';

export interface DatasetServer {
  /** e.g. "http://127.0.0.1:40123/" */
  origin: string;
  /** Base URL of a behaviour, ending in "/": base('ok') + encodeURIComponent('HE-R+.jsonl'). */
  base(behaviour: Behaviour): string;
  /** Serve `text` (or bytes) as `file` from now on (replaces a fixture of that name). */
  put(file: string, content: string | Uint8Array): void;
  /** The bytes served as `file` by /ok/. */
  bytes(file: string): Buffer;
  /** Paths requested so far (decoded), e.g. "/ok/HE-R+.jsonl". */
  requests: string[];
  close(): Promise<void>;
}

/** The committed official-schema fixtures (HE-R.jsonl, HE-R+.jsonl, MBPP-R.jsonl, MBPP-R+.jsonl). */
export function fixtureFiles(): Map<string, Buffer> {
  const files = new Map<string, Buffer>();
  for (const name of readdirSync(FIXTURES).filter((n) => n.endsWith('.jsonl'))) files.set(name, readFileSync(new URL(name, FIXTURES)));
  return files;
}

const HTML = '<!doctype html><html><head><title>Error</title></head><body><h1>Something went wrong</h1></body></html>\n';
const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

export async function startDatasetServer(): Promise<DatasetServer> {
  const files = fixtureFiles();
  const requests: string[] = [];
  const server = createServer((req, res) => {
    res.setHeader('Access-Control-Allow-Origin', '*');
    res.setHeader('Cross-Origin-Resource-Policy', 'cross-origin');
    res.setHeader('Cache-Control', 'no-store');
    if (req.method === 'OPTIONS') return void res.writeHead(204).end();
    const path = decodeURIComponent((req.url ?? '/').split('?')[0]!);
    requests.push(path);
    const [, behaviour = '', ...rest] = path.split('/');
    const file = files.get(rest.join('/'));
    if (!file || behaviour === '404') return void text(res, 404, 'text/plain', 'Entry not found\n');
    void serve(behaviour as Behaviour, file, res).catch(() => res.destroy());
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const origin = `http://127.0.0.1:${(server.address() as AddressInfo).port}/`;
  return {
    origin,
    base: (behaviour) => `${origin}${behaviour}/`,
    put: (file, content) => void files.set(file, Buffer.from(content)),
    bytes: (file) => files.get(file)!,
    requests,
    close: () =>
      new Promise<void>((resolve) => {
        server.closeAllConnections();
        server.close(() => resolve());
      }),
  };
}

async function serve(behaviour: Behaviour, file: Buffer, res: ServerResponse): Promise<void> {
  const jsonl = 'application/jsonl; charset=utf-8';
  switch (behaviour) {
    case 'ok':
      return text(res, 200, jsonl, file);
    case 'html':
      return text(res, 200, 'text/html; charset=utf-8', HTML);
    case 'html-as-text':
      return text(res, 200, 'text/plain; charset=utf-8', HTML);
    case 'malformed':
      return text(res, 200, jsonl, withLine(file, 2, '{"task_id": 3, "text": "broken'));
    case 'bad-utf8': {
      const lines = file.toString('utf8').split('\n');
      const bad = Buffer.concat([Buffer.from(`${lines[0]}\n{"text": "`), Buffer.from([0xc3, 0x28]), Buffer.from(`"}\n`)]);
      return text(res, 200, jsonl, bad);
    }
    case 'sha':
      return text(res, 200, 'text/plain', `${createHash('sha256').update(file).digest('hex')}  file\n`);
    case 'chunked':
    case 'cut': {
      const body = behaviour === 'cut' ? cutMidLine(file) : file;
      res.writeHead(200, { 'Content-Type': jsonl }); // no Content-Length: chunked transfer encoding
      for (let i = 0; i < body.length; i += 1000) {
        res.write(body.subarray(i, i + 1000));
        await sleep(1);
      }
      return void res.end();
    }
    case 'slow':
    case 'truncate': {
      res.writeHead(200, { 'Content-Type': jsonl, 'Content-Length': String(file.length) });
      const stop = behaviour === 'truncate' ? Math.floor(file.length / 2) : file.length;
      for (let i = 0; i < stop; i += 2048) {
        if (res.destroyed) return;
        res.write(file.subarray(i, Math.min(stop, i + 2048)));
        await sleep(behaviour === 'slow' ? 40 : 1);
      }
      if (behaviour === 'truncate') return void res.destroy(); // the client sees fewer bytes than announced
      return void res.end();
    }
    default:
      return text(res, 400, 'text/plain', `unknown behaviour "${behaviour}"\n`);
  }
}

function text(res: ServerResponse, status: number, type: string, body: string | Buffer): void {
  const bytes = Buffer.from(body);
  res.writeHead(status, { 'Content-Type': type, 'Content-Length': String(bytes.length) }).end(bytes);
}

/** The file with 0-based line `index` replaced. */
function withLine(file: Buffer, index: number, line: string): Buffer {
  const lines = file.toString('utf8').split('\n');
  lines[index] = line;
  return Buffer.from(lines.join('\n'));
}

/** The file up to the middle of its middle line: a clean end that is not a whole file. */
function cutMidLine(file: Buffer): Buffer {
  const half = Math.floor(file.length / 2);
  const lineEnd = file.indexOf(0x0a, half);
  return file.subarray(0, lineEnd === -1 ? half : lineEnd - 20);
}
