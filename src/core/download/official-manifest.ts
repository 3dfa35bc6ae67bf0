// static-datasets/official.json as typed data: the four official files, their license, and download URLs.
import type { SchemaFamily, SplitName } from '../dataset/types';
import { isSha256Hex } from './sha256';

export interface OfficialDataset {
  /** "HE-R", "HE-R+", "MBPP-R", "MBPP-R+". */
  id: string;
  file: string;
  split: SplitName;
  family: SchemaFamily;
  source: string;
  /** Estimated size from the Hugging Face listing, for progress without Content-Length. */
  approxBytes: number | null;
  /** Known hash, or null until someone recorded it from a real download. */
  sha256: string | null;
}

export interface OfficialManifest {
  baseUrl: string;
  license: { name: string; summary: string; url: string };
  datasets: OfficialDataset[];
}

/** official.json does not have the expected shape. */
export class ManifestError extends Error {
  override readonly name = 'ManifestError';
}

// core's lib has no DOM types; both Node and browsers have the WHATWG URL parser.
declare const URL: new (url: string) => { protocol: string };

/** A base URL for mirrors, validated and ending in "/"; throws ManifestError for anything but http(s). */
export function normalizeBaseUrl(text: string): string {
  const trimmed = text.trim();
  let url: { protocol: string };
  try {
    url = new URL(trimmed);
  } catch {
    throw new ManifestError(`"${trimmed}" is not an absolute URL (e.g. https://example.org/datasets/)`);
  }
  if (url.protocol !== 'https:' && url.protocol !== 'http:') throw new ManifestError(`base URL must be http(s), got ${url.protocol}`);
  return trimmed.endsWith('/') ? trimmed : `${trimmed}/`;
}

/** Where a file lives under a base URL. encodeURIComponent turns "+" into "%2B", which every server reads right. */
export const officialFileUrl = (baseUrl: string, file: string): string => `${normalizeBaseUrl(baseUrl)}${encodeURIComponent(file)}`;

const SPLITS: readonly SplitName[] = ['HE_base', 'HE_plus', 'MBPP_base', 'MBPP_plus'];

/** Validates parsed official.json. */
export function parseOfficialManifest(value: unknown): OfficialManifest {
  const root = object(value, 'official.json');
  const license = object(root['license'], 'license');
  const list = root['datasets'];
  if (!Array.isArray(list) || list.length === 0) throw new ManifestError('official.json: "datasets" must be a non-empty array');
  return {
    baseUrl: normalizeBaseUrl(string(root['baseUrl'], 'baseUrl')),
    license: { name: string(license['name'], 'license.name'), summary: string(license['summary'], 'license.summary'), url: string(license['url'], 'license.url') },
    datasets: list.map((item, i) => dataset(object(item, `datasets[${i}]`), `datasets[${i}]`)),
  };
}

function dataset(o: Record<string, unknown>, at: string): OfficialDataset {
  const split = string(o['split'], `${at}.split`) as SplitName;
  if (!SPLITS.includes(split)) throw new ManifestError(`official.json: ${at}.split must be one of ${SPLITS.join(', ')}`);
  const family = string(o['family'], `${at}.family`);
  if (family !== 'humaneval' && family !== 'mbpp') throw new ManifestError(`official.json: ${at}.family must be humaneval or mbpp`);
  const approx = o['approxBytes'];
  const sha = o['sha256'];
  if (sha !== null && sha !== undefined && (typeof sha !== 'string' || !isSha256Hex(sha))) throw new ManifestError(`official.json: ${at}.sha256 must be null or 64 lowercase hex digits`);
  return {
    id: string(o['id'], `${at}.id`),
    file: string(o['file'], `${at}.file`),
    split,
    family,
    source: string(o['source'], `${at}.source`),
    approxBytes: typeof approx === 'number' && approx > 0 ? approx : null,
    sha256: typeof sha === 'string' ? sha : null,
  };
}

function object(v: unknown, at: string): Record<string, unknown> {
  if (typeof v !== 'object' || v === null || Array.isArray(v)) throw new ManifestError(`official.json: ${at} must be an object`);
  return v as Record<string, unknown>;
}

function string(v: unknown, at: string): string {
  if (typeof v !== 'string' || v === '') throw new ManifestError(`official.json: ${at} must be a non-empty string`);
  return v;
}
