// The bundled-datasets vite plugin: validates fetched official files, emits them, and tells the app through define.
import { createHash } from 'node:crypto';
import { copyFileSync, existsSync, mkdirSync, mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { build } from 'vite';
import { afterAll, describe, expect, it } from 'vitest';
import { parseOfficialManifest } from '../../../src/core/download/official-manifest';
import { bundledDatasets, BundledDatasetError, scanBundledDatasets } from '../../../vite-plugins/bundled-datasets';

const FIXTURES = new URL('../../fixtures/official-schema/', import.meta.url);
const manifest = parseOfficialManifest(JSON.parse(readFileSync(new URL('../../../static-datasets/official.json', import.meta.url), 'utf8')));
const dirs: string[] = [];
afterAll(() => dirs.forEach((d) => rmSync(d, { recursive: true, force: true })));

function folderWith(...files: string[]): string {
  const dir = mkdtempSync(join(tmpdir(), 'verifier-lab-bundle-'));
  dirs.push(dir);
  for (const file of files) copyFileSync(new URL(file, FIXTURES), join(dir, file));
  return dir;
}
const sha = (path: string) => createHash('sha256').update(readFileSync(path)).digest('hex');

describe('scanBundledDatasets', () => {
  it('finds nothing in a missing or empty folder', () => {
    expect(scanBundledDatasets('/nonexistent/verifier-lab', manifest)).toEqual([]);
    expect(scanBundledDatasets(folderWith(), manifest)).toEqual([]);
  });

  it('lists valid files in manifest order with size, hash and counts', () => {
    const dir = folderWith('MBPP-R.jsonl', 'HE-R+.jsonl');
    writeFileSync(join(dir, 'HE-R+.jsonl.sha256'), `${sha(join(dir, 'HE-R+.jsonl'))}  HE-R+.jsonl\n`);
    const found = scanBundledDatasets(dir, manifest).map((f) => f.meta);
    expect(found.map((m) => [m.id, m.path, m.problems])).toEqual([
      ['HE-R+', 'datasets/official/HE-R+.jsonl', 6],
      ['MBPP-R', 'datasets/official/MBPP-R.jsonl', 8],
    ]);
    expect(found[1]).toMatchObject({ bytes: readFileSync(join(dir, 'MBPP-R.jsonl')).length, sha256: sha(join(dir, 'MBPP-R.jsonl')) });
  });

  it('refuses a hash mismatch, a malformed line and an unknown file name', () => {
    const dir = folderWith('HE-R.jsonl');
    writeFileSync(join(dir, 'HE-R.jsonl.sha256'), `${'0'.repeat(64)}  HE-R.jsonl\n`);
    expect(() => scanBundledDatasets(dir, manifest)).toThrow(/sha256 is [0-9a-f]{64}, expected 0{64}/);

    const bad = folderWith();
    const lines = readFileSync(new URL('MBPP-R.jsonl', FIXTURES), 'utf8').split('\n');
    lines[1] = '{"task_id": 2, "text": "x"';
    writeFileSync(join(bad, 'MBPP-R.jsonl'), lines.join('\n'));
    expect(() => scanBundledDatasets(bad, manifest)).toThrow(/MBPP-R\.jsonl: line 2: /);

    const odd = folderWith();
    writeFileSync(join(odd, 'mine.jsonl'), '');
    expect(() => scanBundledDatasets(odd, manifest)).toThrow(BundledDatasetError);
  });
});

describe('bundledDatasets plugin in a real vite build', () => {
  it('emits the files and defines the list the app reads', { timeout: 60_000 }, async () => {
    const root = folderWith();
    mkdirSync(join(root, 'static-datasets/official'), { recursive: true });
    copyFileSync(new URL('../../../static-datasets/official.json', import.meta.url), join(root, 'static-datasets/official.json'));
    copyFileSync(new URL('MBPP-R+.jsonl', FIXTURES), join(root, 'static-datasets/official/MBPP-R+.jsonl'));
    writeFileSync(join(root, 'index.html'), '<!doctype html><script type="module" src="./main.js"></script>');
    writeFileSync(join(root, 'main.js'), `document.title = JSON.stringify(typeof __VERIFIER_LAB_BUNDLED_DATASETS__ === 'undefined' ? null : __VERIFIER_LAB_BUNDLED_DATASETS__);`);
    await build({ root, configFile: false, logLevel: 'silent', plugins: [bundledDatasets()], build: { outDir: 'out', minify: false } });
    const emitted = join(root, 'out/datasets/official/MBPP-R+.jsonl');
    expect(readFileSync(emitted).equals(readFileSync(new URL('MBPP-R+.jsonl', FIXTURES)))).toBe(true);
    const js = readFileSync(join(root, 'out/assets', readdirSync(join(root, 'out/assets'))[0]!), 'utf8').replace(/\s/g, '');
    expect(js).toContain('"path":"datasets/official/MBPP-R+.jsonl"');
    expect(js).toContain(`"sha256":"${sha(emitted)}"`);
    expect(existsSync(join(root, 'out/datasets/official/HE-R.jsonl'))).toBe(false);
  });
});
