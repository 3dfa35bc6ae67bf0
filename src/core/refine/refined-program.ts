// The program in a refinement answer, taken strictly: after the last </think>, the last fenced Python block, or
// the whole answer when every top-level line of it reads as Python. Anything else is "no program", which the
// flow records as a failed refinement rather than guessing which prose lines were meant as code.
import { answerText } from '../tests/extract-assertions';
import { pythonCodeBlocks } from '../tests/fenced-asserts';
import { logicalLineEnd } from '../tests/python-lines';

/** What an answer gave: a program, or why none was taken. */
export type RefinedProgram = { program: string; source: 'fenced' | 'whole' } | { program: null; reason: string };

// A top-level statement starts with a keyword, a decorator or comment, or a name followed by what can follow a
// name in code (call, index, attribute, assignment, annotation). "Here is the fix:" fails: a name then a name.
const KEYWORD = /^(?:def|class|import|from|async|if|elif|else|for|while|try|except|finally|with|return|raise|assert|pass|global|nonlocal|del|print|lambda|match|case|@|#)\b|^[@#]/;
const NAME_THEN_CODE = /^[A-Za-z_][\w.]*\s*(?:[([]|=(?!=)|[-+*/%&|^<>]=|$)|^[A-Za-z_]\w*\s*:\s*[A-Za-z_][\w.]*(?:\[.*\])?\s*(?:=|$)/;
const LITERAL = /^(?:["'[({]|\d)/;

/** Whether every top-level logical line of `text` reads as Python (a lexical approximation; Python decides). */
export function looksLikeCode(text: string): boolean {
  const lines = text.split(/\r?\n/);
  let statements = 0;
  for (let i = 0; i < lines.length; i++) {
    const line = lines[i]!;
    if (line.trim() === '' || /^[ \t]/.test(line)) continue;
    if (!(KEYWORD.test(line) || NAME_THEN_CODE.test(line) || LITERAL.test(line))) return false;
    statements++;
    i = logicalLineEnd(lines, i) ?? lines.length;
  }
  return statements > 0;
}

/** The program of a refinement answer (see the file header). */
export function refinedProgram(answer: string): RefinedProgram {
  const text = answerText(answer);
  const blocks = pythonCodeBlocks(text).map((lines) => lines.join('\n').trim());
  const hasFence = /^ {0,3}(`{3,}|~{3,})/m.test(text);
  if (hasFence) {
    const last = blocks.at(-1);
    if (last === undefined) return { program: null, reason: 'the answer has code fences but none holds Python' };
    if (last === '') return { program: null, reason: 'the last Python code block is empty' };
    return { program: last, source: 'fenced' };
  }
  const whole = text.trim();
  if (whole === '') return { program: null, reason: 'the answer is empty' };
  if (!looksLikeCode(whole)) return { program: null, reason: 'the answer holds no fenced Python block and is not only code' };
  return { program: whole, source: 'whole' };
}
