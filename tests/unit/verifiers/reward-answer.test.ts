// Reward answers in both of NIM's shapes (content pairs and logprobs), weighted sums, and every way an answer can
// fail to give a score: each is an error naming what is wrong, never a score of 0.
import { describe, expect, it } from 'vitest';
import { contentAttributes, logprobAttributes, readRewardAnswer } from '../../../src/core/verifiers/reward-answer';
import { ScoreAnswerError } from '../../../src/core/verifiers/score-answer-error';
import { DEFAULT_REWARD_SETTINGS, describeRewardWeights } from '../../../src/core/verifiers/verifier-kind';

/** A NIM chat-completions body whose logprobs hold the attribute pairs. */
function nimBody(pairs: [string, number][], content = ''): unknown {
  return {
    id: 'x',
    object: 'chat.completion',
    choices: [{ index: 0, finish_reason: 'length', message: { role: 'assistant', content }, logprobs: { content: pairs.map(([token, logprob]) => ({ token, logprob, top_logprobs: [] })) } }],
  };
}

const ATTRIBUTES: [string, number][] = [
  ['helpfulness', 1.6171875],
  ['correctness', 1.6484375],
  ['coherence', 3.3125],
  ['complexity', 0.546875],
  ['verbosity', 0.515625],
];

describe('reward answers', () => {
  it('reads the single "reward" attribute from the content (Llama-3.1-Nemotron-70B-Reward)', () => {
    expect(readRewardAnswer('reward:-3.25', null, DEFAULT_REWARD_SETTINGS)).toEqual({ score: -3.25, attributes: { reward: -3.25 } });
    expect(readRewardAnswer('  reward: 1e-2 \n', null, DEFAULT_REWARD_SETTINGS).score).toBe(0.01);
  });

  it('reads the logprob form when the content is empty', () => {
    expect(readRewardAnswer('', nimBody([['reward', -12.5]]), DEFAULT_REWARD_SETTINGS)).toEqual({ score: -12.5, attributes: { reward: -12.5 } });
  });

  it('takes the content pairs when both forms are there', () => {
    const content = ATTRIBUTES.map(([n, v]) => `${n}:${v}`).join(',');
    expect(contentAttributes(content)).toEqual(new Map(ATTRIBUTES));
    expect(logprobAttributes(nimBody(ATTRIBUTES))).toEqual(new Map(ATTRIBUTES));
    expect(readRewardAnswer(content, nimBody([['helpfulness', 99]]), { weights: { helpfulness: 1 } }).score).toBe(1.6171875);
  });

  it('sums the attributes the user weighted (Nemotron-4-340B-Reward)', () => {
    const weights = { helpfulness: 0.5, correctness: 2 };
    // 0.5 x 1.6171875 + 2 x 1.6484375, exact in binary
    expect(readRewardAnswer('', nimBody(ATTRIBUTES), { weights }).score).toBe(0.80859375 + 3.296875);
    expect(describeRewardWeights({ weights })).toBe('0.5 x helpfulness + 2 x correctness');
    expect(describeRewardWeights(DEFAULT_REWARD_SETTINGS)).toBe('reward');
  });

  it('names a missing attribute and the ones the answer has', () => {
    expect(() => readRewardAnswer('helpfulness:3.1,correctness:2.9', null, DEFAULT_REWARD_SETTINGS)).toThrow(
      new ScoreAnswerError('the answer has no attribute "reward" (it has helpfulness, correctness)'),
    );
  });

  it('refuses malformed answers instead of scoring them 0', () => {
    const bad = (content: string, raw: unknown = null) => () => readRewardAnswer(content, raw, DEFAULT_REWARD_SETTINGS);
    expect(bad('')).toThrow(/holds no score/);
    expect(bad('I cannot rate this.')).toThrow(/not name:value pairs/);
    expect(bad('reward:-3.25, and more')).toThrow(/not name:value pairs \(at "and more"\)/);
    expect(bad('reward:abc')).toThrow(ScoreAnswerError);
    expect(bad('reward:1,reward:2')).toThrow(/appears twice/);
    expect(bad('', { choices: [{ logprobs: { content: [{ token: 'reward', logprob: 'high' }] } }] })).toThrow(/logprobs.content\[0\] is not a \{token, logprob\} pair/);
    expect(bad('', { choices: [{ logprobs: null }] })).toThrow(/holds no score/);
    expect(bad('reward:1e400')).toThrow(/not a finite number/);
  });

  it('keeps an attribute named __proto__ as data, not as a prototype', () => {
    const read = readRewardAnswer('__proto__:2,reward:1', null, DEFAULT_REWARD_SETTINGS);
    expect(Object.getPrototypeOf(read.attributes)).toBe(Object.prototype);
    expect(Object.keys(read.attributes)).toEqual(['__proto__', 'reward']);
  });
});
