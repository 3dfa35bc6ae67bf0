// official.json: the committed manifest parses, file URLs are encoded, base URLs and broken manifests are refused.
import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { ManifestError, normalizeBaseUrl, officialFileUrl, parseOfficialManifest } from '../../../src/core/download/official-manifest';

const raw = JSON.parse(readFileSync(new URL('../../../static-datasets/official.json', import.meta.url), 'utf8')) as Record<string, unknown>;

describe('parseOfficialManifest', () => {
  it('reads the committed manifest: four datasets, NSCLv1', () => {
    const manifest = parseOfficialManifest(raw);
    expect(manifest.datasets.map((d) => [d.id, d.file, d.split])).toEqual([
      ['HE-R', 'HE-R.jsonl', 'HE_base'],
      ['HE-R+', 'HE-R+.jsonl', 'HE_plus'],
      ['MBPP-R', 'MBPP-R.jsonl', 'MBPP_base'],
      ['MBPP-R+', 'MBPP-R+.jsonl', 'MBPP_plus'],
    ]);
    expect(manifest.license.name).toBe('NSCLv1');
    expect(manifest.datasets.every((d) => d.approxBytes !== null && d.approxBytes > 0)).toBe(true);
  });

  it('refuses a wrong split, a bad hash and a missing list', () => {
    const datasets = raw['datasets'] as Record<string, unknown>[];
    expect(() => parseOfficialManifest({ ...raw, datasets: [{ ...datasets[0], split: 'XX' }] })).toThrow(ManifestError);
    expect(() => parseOfficialManifest({ ...raw, datasets: [{ ...datasets[0], sha256: 'abc' }] })).toThrow(/sha256/);
    expect(() => parseOfficialManifest({ ...raw, datasets: [] })).toThrow(/non-empty/);
  });
});

describe('URLs', () => {
  it('adds the slash and encodes "+"', () => {
    expect(officialFileUrl('https://mirror.example/sv', 'HE-R+.jsonl')).toBe('https://mirror.example/sv/HE-R%2B.jsonl');
    expect(normalizeBaseUrl(' http://127.0.0.1:8000/x/ ')).toBe('http://127.0.0.1:8000/x/');
  });

  it('refuses relative and non-http URLs', () => {
    expect(() => normalizeBaseUrl('mirror/')).toThrow(/not an absolute URL/);
    expect(() => normalizeBaseUrl('file:///tmp/')).toThrow(/http\(s\)/);
  });
});
