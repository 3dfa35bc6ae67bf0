// Whether a response's Content-Type and first bytes can be a JSONL dataset (an HTML error page served with 200 cannot).

// Hugging Face serves .jsonl as text/plain or application/octet-stream; mirrors may use any JSON-lines name.
const ACCEPTED = new Set(['text/plain', 'application/octet-stream', 'binary/octet-stream', 'application/jsonl', 'application/jsonlines', 'application/x-jsonlines', 'application/ndjson', 'application/x-ndjson', 'application/json', 'text/json', 'text/jsonl', 'text/x-jsonl']);

/** The media type without parameters, lower-cased ("text/plain; charset=utf-8" -> "text/plain"). */
export function mediaType(header: string): string {
  return header.split(';')[0]!.trim().toLowerCase();
}

/**
 * Why a Content-Type header rules out a dataset file, or null when it is acceptable. A missing header is
 * acceptable (the content is checked anyway); so are JSON-ish and generic text/binary types.
 */
export function contentTypeProblem(header: string | null): string | null {
  if (header === null || header.trim() === '') return null;
  const type = mediaType(header);
  if (ACCEPTED.has(type) || type.endsWith('+json') || type.endsWith('-jsonl')) return null;
  const what = type === 'text/html' || type === 'application/xhtml+xml' ? 'a web page (often an error or login page)' : `"${type}"`;
  return `the server sent ${what}, not a JSONL dataset file`;
}

/** True when text that should be JSON lines starts like an HTML or XML document. */
export function looksLikeMarkup(firstText: string): boolean {
  return /^\s*</.test(firstText);
}
