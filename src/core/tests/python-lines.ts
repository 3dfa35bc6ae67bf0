// Finds where a Python logical line ends: brackets, string literals (incl. triple-quoted), comments and
// backslash continuations. A lexical approximation, enough to cut multi-line asserts out of model output;
// Python itself (the engine) decides whether the result compiles.

type Quote = "'" | '"' | "'''" | '"""';

/** Scanner state carried from one physical line to the next. */
interface ScanState {
  depth: number;
  quote: Quote | undefined;
}

/** Scans one physical line; returns whether the logical line continues on the next one. */
function scanLine(line: string, state: ScanState): boolean {
  let i = 0;
  let comment = false;
  while (i < line.length) {
    const c = line[i] as string;
    if (state.quote !== undefined) {
      if (c === '\\') {
        if (i === line.length - 1) return true; // escaped newline inside a string
        i += 2;
        continue;
      }
      if (line.startsWith(state.quote, i)) {
        i += state.quote.length;
        state.quote = undefined;
        continue;
      }
      i++;
      continue;
    }
    if (c === '#') {
      comment = true;
      break;
    }
    if (c === '"' || c === "'") {
      const triple = line.startsWith(c.repeat(3), i);
      state.quote = (triple ? c.repeat(3) : c) as Quote;
      i += triple ? 3 : 1;
      continue;
    }
    if (c === '(' || c === '[' || c === '{') state.depth++;
    else if (c === ')' || c === ']' || c === '}') state.depth = Math.max(0, state.depth - 1);
    i++;
  }
  // An unterminated one-line string is a syntax error: end the statement here and let Python report it,
  // rather than swallow the following lines while looking for the bracket it left open.
  if (state.quote === "'" || state.quote === '"') return false;
  if (state.quote !== undefined || state.depth > 0) return true;
  return !comment && line.endsWith('\\'); // explicit line joining
}

/**
 * Index of the last physical line of the logical line that starts at `start`, or undefined when the
 * input ends first (an unclosed bracket or string: a truncated statement).
 */
export function logicalLineEnd(lines: readonly string[], start: number): number | undefined {
  const state: ScanState = { depth: 0, quote: undefined };
  for (let i = start; i < lines.length; i++) {
    if (!scanLine(lines[i] as string, state)) return i;
  }
  return undefined;
}
