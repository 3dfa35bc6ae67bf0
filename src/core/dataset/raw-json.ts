// Splits already-valid JSON text into raw top-level pieces, so records can be rewritten without a
// JSON.parse/stringify round trip (which would corrupt integers beyond 2^53 in EvalPlus inputs).

/** One top-level member of a JSON object: its decoded key and its value's exact source text. */
export interface RawEntry {
  key: string;
  raw: string;
}

/** Members of a JSON object text, in source order. The text must be valid JSON (checked by the caller). */
export function rawObjectEntries(text: string): RawEntry[] {
  const entries: RawEntry[] = [];
  let i = skipSpace(text, 0);
  if (text[i] !== '{') throw new TypeError('rawObjectEntries: not a JSON object');
  i = skipSpace(text, i + 1);
  if (text[i] === '}') return entries;
  for (;;) {
    const keyEnd = scanString(text, i);
    const key = JSON.parse(text.slice(i, keyEnd)) as string;
    i = skipSpace(text, keyEnd);
    i = skipSpace(text, i + 1); // past ':'
    const valueEnd = scanValue(text, i);
    entries.push({ key, raw: text.slice(i, valueEnd) });
    i = skipSpace(text, valueEnd);
    if (text[i] === '}') return entries;
    i = skipSpace(text, i + 1); // past ','
  }
}

/** Elements of a JSON array text, each as its exact source text. */
export function rawArrayItems(text: string): string[] {
  const items: string[] = [];
  let i = skipSpace(text, 0);
  if (text[i] !== '[') throw new TypeError('rawArrayItems: not a JSON array');
  i = skipSpace(text, i + 1);
  if (text[i] === ']') return items;
  for (;;) {
    const end = scanValue(text, i);
    items.push(text.slice(i, end));
    i = skipSpace(text, end);
    if (text[i] === ']') return items;
    i = skipSpace(text, i + 1);
  }
}

/** Joins members back into an object with Python json.dumps's default separators (", " and ": "). */
export function rawObjectText(entries: readonly RawEntry[]): string {
  return `{${entries.map((e) => `${JSON.stringify(e.key)}: ${e.raw}`).join(', ')}}`;
}

/** Replaces (or appends) one member, returning a new list. */
export function withRawEntry(entries: readonly RawEntry[], key: string, raw: string): RawEntry[] {
  const out = entries.map((e) => (e.key === key ? { key, raw } : e));
  return out.some((e) => e.key === key) ? out : [...out, { key, raw }];
}

function skipSpace(text: string, i: number): number {
  while (i < text.length && (text[i] === ' ' || text[i] === '\t' || text[i] === '\n' || text[i] === '\r')) i++;
  return i;
}

/** Index just past the string literal starting at i (text[i] is the opening quote). */
function scanString(text: string, i: number): number {
  for (let j = i + 1; j < text.length; j++) {
    const c = text[j];
    if (c === '\\') j++;
    else if (c === '"') return j + 1;
  }
  throw new TypeError('raw JSON: unterminated string');
}

/** Index just past the value starting at i. */
function scanValue(text: string, i: number): number {
  const c = text[i];
  if (c === '"') return scanString(text, i);
  if (c === '{' || c === '[') {
    let depth = 0;
    for (let j = i; j < text.length; j++) {
      const d = text[j];
      if (d === '"') j = scanString(text, j) - 1;
      else if (d === '{' || d === '[') depth++;
      else if (d === '}' || d === ']') {
        depth--;
        if (depth === 0) return j + 1;
      }
    }
    throw new TypeError('raw JSON: unbalanced brackets');
  }
  let j = i;
  while (j < text.length && !',}] \t\n\r'.includes(text[j] as string)) j++;
  return j;
}
