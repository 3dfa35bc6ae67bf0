// Why a dataset download or file import failed, as data the UI and CLI can explain (the message says it in words).

/** The closed set of ways a transfer can fail before parsing says anything about the content. */
export type DownloadFailure = 'network' | 'http-status' | 'content-type' | 'truncated' | 'encoding' | 'checksum';

/** A transfer that produced nothing usable. Nothing is stored when this is thrown. */
export class DownloadError extends Error {
  override readonly name = 'DownloadError';

  constructor(
    readonly kind: DownloadFailure,
    message: string,
    /** The HTTP status for 'http-status' failures. */
    readonly status?: number,
  ) {
    super(message);
  }
}

/** Web Crypto is missing (browsers offer it only on https:// or localhost pages). */
export class Sha256UnavailableError extends Error {
  override readonly name = 'Sha256UnavailableError';

  constructor() {
    super('SHA-256 needs Web Crypto, which browsers offer only on https:// or localhost pages');
  }
}

/** The text of any thrown value, for wrapping causes into readable messages. */
export function errorText(error: unknown): string {
  if (error instanceof Error) {
    // undici's "fetch failed" hides the real reason in cause.
    const cause = (error as { cause?: unknown }).cause;
    return cause instanceof Error && cause.message !== error.message ? `${error.message} (${cause.message})` : error.message;
  }
  return String(error);
}
