// Scripted behaviours of the OpenAI mock, chosen by model name: "<base>+<behaviour>+...".
// Bases: mock-asserts (assertions derived from the prompt), mock-queue (canned answers), mock-echo (echo the prompt),
//   mock-fix (a refiner: answers the last fenced Python block of the prompt, so feedback holding a fix gets it and
//   a prompt without one gets the wrong program back), and the scoring bases of score-answers.ts (reward models in
//   NIM's shapes, an LLM judge).
import { SCORE_BASES, type ScoreBase } from './score-answers';
// Behaviours (an "xN" suffix limits one to the first N requests of that model name since the last reset):
//   429xN / 500xN / 503xN   answer with that status;  raS  Retry-After S seconds (default 1); radS  as an HTTP date
//   slowMS    wait before the response headers;      trickleMS  wait between stream chunks
//   dropK     cut the connection after K content chunks (non-streaming: half-way through the body)
//   fragN     write the stream in N-byte slices (splits lines and UTF-8 sequences)
//   badjson   a body / chunk that is not JSON;         nodone  end the stream with neither finish_reason nor [DONE]
//   ignorestream  answer JSON even when asked to stream;  html  a 200 text/html page
//   think     prefix the answer with a <think> block;  reasoning  send MOCK_REASONING as reasoning_content first
//   reasoningplain  the same under the field name `reasoning` (OpenRouter's)
//   hold      wait before the response headers while the mock's gate is closed (tests open it: no timing involved)
//   nocode    (refinements) answer prose without any program;  hang  a program whose function never returns
//   escape    a program that tries the sandbox (files, subprocess, js, os.environ, builtins) and returns wrong values
//   malformed a scoring base (score-answers.ts: mock-reward..., mock-judge) answers prose with no score

export const MOCK_BASES = ['mock-asserts', 'mock-queue', 'mock-echo', 'mock-fix'] as const;
/** Every base a model name may start with (the scoring ones are not listed by GET /models). */
export type MockBase = (typeof MOCK_BASES)[number] | ScoreBase;

/** One parsed behaviour token. `arg` is the number after the name; `times` the xN limit (undefined = always). */
export interface Behaviour {
  name: string;
  arg: number | undefined;
  times: number | undefined;
}

/** A parsed model name, or null when the model is unknown (the server answers 404). */
export interface MockModel {
  base: MockBase;
  behaviours: Behaviour[];
}

const NAMED = new Set(['ra', 'rad', 'slow', 'trickle', 'drop', 'frag', 'badjson', 'nodone', 'ignorestream', 'html', 'think', 'reasoning', 'reasoningplain', 'hold', 'malformed', 'nocode', 'hang', 'escape']);

/** The reasoning the mock sends: a tagged assertion and a fenced assert that fail for every candidate, which must never count. */
export const MOCK_REASONING = [
  'First I read the problem. A first draft of a test:',
  '<assertion>',
  'assert False, "taken from the reasoning"',
  '</assertion>',
  '```python',
  'assert 1 == 2, "fenced in the reasoning"',
  '```',
  'Then I write the tests.',
].join('\n');

export function parseMockModel(model: string): MockModel | null {
  const [base, ...tokens] = model.split('+');
  if (![...MOCK_BASES, ...SCORE_BASES].includes(base as MockBase)) return null;
  const behaviours: Behaviour[] = [];
  for (const t of tokens) {
    const status = /^(\d{3})(?:x(\d+))?$/.exec(t);
    const named = /^([a-z]+?)(\d*)(?:x(\d+))?$/.exec(t);
    if (status) behaviours.push({ name: status[1]!, arg: undefined, times: status[2] ? Number(status[2]) : undefined });
    else if (named && NAMED.has(named[1]!)) {
      behaviours.push({ name: named[1]!, arg: named[2] ? Number(named[2]) : undefined, times: named[3] ? Number(named[3]) : undefined });
    } else return null;
  }
  return { base: base as MockBase, behaviours };
}

/** The behaviours in force for the `nth` (1-based) request of a model. */
export function activeBehaviours(model: MockModel, nth: number): Map<string, Behaviour> {
  const active = new Map<string, Behaviour>();
  for (const b of model.behaviours) if (b.times === undefined || nth <= b.times) active.set(b.name, b);
  return active;
}

/**
 * The mock-asserts answer: the entry point is the last `def name(` in the prompt, the count the first
 * "N assertions/tests/test cases"; doctest examples of that function become asserts, the rest check it is callable.
 */
export function assertionsAnswer(prompt: string): string {
  const defs = [...prompt.matchAll(/def\s+([A-Za-z_]\w*)\s*\(/g)];
  const entry = defs.at(-1)?.[1] ?? 'solution';
  const n = Number(/\b(\d+)\s+(?:assertions|test cases|tests)\b/i.exec(prompt)?.[1] ?? 10);
  const asserts: string[] = [];
  const doctest = new RegExp(`>>>\\s*(${entry}\\(.*\\))\\s*\\n\\s*(\\S.*)`, 'g');
  for (const m of prompt.matchAll(doctest)) {
    if (asserts.length >= n) break;
    const expected = m[2]!.replace(/("""|''')\s*$/, '').trim(); // a docstring may close on the example's line
    if (expected !== '') asserts.push(`assert ${m[1]!.trim()} == ${expected}`);
  }
  while (asserts.length < n) asserts.push(`assert callable(${entry})`);
  return `Here are ${n} tests for ${entry}:\n\n${asserts.map((a) => `<assertion>\n${a}\n</assertion>`).join('\n')}\n`;
}

/**
 * The mock-fix answer, or a scripted refinement when `nocode`, `hang` or `escape` is active: the function is the
 * last `def name(` of the prompt.
 */
export function refinementAnswer(prompt: string, active: ReadonlyMap<string, Behaviour>): string {
  const entry = [...prompt.matchAll(/def\s+([A-Za-z_]\w*)\s*\(/g)].at(-1)?.[1] ?? 'solution';
  if (active.has('nocode')) return 'I read the feedback carefully, but I cannot tell what to change, so I will leave the program as it is.';
  const fenced = (code: string) => `Here is the corrected program.\n\n\`\`\`python\n${code}\n\`\`\`\n`;
  if (active.has('hang')) return fenced(`def ${entry}(*args):\n    while True:\n        pass`);
  if (active.has('escape')) {
    return fenced(
      [
        'import os, sys, builtins',
        'seen = []',
        'for probe in (lambda: open("/etc/passwd").read(), lambda: __import__("subprocess").run(["ls"]), lambda: __import__("js").fetch):',
        '    try:',
        '        seen.append(probe())',
        '    except BaseException as e:',
        '        seen.append(type(e).__name__)',
        'os.environ["REFINE_ESCAPED"] = "1"',
        'builtins.len = lambda x: -1',
        `def ${entry}(*args):`,
        '    return -12345',
      ].join('\n'),
    );
  }
  const blocks = [...prompt.matchAll(/```python\n([\s\S]*?)\n```/g)];
  const last = blocks.at(-1)?.[1];
  return last === undefined ? 'There is no program in your message.' : fenced(last);
}
