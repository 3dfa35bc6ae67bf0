// Reward and judge runs on the demo dataset through the shared run loop, against the local OpenAI mock's scoring
// models (NIM's reward shapes, a judge): every candidate's raw score, the metrics against goldens computed in
// Python (tests/fixtures/verifiers/make_score_goldens.py), 429s retried, a resume that asks only for what is
// missing, and unparsable answers kept as failed records with the candidate named, never scored 0.
import { readFileSync } from 'node:fs';
import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { MemoryRunStore } from '../../../src/core/run/memory-run-store';
import type { SplitMetrics } from '../../../src/core/metrics/types';
import type { VerifierConfig } from '../../../src/core/run/run-config';
import { draftRun } from '../../../src/core/run/run-types';
import { streamsAnswers, verifierKind } from '../../../src/core/verifiers/verifier-kind';
import { createOpenAiCompatibleGenerator } from '../../../src/llm/openai-compatible';
import { executeRun } from '../../../src/run/orchestrator';
import { defaultJudgeTemplateText } from '../../../src/run/prompt-template-text';
import { RunStop } from '../../../src/run/run-stop';
import { mockAttributes, mockJudgeScore, mockReward } from '../../servers/score-answers';
import { startOpenAiMock, type OpenAiMock } from '../../servers/openai-mock';
import { demoDataset, runInput, verifier } from './run-fixtures';

interface GoldenCase {
  raw: Record<string, number>;
  expected: { DEMO: SplitMetrics };
}
const GOLDENS = JSON.parse(readFileSync(new URL('../../fixtures/verifiers/score-goldens.json', import.meta.url), 'utf8')) as {
  weights: Record<string, number>;
  cases: Record<'reward' | 'attributes' | 'judge', GoldenCase>;
};

const KEY = 'sk-score-runs-9f8e7d';
const SHA = 'a'.repeat(64);
const dataset = demoDataset();
let mock: OpenAiMock;
beforeAll(async () => {
  mock = await startOpenAiMock({ apiKey: KEY });
});
afterAll(async () => {
  await mock?.close();
});
beforeEach(() => mock.reset());

function scoreVerifier(model: string, overrides: Partial<VerifierConfig> = {}): VerifierConfig {
  const kind = model.startsWith('mock-judge') ? 'judge' : 'reward';
  return verifier({
    kind,
    model,
    baseUrl: mock.url,
    variant: 'instruction+solution',
    samplesPerProblem: 1,
    sampling: { temperature: 0, topP: 1, maxTokens: 512, seed: null },
    promptTemplate: kind === 'judge' ? defaultJudgeTemplateText() : '',
    ...overrides,
  });
}

function setUp(v: VerifierConfig) {
  const store = new MemoryRunStore();
  const run = draftRun(runInput(dataset, SHA, { verifier: v }), crypto.randomUUID(), 1);
  store.add(run);
  const generator = createOpenAiCompatibleGenerator(
    { backend: 'openai-compatible', baseUrl: mock.url, model: v.model, apiKey: KEY, stream: streamsAnswers(verifierKind(v)), retry: { baseDelayMs: 1, maxDelayMs: 5 } },
    { pageOrigin: null },
  );
  return { store, run, env: { store, pool: null, dataset, generator, saveEveryMs: 10 } };
}

function expectMetrics(actual: SplitMetrics | undefined, expected: SplitMetrics): void {
  expect(actual).toBeDefined();
  for (const key of ['top1', 'bottom1', 'spearman', 'kendall', 'mae', 'r2'] as const) expect(actual![key], key).toBeCloseTo(expected[key], 9);
  expect([actual!.problems, actual!.solutions]).toEqual([expected.problems, expected.solutions]);
}

const candidates = dataset.problems.flatMap((p) => p.candidates.map((c) => ({ taskId: p.taskId, rank: c.rank, code: c.code })));

describe('reward runs', () => {
  it('score every candidate from the content pairs, through 429s, with metrics as scipy computes them', async () => {
    const { store, run, env } = setUp(scoreVerifier('mock-reward+429x3+ra0'));
    const outcome = await executeRun(env, run.id);
    expect(outcome.error).toBeNull();
    expect(outcome.status).toBe('done');
    const results = await store.loadResults(run.id);
    expect(results).toHaveLength(candidates.length);
    for (const r of results) {
      expect(r.predicted).toBe(GOLDENS.cases.reward.raw[`${r.taskId}#${r.rank}`]);
      expect([r.tests, r.total]).toEqual([[], 0]);
    }
    const generations = await store.loadGenerations(run.id);
    const first = generations.find((g) => g.taskId === 'Demo/0' && g.shownRank === 2)!;
    const code = dataset.problems[0]!.candidates.find((c) => c.rank === 2)!.code;
    expect(first.score).toBe(mockReward(code));
    expect(first.attributes).toEqual({ reward: mockReward(code) });
    expect(first.rawResponse).toBe(`reward:${mockReward(code)}`);
    // The conversation is the problem as the user turn and the candidate as the assistant turn, sent unstreamed.
    const sent = mock.requests.find((q) => JSON.stringify(q.body).includes(JSON.stringify(code)))!.body as { messages: unknown; stream: boolean };
    expect(sent.messages).toEqual([
      { role: 'user', content: dataset.problems[0]!.prompt },
      { role: 'assistant', content: code },
    ]);
    expect(sent.stream).toBe(false);
    expect(mock.requests.length).toBe(candidates.length + 3);
    expectMetrics(outcome.run!.metrics?.DEMO, GOLDENS.cases.reward.expected.DEMO);
  });

  it('read the logprob form when the content is empty', async () => {
    const { store, run, env } = setUp(scoreVerifier('mock-reward-logprobs'));
    expect((await executeRun(env, run.id)).status).toBe('done');
    for (const r of await store.loadResults(run.id)) expect(r.predicted).toBe(GOLDENS.cases.reward.raw[`${r.taskId}#${r.rank}`]);
    expect((await store.loadGenerations(run.id)).every((g) => g.rawResponse === '')).toBe(true);
  });

  it('sum the weighted attributes and keep every attribute', async () => {
    const { store, run, env } = setUp(scoreVerifier('mock-reward-attributes', { reward: { weights: GOLDENS.weights } }));
    const outcome = await executeRun(env, run.id);
    expect(outcome.status).toBe('done');
    for (const r of await store.loadResults(run.id)) expect(r.predicted).toBeCloseTo(GOLDENS.cases.attributes.raw[`${r.taskId}#${r.rank}`]!, 12);
    const g = (await store.loadGenerations(run.id))[0]!;
    const code = dataset.problems.find((p) => p.taskId === g.taskId)!.candidates.find((c) => c.rank === g.shownRank)!.code;
    expect(g.attributes).toEqual(mockAttributes(code));
    expectMetrics(outcome.run!.metrics?.DEMO, GOLDENS.cases.attributes.expected.DEMO);
  });

  it('fail on an answer with no score, naming the candidate; the answer is kept and a resume asks again', async () => {
    const { store, run, env } = setUp(scoreVerifier('mock-reward+malformedx1', { reward: { weights: { reward: 1 } } }));
    const failed = await executeRun({ ...env, requestsPerProblem: 1, problemsInFlight: 1 }, run.id);
    expect(failed.status).toBe('failed');
    expect(failed.error).toBe('Demo/0 rank 1 (sample 1): no usable score: the answer is not name:value pairs (at "I am not able to rate this response.")');
    const kept = (await store.loadGenerations(run.id)).find((g) => g.error !== null)!;
    expect(kept.rawResponse).toBe('I am not able to rate this response.');
    expect(kept.score).toBeUndefined();
    expect(await store.loadResults(run.id)).toHaveLength(0);
    // A reward model answers the same every time, so there is one attempt in the run; the resume asks again.
    expect(mock.requests).toHaveLength(1);
    const resumed = await executeRun(env, run.id);
    expect(resumed.status).toBe('done');
    expect(await store.loadResults(run.id)).toHaveLength(candidates.length);
  });

  it('a missing attribute fails the run with its name', async () => {
    const { run, env } = setUp(scoreVerifier('mock-reward', { reward: { weights: { helpfulness: 1 } } }));
    const outcome = await executeRun({ ...env, problemsInFlight: 1, requestsPerProblem: 1 }, run.id);
    expect(outcome.error).toMatch(/^Demo\/0 rank 1 \(sample 1\): no usable score: the answer has no attribute "helpfulness" \(it has reward\)$/);
  });

  it('resume after a pause asks only for the candidates not yet scored, and ends as an uninterrupted run', async () => {
    const { store, run, env } = setUp(scoreVerifier('mock-reward'));
    const stop = new AbortController();
    let seen = 0;
    const paused = await executeRun({ ...env, problemsInFlight: 2, onRecord: (r) => 'rank' in r && ++seen === 10 && stop.abort(new RunStop('pause')) }, run.id, stop.signal);
    expect(paused.status).toBe('paused');
    const scored = (await store.loadResults(run.id)).length;
    const asked = (await store.loadGenerations(run.id)).filter((g) => g.error === null).length;
    expect(scored).toBeGreaterThanOrEqual(10);
    expect(scored).toBeLessThan(candidates.length);
    // Counted at the generator: the mock may still log requests the pause cut off.
    const calls: unknown[] = [];
    const generator = { ...env.generator, generate: (req: Parameters<typeof env.generator.generate>[0]) => (calls.push(req), env.generator.generate(req)) };
    const done = await executeRun({ ...env, generator }, run.id);
    expect(done.status).toBe('done');
    expect(calls).toHaveLength(candidates.length - asked);
    expectMetrics(done.run!.metrics?.DEMO, GOLDENS.cases.reward.expected.DEMO);
  });
});

describe('judge runs', () => {
  it('score every candidate from the last line "Score: N", streamed, with the think block ignored', async () => {
    const { store, run, env } = setUp(scoreVerifier('mock-judge+think'));
    const outcome = await executeRun(env, run.id);
    expect(outcome.status).toBe('done');
    for (const r of await store.loadResults(run.id)) {
      const code = candidates.find((c) => c.taskId === r.taskId && c.rank === r.rank)!.code;
      expect(r.predicted).toBe(mockJudgeScore(code));
      expect(r.predicted).toBe(GOLDENS.cases.judge.raw[`${r.taskId}#${r.rank}`]);
    }
    const body = mock.requests[0]!.body as { stream: boolean; messages: { role: string; content: string }[] };
    expect(body.stream).toBe(true);
    expect(body.messages.at(-1)!.content).toContain('Score: <a number from 0 to 10>');
    expectMetrics(outcome.run!.metrics?.DEMO, GOLDENS.cases.judge.expected.DEMO);
  });

  it('asks again within the run when an answer has no score line (up to three answers per candidate)', async () => {
    const { store, run, env } = setUp(scoreVerifier('mock-judge+malformedx2'));
    const outcome = await executeRun({ ...env, problemsInFlight: 1, requestsPerProblem: 1 }, run.id);
    expect(outcome.status).toBe('done');
    expect(mock.requests).toHaveLength(candidates.length + 2);
    expect((await store.loadGenerations(run.id)).every((g) => g.error === null)).toBe(true);
  });

  it('fails after three answers without a score, keeping the last one', async () => {
    const { store, run, env } = setUp(scoreVerifier('mock-judge+malformedx3'));
    const outcome = await executeRun({ ...env, problemsInFlight: 1, requestsPerProblem: 1 }, run.id);
    expect(outcome.status).toBe('failed');
    expect(outcome.error).toMatch(/^Demo\/0 rank 1 \(sample 1\): no usable score: the answer does not end with a line "Score: N" .*\(3 answers asked\)$/);
    expect((await store.loadGenerations(run.id))[0]!.rawResponse).toBe('I am not able to rate this response.');
  });
});
