// UTF-8 size of JS text without encoding it: what the size caps and progress count (a file's bytes, not its chars).

/** UTF-8 bytes of `text`; a lone surrogate counts 3 (TextEncoder writes U+FFFD for it). */
export function utf8Length(text: string): number {
  let n = text.length;
  for (let i = 0; i < text.length; i++) {
    const c = text.charCodeAt(i);
    if (c < 0x80) continue;
    if (c < 0x800) n += 1;
    else if (c >= 0xd800 && c <= 0xdbff && i + 1 < text.length && isLow(text.charCodeAt(i + 1))) {
      n += 2; // a pair: 2 chars, 4 bytes
      i++;
    } else n += 2;
  }
  return n;
}

function isLow(c: number): boolean {
  return c >= 0xdc00 && c <= 0xdfff;
}
