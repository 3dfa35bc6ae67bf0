// Downloads one dataset file over an injected fetch (browser fetch, Node's, or a test double) and validates it
// while it streams in; openDownload is its fetch half, for a caller that reads the body elsewhere (the app's dataset
// worker). Core stays free of network globals: the caller hands in `fetch`.
import { streamChunks, type ByteStreamLike } from './byte-stream';
import { contentTypeProblem } from './content-type';
import { DownloadError, errorText } from './errors';
import { parseContentLength } from './progress';
import { readDataset, type DatasetBytes, type ReadDatasetOptions } from './read-dataset';

/** The parts of AbortSignal used here (core's lib has no DOM types). */
export interface SignalLike {
  readonly aborted: boolean;
  readonly reason: unknown;
}

/** The parts of a fetch Response used here. */
export interface ResponseLike {
  ok: boolean;
  status: number;
  statusText: string;
  headers: { get(name: string): string | null };
  body: ByteStreamLike | null;
}

/** A fetch: `globalThis.fetch` fits (with S = AbortSignal). */
export type FetchLike<S extends SignalLike = SignalLike> = (url: string, init: { signal?: S }) => Promise<ResponseLike>;

export interface DownloadOptions<S extends SignalLike = SignalLike> extends Omit<ReadDatasetOptions, 'exactBytes'> {
  fetch: FetchLike<S>;
  /** Aborting rejects with the signal's reason (the fetch and the body stream stop). */
  signal?: S;
}

/** A response that passed the header checks: its body, and its exact size when the headers give one. */
export interface OpenedDownload {
  body: ByteStreamLike;
  /** The Content-Length when the body is not content-encoded (then it counts compressed bytes); else null. */
  exactBytes: number | null;
}

/**
 * GETs `url` and reads it as a dataset. Rejects with DownloadError (network, http-status, content-type,
 * truncated, encoding, checksum), DatasetParseError (a bad line), or the signal's reason when aborted.
 */
export async function downloadDataset<S extends SignalLike>(url: string, options: DownloadOptions<S>): Promise<DatasetBytes> {
  const { fetch, signal, ...read } = options;
  const { body, exactBytes } = await openDownload(url, { fetch, ...(signal ? { signal } : {}) });
  try {
    return await readDataset(streamChunks(body), { ...read, exactBytes });
  } catch (error) {
    throw signal?.aborted ? signal.reason : error;
  }
}

/**
 * GETs `url` and checks the status and headers, leaving the body unread for readDataset (here, or in the app's
 * dataset worker). Rejects with DownloadError (network, http-status, content-type, truncated) or the signal's reason.
 */
export async function openDownload<S extends SignalLike>(url: string, options: { fetch: FetchLike<S>; signal?: S }): Promise<OpenedDownload> {
  const { fetch, signal } = options;
  let response: ResponseLike;
  try {
    response = await fetch(url, signal ? { signal } : {});
  } catch (error) {
    if (signal?.aborted) throw signal.reason;
    throw new DownloadError('network', `could not reach ${url}: ${errorText(error)} (offline, wrong address, or the server does not allow cross-origin requests)`);
  }
  if (!response.ok) {
    await response.body?.getReader().cancel().catch(() => {});
    const status = `${response.status}${response.statusText ? ` ${response.statusText}` : ''}`;
    throw new DownloadError('http-status', `the server answered HTTP ${status} for ${url}`, response.status);
  }
  const typeProblem = contentTypeProblem(response.headers.get('content-type'));
  if (typeProblem !== null) {
    await response.body?.getReader().cancel().catch(() => {});
    throw new DownloadError('content-type', `${typeProblem} (${url})`);
  }
  if (!response.body) throw new DownloadError('truncated', `the server sent no body for ${url}`);
  // With a Content-Encoding the length counts compressed bytes, so it can only bound the size from below.
  const encoded = (response.headers.get('content-encoding') ?? 'identity') !== 'identity';
  return { body: response.body, exactBytes: encoded ? null : parseContentLength(response.headers.get('content-length')) };
}
