// Fallback extraction: top-level `assert` statements inside Python (or untagged) fenced code blocks,
// for model outputs that ignored the <assertion> tag format.
import { logicalLineEnd } from './python-lines';

const PYTHON_INFO = new Set(['', 'python', 'py', 'python3', 'py3']);
const FENCE_OPEN = /^ {0,3}(`{3,}|~{3,})\s*([^`\s]*)[^`]*$/;

/** Bodies (as line arrays) of fenced blocks whose info string names Python or nothing. CommonMark rules:
 * a fence closes only on the same character, at least as long, with nothing after it; an unclosed
 * block runs to the end. Fences inside a longer or different fence are content, not blocks. */
export function pythonCodeBlocks(text: string): string[][] {
  const lines = text.split(/\r?\n/);
  const blocks: string[][] = [];
  for (let i = 0; i < lines.length; i++) {
    const open = FENCE_OPEN.exec(lines[i] as string);
    if (open === null) continue;
    const fence = open[1] as string;
    const closing = new RegExp(`^ {0,3}${fence[0] === '`' ? '`' : '~'}{${fence.length},}\\s*$`);
    let end = i + 1;
    while (end < lines.length && !closing.test(lines[end] as string)) end++;
    if (PYTHON_INFO.has((open[2] as string).toLowerCase())) blocks.push(lines.slice(i + 1, end));
    i = end;
  }
  return blocks;
}

/** Removes the indentation every non-blank line shares (blocks nested in list items are indented). */
function dedent(lines: readonly string[]): string[] {
  const indents = lines.filter((l) => l.trim() !== '').map((l) => /^[ \t]*/.exec(l)?.[0].length ?? 0);
  const common = indents.length === 0 ? 0 : Math.min(...indents);
  return lines.map((l) => l.slice(common));
}

/** Complete top-level assert statements of a block, each with its continuation lines. Indented asserts
 * (inside a def or a loop) are skipped: they are not runnable on their own. */
export function assertStatements(block: readonly string[]): string[] {
  const lines = dedent(block);
  const found: string[] = [];
  for (let i = 0; i < lines.length; i++) {
    if (!/^assert\b/.test(lines[i] as string)) continue;
    const end = logicalLineEnd(lines, i);
    if (end === undefined) break; // truncated: unbalanced to the end of the block
    found.push(lines.slice(i, end + 1).join('\n').trimEnd());
    i = end;
  }
  return found;
}

/** Every top-level assert in every Python fenced block, in order. */
export function fencedAssertions(text: string): string[] {
  return pythonCodeBlocks(text).flatMap(assertStatements);
}
