// CodeT-style generated tests: each sample continues a prompt that ends in "assert ", so the tests are the pieces
// between "assert " markers that mention the function, cut at the first stop token (as CodeT's postprocess does).
// CodeT also dropped pieces that do not compile; here Python (the engine) decides that, except for the one case
// that is certain without Python: nothing left after "assert" once the stop token is cut.

const STOP_TOKENS = ['\nclass', '\ndef', '\n#', '\nif', '\nprint'];

/** The function under test, from a CodeT test-generation prompt ("# check the correctness of NAME\nassert "). */
export function codetEntryPoint(prompt: string): string | undefined {
  return /#\s*check the correctness of\s+([A-Za-z_]\w*)\s*\n\s*assert\s*$/.exec(prompt)?.[1];
}

/** Text before the earliest stop token. */
function truncate(text: string): string {
  let end = text.length;
  for (const stop of STOP_TOKENS) {
    const at = text.indexOf(stop);
    if (at !== -1 && at < end) end = at;
  }
  return text.slice(0, end).trim();
}

/** The assert statements of one sample, in order; `limit` keeps the first few (CodeT used 5). */
export function codetTestCases(sample: string, entryPoint: string | undefined, limit?: number): string[] {
  const cases: string[] = [];
  for (const part of `assert ${sample}`.split('assert ')) {
    if (part.trim() === '' || (entryPoint !== undefined && !part.includes(entryPoint))) continue;
    const test = truncate(`assert ${part}`.trim());
    if (test !== 'assert') cases.push(test);
  }
  return limit === undefined ? cases : cases.slice(0, limit);
}
