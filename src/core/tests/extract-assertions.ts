// Turns a test generator's raw output into test cases, as the paper parsed them: drop the reasoning
// (everything up to the last </think>), then take every <assertion>...</assertion> block.
import { fencedAssertions } from './fenced-asserts';

/** Where the assertions came from: the paper's tags, the fenced-code fallback, or nowhere. */
export type AssertionSource = 'tags' | 'fenced' | 'none';

export interface ExtractedAssertions {
  /** Each is one test (no cap); whether it compiles is decided by Python in the engine. */
  assertions: string[];
  source: AssertionSource;
}

const OPEN = '<assertion>';
const CLOSE = '</assertion>';

/**
 * The answer part of a model output: text after the last `</think>`. A `<think>` left open after that
 * point means the output was cut off mid-reasoning, so the rest is reasoning too and is dropped.
 */
export function answerText(output: string): string {
  const close = output.lastIndexOf('</think>');
  const answer = close === -1 ? output : output.slice(close + '</think>'.length);
  const open = answer.indexOf('<think>');
  return open === -1 ? answer : answer.slice(0, open);
}

/**
 * Contents of complete <assertion> blocks, trimmed, empty ones skipped. Unlike the authors' non-greedy
 * regex, an opening tag that is never closed before the next opening tag is skipped rather than
 * swallowing its neighbour, and a trailing unclosed block (a truncated output) is dropped. Contents are
 * kept as written otherwise (a ```python fence inside a tag stays and will fail to compile, as in the paper).
 */
export function taggedAssertions(text: string): string[] {
  const found: string[] = [];
  let at = text.indexOf(OPEN);
  while (at !== -1) {
    const start = at + OPEN.length;
    const close = text.indexOf(CLOSE, start);
    if (close === -1) break;
    const reopen = text.indexOf(OPEN, start);
    if (reopen !== -1 && reopen < close) {
      at = reopen;
      continue;
    }
    const body = text.slice(start, close).trim();
    if (body !== '') found.push(body);
    at = text.indexOf(OPEN, close + CLOSE.length);
  }
  return found;
}

/** The test cases in a model output: tagged assertions, else asserts in Python code fences. */
export function extractAssertions(output: string): ExtractedAssertions {
  const answer = answerText(output);
  const tagged = taggedAssertions(answer);
  if (tagged.length > 0) return { assertions: tagged, source: 'tags' };
  const fenced = fencedAssertions(answer);
  if (fenced.length > 0) return { assertions: fenced, source: 'fenced' };
  return { assertions: [], source: 'none' };
}
