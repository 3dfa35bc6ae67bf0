// How candidate programs are put together from prompts and bodies, and when two programs count as the same.

/**
 * A prompt continued by a body (a HumanEval completion, a canonical_solution body). Concatenated as is, as
 * the authors and CodeT did; a newline goes between only when neither side has one, so a prompt without a
 * trailing newline (MBPP+'s docstring) cannot glue its last line to the body's first.
 */
export function joinPromptBody(prompt: string, body: string): string {
  if (prompt === '' || prompt.endsWith('\n') || body.startsWith('\n')) return prompt + body;
  return `${prompt}\n${body}`;
}

/**
 * The identity of a program for deduplication: line ends normalised and whitespace at the very end removed
 * (neither can change what the program does; spaces inside lines can, in string literals).
 */
export function programKey(code: string): string {
  return code.replace(/\r\n?/g, '\n').replace(/\s+$/, '');
}
