// Hex SHA-256 of text (UTF-8) through Web Crypto, present in browsers' secure contexts and in Node.

/** Web Crypto is missing (a page served over plain http from a non-localhost address). */
export class HashUnavailableError extends Error {
  override readonly name = 'HashUnavailableError';

  constructor() {
    super('SHA-256 needs Web Crypto, which browsers offer only on https:// or localhost pages');
  }
}

/** The UTF-8 bytes of `text` and their lowercase hex SHA-256. */
export async function sha256OfText(text: string): Promise<{ bytes: number; sha256: string }> {
  const subtle = globalThis.crypto?.subtle;
  if (!subtle) throw new HashUnavailableError();
  const data = new TextEncoder().encode(text);
  const digest = new Uint8Array(await subtle.digest('SHA-256', data));
  return { bytes: data.byteLength, sha256: Array.from(digest, (b) => b.toString(16).padStart(2, '0')).join('') };
}
