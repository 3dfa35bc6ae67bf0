// Parses one JSON line, tolerating Python json's NaN/Infinity tokens (json.dumps writes them for inf times).
import { DatasetParseError } from './errors';
import { errorMessage } from '../error-message';

/** The parsed value of one line; a syntax error becomes a DatasetParseError naming the line. */
export function parseJsonLine(text: string, line: number): unknown {
  try {
    return JSON.parse(text);
  } catch (first) {
    // Slow path only on failure: Python's json.dumps emits bare Infinity/NaN, which JSON.parse rejects.
    const patched = replaceNonFiniteTokens(text);
    if (patched !== text) {
      try {
        return JSON.parse(patched);
      } catch {
        // fall through to report the original error
      }
    }
    const reason = errorMessage(first);
    throw new DatasetParseError(line, '', `malformed JSON (${reason})`);
  }
}

/** Rewrites Infinity as 1e999 (which parses to Infinity) and NaN as null, outside string literals. */
function replaceNonFiniteTokens(text: string): string {
  let out = '';
  let start = 0;
  let inString = false;
  for (let i = 0; i < text.length; i++) {
    const c = text[i];
    if (inString) {
      if (c === '\\') i++;
      else if (c === '"') inString = false;
    } else if (c === '"') {
      inString = true;
    } else if (c === 'I' && text.startsWith('Infinity', i)) {
      out += `${text.slice(start, i)}1e999`;
      start = i + 'Infinity'.length;
    } else if (c === 'N' && text.startsWith('NaN', i)) {
      out += `${text.slice(start, i)}null`;
      start = i + 'NaN'.length;
    }
  }
  return start === 0 ? text : out + text.slice(start);
}
