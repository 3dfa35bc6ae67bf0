// Reads a reward model's answer. NVIDIA NIM serves reward models on chat completions and answers with
// `name:value` pairs in the message content ("reward:-3.25", or "helpfulness:3.1,correctness:2.9,..."), and the
// same pairs as tokens with log-probabilities in `choices[0].logprobs.content` ([{token: "reward", logprob: -3.25}]);
// some servers send only the second form. The run's weights turn the attributes into one scalar.
import type { RewardSettings } from './verifier-kind';
import { ScoreAnswerError } from './score-answer-error';

/** The scalar of one answer and every attribute it named. */
export interface RewardReading {
  score: number;
  attributes: Record<string, number>;
}

const PAIR = /^([A-Za-z_][\w.-]*)\s*:\s*([+-]?(?:\d+(?:\.\d*)?|\.\d+)(?:[eE][+-]?\d+)?)$/;

/** Attributes written as `name:value` pairs (comma or newline separated); null when `content` is blank. */
export function contentAttributes(content: string): Map<string, number> | null {
  const pieces = content.split(/[,\n]/).map((piece) => piece.trim()).filter((piece) => piece !== '');
  if (pieces.length === 0) return null;
  const attributes = new Map<string, number>();
  for (const piece of pieces) {
    const match = PAIR.exec(piece);
    if (!match) throw new ScoreAnswerError(`the answer is not name:value pairs (at ${JSON.stringify(piece.slice(0, 60))})`);
    addAttribute(attributes, match[1]!, Number(match[2]));
  }
  return attributes;
}

/** Attributes in the log-probability form (tokens are names, log-probabilities values); null when absent. */
export function logprobAttributes(raw: unknown): Map<string, number> | null {
  const choice = firstChoice(raw);
  const logprobs = isObject(choice) ? choice['logprobs'] : undefined;
  const content = isObject(logprobs) ? logprobs['content'] : undefined;
  if (!Array.isArray(content) || content.length === 0) return null;
  const attributes = new Map<string, number>();
  content.forEach((entry: unknown, i) => {
    const token = isObject(entry) ? entry['token'] : undefined;
    const value = isObject(entry) ? entry['logprob'] : undefined;
    if (typeof token !== 'string' || typeof value !== 'number' || !Number.isFinite(value)) {
      throw new ScoreAnswerError(`choices[0].logprobs.content[${i}] is not a {token, logprob} pair`);
    }
    addAttribute(attributes, token.trim(), value);
  });
  return attributes;
}

/**
 * The reward of one answer: attributes from the content pairs, else from the log-probability form, then the
 * weighted sum. Throws ScoreAnswerError when neither form is there or an attribute the weights name is missing.
 */
export function readRewardAnswer(content: string, raw: unknown, settings: RewardSettings): RewardReading {
  const attributes = contentAttributes(content) ?? logprobAttributes(raw);
  if (attributes === null) throw new ScoreAnswerError('the answer holds no score (no name:value pairs in its content, no logprobs)');
  let score = 0;
  for (const [name, weight] of Object.entries(settings.weights)) {
    const value = attributes.get(name);
    if (value === undefined) {
      throw new ScoreAnswerError(`the answer has no attribute "${name}" (it has ${[...attributes.keys()].join(', ')})`);
    }
    score += weight * value;
  }
  if (!Number.isFinite(score)) throw new ScoreAnswerError(`the weighted sum is not a finite number (${score})`);
  return { score, attributes: Object.fromEntries(attributes) };
}

function addAttribute(attributes: Map<string, number>, name: string, value: number): void {
  if (name === '') throw new ScoreAnswerError('an attribute has no name');
  if (attributes.has(name)) throw new ScoreAnswerError(`the attribute "${name}" appears twice`);
  if (!Number.isFinite(value)) throw new ScoreAnswerError(`the attribute "${name}" is not a finite number`);
  attributes.set(name, value);
}

function firstChoice(raw: unknown): unknown {
  const choices = isObject(raw) ? raw['choices'] : undefined;
  return Array.isArray(choices) ? choices[0] : undefined;
}

function isObject(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}
