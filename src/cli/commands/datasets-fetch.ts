// `verifier-lab datasets-fetch [--to DIR] [--base-url URL] [--only IDS]`: downloads the official datasets into DIR,
// validates each with the dataset parser and writes FILE.sha256 beside it. A file appears only once it is valid.
import { readFileSync } from 'node:fs';
import { mkdir, rename, rm, writeFile } from 'node:fs/promises';
import { join, resolve } from 'node:path';
import { DatasetParseError } from '../../core/dataset/errors';
import { downloadDataset } from '../../core/download/download-dataset';
import { DownloadError } from '../../core/download/errors';
import { ManifestError, normalizeBaseUrl, officialFileUrl, parseOfficialManifest, type OfficialDataset, type OfficialManifest } from '../../core/download/official-manifest';
import { percent } from '../../core/download/progress';
import { fileArgs, parseCommandArgs } from '../command-args';
import { CliUsageError, defineCommand, type CliIo } from '../cli-io';
import { errorMessage } from '../../core/error-message';

const MANIFEST = new URL('../../../static-datasets/official.json', import.meta.url);
/** The folder `vite build` bundles into the app (vite-plugins/bundled-datasets.ts). */
export const DEFAULT_DIR = 'static-datasets/official';

const usage = `Usage: verifier-lab datasets-fetch [--to DIR] [--base-url URL] [--only IDS]

Downloads the official Scoring Verifiers datasets (HE-R, HE-R+, MBPP-R, MBPP-R+) listed in
static-datasets/official.json, validates every line with the dataset parser, and writes each file
with its "FILE.sha256" (sha256sum format) into DIR. A file is written only once it is complete and valid.

Options:
  --to DIR        where to write (default ${DEFAULT_DIR}, which "vite build" bundles into the app;
                  the folder is git-ignored)
  --base-url URL  a mirror holding the same file names (default: the manifest's Hugging Face URL)
  --only IDS      comma-separated dataset ids, e.g. --only HE-R,MBPP-R
  -h, --help      show this text

The datasets are published by NVIDIA under NSCLv1 (research and evaluation use only).
Exit codes: 0 all written, 1 a download failed, 2 bad options.
`;

export const datasetsFetchCommand = defineCommand({ name: 'datasets-fetch', summary: 'Download and validate the official datasets into a folder (for bundling into the build)', usage }, async (args, io) => {
  const { values, positionals } = parseOptions(args);
  fileArgs(positionals, []);
  const manifest = readManifest();
  const baseUrl = baseUrlOption(values['base-url'] ?? manifest.baseUrl);
  const chosen = chooseDatasets(manifest, values.only);
  const dir = resolve(values.to ?? DEFAULT_DIR);
  await mkdir(dir, { recursive: true });
  io.stderr(`License: ${manifest.license.name}, ${manifest.license.summary} (${manifest.license.url})\n`);
  let failed = 0;
  for (const entry of chosen) if (!(await fetchOne(entry, baseUrl, dir, io))) failed++;
  io.stderr(failed === 0 ? `${chosen.length} dataset(s) written to ${dir}\n` : `${failed} of ${chosen.length} dataset(s) failed; nothing was written for them\n`);
  return failed === 0 ? 0 : 1;
});

/** Downloads one file to DIR/FILE.part, then renames it and writes the .sha256; prints one result line. */
async function fetchOne(entry: OfficialDataset, baseUrl: string, dir: string, io: CliIo): Promise<boolean> {
  const url = officialFileUrl(baseUrl, entry.file);
  const target = join(dir, entry.file);
  const part = `${target}.part`;
  let shown = -10;
  try {
    const result = await downloadDataset<AbortSignal>(url, {
      fetch,
      name: entry.id,
      split: entry.split,
      approxBytes: entry.approxBytes,
      expectedSha256: entry.sha256,
      onProgress: (p) => {
        // A line every 10 %, so logs stay short.
        if (p.fraction === null || percent(p.fraction) < shown + 10) return;
        shown = percent(p.fraction);
        io.stderr(`${entry.id}: ${shown}%${p.estimated ? ' (estimated)' : ''} ${p.received} bytes\n`);
      },
    });
    await writeFile(part, result.text);
    await rename(part, target);
    await writeFile(`${target}.sha256`, `${result.sha256}  ${entry.file}\n`);
    const solutions = result.dataset.problems.reduce((n, p) => n + p.candidates.length, 0);
    io.stdout(`${entry.id}: ${result.dataset.problems.length} problems, ${solutions} solutions, ${result.bytes} bytes, sha256 ${result.sha256} -> ${target}\n`);
    return true;
  } catch (error) {
    await rm(part, { force: true });
    if (!(error instanceof DownloadError || error instanceof DatasetParseError)) throw error;
    io.stderr(`${entry.id}: failed: ${error.message}${error instanceof DatasetParseError ? ` (${url})` : ''}\n`);
    return false;
  }
}

function readManifest(): OfficialManifest {
  try {
    return parseOfficialManifest(JSON.parse(readFileSync(MANIFEST, 'utf8')));
  } catch (error) {
    throw new CliUsageError(`cannot read static-datasets/official.json: ${errorMessage(error)}`);
  }
}

function baseUrlOption(text: string): string {
  try {
    return normalizeBaseUrl(text);
  } catch (error) {
    throw new CliUsageError(`--base-url: ${(error as ManifestError).message}`);
  }
}

function chooseDatasets(manifest: OfficialManifest, only: string | undefined): OfficialDataset[] {
  if (only === undefined) return manifest.datasets;
  const ids = only.split(',').map((s) => s.trim()).filter(Boolean);
  const unknown = ids.filter((id) => !manifest.datasets.some((d) => d.id === id));
  if (ids.length === 0 || unknown.length > 0) {
    throw new CliUsageError(`--only: unknown dataset id(s) ${unknown.map((id) => `"${id}"`).join(', ') || '(none given)'}; known: ${manifest.datasets.map((d) => d.id).join(', ')}`);
  }
  return manifest.datasets.filter((d) => ids.includes(d.id));
}

function parseOptions(args: string[]) {
  return parseCommandArgs(args, {
    to: { type: 'string' },
    'base-url': { type: 'string' },
    only: { type: 'string' },
  });
}
