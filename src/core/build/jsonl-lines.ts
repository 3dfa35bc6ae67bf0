// Splits JSONL text into numbered lines (BOM and CR removed, blank lines skipped) for the build readers.

export interface NumberedLine {
  /** 1-based physical line number. */
  line: number;
  text: string;
}

/** Non-blank lines of a JSONL text with their 1-based numbers. */
export function* jsonlLines(text: string): Generator<NumberedLine> {
  const body = text.charCodeAt(0) === 0xfeff ? text.slice(1) : text;
  let line = 0;
  let start = 0;
  while (start < body.length) {
    const end = body.indexOf('\n', start);
    const stop = end === -1 ? body.length : end;
    let piece = body.slice(start, stop);
    if (piece.endsWith('\r')) piece = piece.slice(0, -1);
    line++;
    if (piece.trim() !== '') yield { line, text: piece };
    start = stop + 1;
  }
}
