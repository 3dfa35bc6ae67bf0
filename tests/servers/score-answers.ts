// Answers of the OpenAI mock's scoring models, as NVIDIA NIM serves reward models and as a chat model judges:
//   mock-reward             content "reward:x" plus the same pair in choices[0].logprobs.content (Llama-3.1-Nemotron-70B-Reward)
//   mock-reward-logprobs    the log-probability form only (empty content)
//   mock-reward-attributes  five attributes, "helpfulness:a,correctness:b,..." plus logprobs (Nemotron-4-340B-Reward)
//   mock-judge              a short judgement ending in "Score: N", N from 0 to 10
// Scores are a pure function of the candidate's code (its code points), so tests (and make_reward_goldens.py, which
// computes the same numbers in Python) know every expected score. The `malformed` behaviour answers prose instead.

export const SCORE_BASES = ['mock-reward', 'mock-reward-logprobs', 'mock-reward-attributes', 'mock-judge'] as const;
export type ScoreBase = (typeof SCORE_BASES)[number];

/** One entry of choices[0].logprobs.content, as NIM returns attribute scores. */
export interface LogprobEntry {
  token: string;
  logprob: number;
  top_logprobs: never[];
}

/** What the mock answers: the message content and, for reward models, the logprob form. */
export interface ScoreAnswer {
  content: string;
  logprobs: LogprobEntry[] | null;
}

function codeSum(code: string): number {
  let sum = 0;
  for (const ch of code) sum += ch.codePointAt(0)!;
  return sum;
}

/** The mock reward of a program: (sum of its code points mod 2000) / 100 - 10, in [-10, 10). */
export function mockReward(code: string): number {
  return (codeSum(code) % 2000) / 100 - 10;
}

/** The mock's five attributes of a program (helpfulness, correctness, coherence, complexity, verbosity). */
export function mockAttributes(code: string): Record<string, number> {
  const s = codeSum(code);
  return { helpfulness: (s % 500) / 100, correctness: (s % 300) / 100, coherence: 3.5, complexity: (s % 7) / 10, verbosity: (s % 11) / 10 };
}

/** The mock judge's score of a program, a whole number from 0 to 10. */
export function mockJudgeScore(code: string): number {
  return codeSum(code) % 11;
}

/** The candidate a judge prompt shows: the text between "Candidate solution:" and the closing instructions. */
export function judgedCode(prompt: string): string {
  const start = prompt.indexOf('Candidate solution:\n');
  const end = prompt.indexOf('\n\nExplain your judgement', start);
  return start === -1 || end === -1 ? prompt : prompt.slice(start + 'Candidate solution:\n'.length, end);
}

/** The answer of a scoring base to `messages` (the last assistant turn is the program a reward model scores). */
export function scoreAnswer(base: ScoreBase, messages: { role?: string; content?: unknown }[], malformed: boolean): ScoreAnswer {
  if (malformed) return { content: 'I am not able to rate this response.', logprobs: null };
  const text = (role: string) => [...messages].reverse().find((m) => m.role === role && typeof m.content === 'string')?.content as string | undefined;
  if (base === 'mock-judge') {
    const score = mockJudgeScore(judgedCode(text('user') ?? ''));
    return { content: `<think>\nA first guess would be Score: 10, but let me trace it.\n</think>\nThe code handles the ordinary inputs; I checked a few edge cases.\nScore: ${score}`, logprobs: null };
  }
  const code = text('assistant') ?? '';
  const pairs: [string, number][] = base === 'mock-reward-attributes' ? Object.entries(mockAttributes(code)) : [['reward', mockReward(code)]];
  const logprobs = pairs.map(([token, logprob]) => ({ token, logprob, top_logprobs: [] }));
  return { content: base === 'mock-reward-logprobs' ? '' : pairs.map(([name, value]) => `${name}:${value}`).join(','), logprobs };
}

export function isScoreBase(base: string): base is ScoreBase {
  return (SCORE_BASES as readonly string[]).includes(base);
}
