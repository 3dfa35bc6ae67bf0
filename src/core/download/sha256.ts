// Lowercase hex SHA-256 of bytes through Web Crypto (browsers' secure contexts and Node 20 alike).
import { Sha256UnavailableError } from './errors';

// core's lib has no DOM types: the one Web Crypto call used here.
interface Subtle {
  digest(algorithm: 'SHA-256', data: Uint8Array): Promise<ArrayBuffer>;
}

/** Hex SHA-256 of the concatenation of `parts` (e.g. the chunks of a download, in order). */
export async function sha256Hex(parts: readonly Uint8Array[]): Promise<string> {
  const subtle = (globalThis as { crypto?: { subtle?: Subtle } }).crypto?.subtle;
  if (!subtle) throw new Sha256UnavailableError();
  const digest = new Uint8Array(await subtle.digest('SHA-256', concatBytes(parts)));
  return Array.from(digest, (b) => b.toString(16).padStart(2, '0')).join('');
}

/** One array holding every part in order (the part itself when there is only one). */
export function concatBytes(parts: readonly Uint8Array[]): Uint8Array {
  if (parts.length === 1) return parts[0]!;
  const out = new Uint8Array(parts.reduce((n, p) => n + p.byteLength, 0));
  let at = 0;
  for (const part of parts) {
    out.set(part, at);
    at += part.byteLength;
  }
  return out;
}

/** True for a 64-digit lowercase hex string. */
export const isSha256Hex = (text: string): boolean => /^[0-9a-f]{64}$/.test(text);
