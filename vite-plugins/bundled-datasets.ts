// Bundles official datasets fetched by `npm run datasets:fetch` (static-datasets/official/*.jsonl, git-ignored) into
// the build at datasets/official/, after validating each with the dataset parser and its .sha256. The app learns the
// list through `define` (__VERIFIER_LAB_BUNDLED_DATASETS__); with no files, the list is empty and nothing is emitted.
import { createHash } from 'node:crypto';
import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import type { Connect, Plugin } from 'vite';
import { DatasetParseError } from '../src/core/dataset/errors';
import { parseDatasetText } from '../src/core/dataset/parse-dataset';
import { BUNDLED_DEFINE, BUNDLED_DIR, type BundledDataset } from '../src/core/download/bundled';
import { parseOfficialManifest, type OfficialManifest } from '../src/core/download/official-manifest';

/** A file in the bundle folder that must not ship (unknown name, invalid line, hash mismatch). */
export class BundledDatasetError extends Error {
  override readonly name = 'BundledDatasetError';
}

export interface BundledDatasetsOptions {
  /** Folder to read, relative to the vite root (default: $VERIFIER_LAB_BUNDLED_DIR, else static-datasets/official). */
  dir?: string;
  /** Manifest to match file names against (default static-datasets/official.json). */
  manifest?: OfficialManifest;
}

/** Validates every official file present in `dir`; returns them in manifest order with their bytes. */
export function scanBundledDatasets(dir: string, manifest: OfficialManifest): { meta: BundledDataset; bytes: Buffer }[] {
  if (!existsSync(dir)) return [];
  const names = readdirSync(dir).filter((n) => n.endsWith('.jsonl'));
  const unknown = names.filter((n) => !manifest.datasets.some((d) => d.file === n));
  if (unknown.length > 0) throw new BundledDatasetError(`${dir}: not an official dataset file name: ${unknown.join(', ')} (expected ${manifest.datasets.map((d) => d.file).join(', ')})`);
  return manifest.datasets
    .filter((d) => names.includes(d.file))
    .map((entry) => {
      const path = join(dir, entry.file);
      const bytes = readFileSync(path);
      const sha256 = createHash('sha256').update(bytes).digest('hex');
      const recorded = readRecordedSha(`${path}.sha256`) ?? entry.sha256;
      if (recorded !== null && recorded !== sha256) throw new BundledDatasetError(`${path}: sha256 is ${sha256}, expected ${recorded}`);
      let problems: number;
      let solutions: number;
      try {
        const dataset = parseDatasetText(bytes.toString('utf8'), { name: entry.id, split: entry.split });
        problems = dataset.problems.length;
        solutions = dataset.problems.reduce((n, p) => n + p.candidates.length, 0);
      } catch (error) {
        if (error instanceof DatasetParseError) throw new BundledDatasetError(`${path}: ${error.message}`);
        throw error;
      }
      return { meta: { id: entry.id, file: entry.file, path: `${BUNDLED_DIR}${entry.file}`, bytes: bytes.length, sha256, problems, solutions }, bytes };
    });
}

/** The hash in a sha256sum-format file, or null when there is none. */
function readRecordedSha(path: string): string | null {
  if (!existsSync(path)) return null;
  const hash = readFileSync(path, 'utf8').trim().split(/\s+/)[0]?.toLowerCase() ?? '';
  if (!/^[0-9a-f]{64}$/.test(hash)) throw new BundledDatasetError(`${path}: not a sha256sum line`);
  return hash;
}

export function bundledDatasets(options: BundledDatasetsOptions = {}): Plugin {
  let files: { meta: BundledDataset; bytes: Buffer }[] = [];
  let base = '/';
  return {
    name: 'verifier-lab:bundled-datasets',
    config(config) {
      const root = resolve(config.root ?? process.cwd());
      const manifest = options.manifest ?? parseOfficialManifest(JSON.parse(readFileSync(join(root, 'static-datasets/official.json'), 'utf8')));
      files = scanBundledDatasets(resolve(root, options.dir ?? process.env['VERIFIER_LAB_BUNDLED_DIR'] ?? 'static-datasets/official'), manifest);
      return { define: { [BUNDLED_DEFINE]: JSON.stringify(files.map((f) => f.meta)) } };
    },
    configResolved(config) {
      base = config.base.endsWith('/') ? config.base : `${config.base}/`;
    },
    configureServer(server) {
      server.middlewares.use(middleware(base, files));
    },
    generateBundle() {
      for (const { meta, bytes } of files) this.emitFile({ type: 'asset', fileName: meta.path, source: bytes });
    },
  };
}

/** Dev server: the same files at the same paths as in a build. */
function middleware(base: string, files: readonly { meta: BundledDataset; bytes: Buffer }[]): Connect.NextHandleFunction {
  return (req, res, next) => {
    const path = decodeURIComponent((req.url ?? '').split('?')[0] ?? '');
    const file = files.find((f) => path === `${base}${f.meta.path}`);
    if (!file) return next();
    res.setHeader('Content-Type', 'application/jsonl; charset=utf-8');
    res.setHeader('Content-Length', String(file.bytes.length));
    res.end(file.bytes);
  };
}
