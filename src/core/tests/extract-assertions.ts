// Turns a test generator's raw output into test cases, as the paper parsed them: drop the reasoning
// (everything up to the last </think>), then take every <assertion>...</assertion> block; fenced code only on request.
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
 * A model output split at its reasoning: `answer` is the text after the last `</think>`; a `<think>` left open after
 * that point means the output was cut off mid-reasoning, so the rest is reasoning too. `thinking` is everything
 * else (empty when the output has no think blocks). Only `answer` is ever read for tests.
 */
export function splitThinking(output: string): { thinking: string; answer: string } {
  const close = output.lastIndexOf('</think>');
  const before = close === -1 ? '' : output.slice(0, close + '</think>'.length);
  const after = close === -1 ? output : output.slice(close + '</think>'.length);
  const open = after.indexOf('<think>');
  return open === -1 ? { thinking: before, answer: after } : { thinking: before + after.slice(open), answer: after.slice(0, open) };
}

/** The answer part of a model output (see splitThinking). */
export function answerText(output: string): string {
  return splitThinking(output).answer;
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

/** How to read an answer: `fencedFallback` also takes asserts from Python code fences when it has no tags. */
export interface ExtractOptions {
  fencedFallback: boolean;
}

/**
 * How answers in an imported tests file are read: with the fallback, as they always were. Such files come from other
 * tools that may not have asked for tags; a file run records this in its verifier (fencedFallback: true).
 */
export const FILE_EXTRACTION: Readonly<ExtractOptions> = { fencedFallback: true };

/**
 * The test cases in a model output: its tagged assertions (the paper's rule); with `fencedFallback`, an answer
 * without tags gives the asserts in its Python code fences instead. Reasoning is never read (see splitThinking).
 */
export function extractAssertions(output: string, options: ExtractOptions): ExtractedAssertions {
  const answer = answerText(output);
  const tagged = taggedAssertions(answer);
  if (tagged.length > 0) return { assertions: tagged, source: 'tags' };
  if (!options.fencedFallback) return { assertions: [], source: 'none' };
  const fenced = fencedAssertions(answer);
  if (fenced.length > 0) return { assertions: fenced, source: 'fenced' };
  return { assertions: [], source: 'none' };
}
