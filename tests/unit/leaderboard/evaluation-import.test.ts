// Importing an evaluation file as a leaderboard row: strict errors naming the line and field, nothing partial.
import { describe, expect, it } from 'vitest';
import { EvaluationImportError, readEvaluation } from '../../../src/core/leaderboard/evaluation-import';
import { evaluationRow } from '../../../src/core/leaderboard/evaluation-rows';

const line = (o: Record<string, unknown>) => JSON.stringify({ dataset: 'DEMO', task_id: 'Demo/0', rank: 1, ground_average_test_score: 1, average_test_score: 1, ...o });
const GOOD = [line({}), line({ rank: 2, ground_average_test_score: 0.5, average_test_score: 0.4 }), line({ dataset: 'HE_base', task_id: 'HumanEval/0' }), line({ dataset: 'HE_base', task_id: 'HumanEval/0', rank: 2, ground_average_test_score: 0, average_test_score: 0.1 })].join('\n');
const read = (text: string, method: 'utg' | 'reward' = 'utg') => readEvaluation({ text, fileName: 'evals.jsonl', method }, 'id-1', 42);

describe('readEvaluation', () => {
  it('reads every split of a good file, named after the file', () => {
    const evaluation = read(GOOD);
    expect(evaluation).toMatchObject({ id: 'id-1', name: 'evals', fileName: 'evals.jsonl', method: 'utg', addedAt: 42, splits: ['HE_base', 'DEMO'] });
    expect(evaluation.solutions).toHaveLength(4);
    const row = evaluationRow(evaluation);
    expect(row).toMatchObject({ id: 'evaluation:id-1', kind: 'eval-file', facts: { datasets: ['HE-R', 'Demo-R'], scorer: 'file: pass fraction', backend: 'evaluation file' } });
  });

  it('reads rewards from reward.reward_score', () => {
    const text = [line({ average_test_score: undefined, reward: { reward_score: -3.5 } }), line({ rank: 2, ground_average_test_score: 0, reward: { reward_score: -7 } })].join('\n');
    expect(read(text, 'reward').solutions.map((s) => s.predicted)).toEqual([-3.5, -7]);
  });

  it.each([
    ['not JSON', `${line({})}\n{oops`, 'evals.jsonl: line 2: not valid JSON'],
    ['a missing field', `${line({})}\n${JSON.stringify({ dataset: 'DEMO', task_id: 'Demo/0', rank: 2, average_test_score: 1 })}`, 'evals.jsonl: line 2: missing field "ground_average_test_score"'],
    ['an unknown dataset', line({ dataset: 'HE' }), 'evals.jsonl: line 1: field "dataset" must be one of HE_base, HE_plus, MBPP_base, MBPP_plus, DEMO (got "HE")'],
    ['a rank below 1', line({ rank: 0 }), 'evals.jsonl: line 1: field "rank" must be a positive integer (got 0)'],
    ['a duplicate rank', `${line({})}\n${line({})}`, 'evals.jsonl: DEMO Demo/0 has rank 1 twice'],
    ['an empty file', '\n\n', 'evals.jsonl: the file holds no evaluation line'],
  ])('refuses %s with a message naming it', (_, text, message) => {
    expect(() => read(text)).toThrow(EvaluationImportError);
    expect(() => read(text)).toThrow(message);
  });

  it('hints at the other method when the prediction field is missing', () => {
    const text = JSON.stringify({ dataset: 'DEMO', task_id: 'Demo/0', rank: 1, ground_average_test_score: 1, reward: { reward_score: 2 } });
    expect(() => read(text)).toThrow('evals.jsonl: line 1: missing field "average_test_score" (is this a reward-model file? choose "reward")');
  });
});
