// A reasoning model through the whole run loop (`verifier-lab run` on a run file, the local OpenAI mock, a pool that
// records what it is asked to execute): the API's reasoning is kept beside each answer, in the run file too, and no
// assertion is ever taken from it, tagged or fenced; the run's reasoning effort and extra body reach every request.
import { createHash } from 'node:crypto';
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { runRun } from '../../../src/cli/commands/run';
import { formatRunFile, parseRunFile } from '../../../src/core/run/run-file';
import { draftRun } from '../../../src/core/run/run-types';
import type { VerifierConfig } from '../../../src/core/run/run-config';
import type { ScoreRequest } from '../../../src/core/run/types';
import { MOCK_REASONING } from '../../servers/mock-behaviours';
import { startOpenAiMock, type OpenAiMock } from '../../servers/openai-mock';
import { demoDataset, DEMO_TEXT, passingPool, runInput, verifier } from './run-fixtures';

const DEMO = new URL('../../../static-datasets/demo/Demo-R.jsonl', import.meta.url).pathname;
const SHA = createHash('sha256').update(DEMO_TEXT).digest('hex');
const PROBLEMS = ['Demo/0', 'Demo/1'];
let mock: OpenAiMock;
let dir: string;
beforeAll(async () => {
  mock = await startOpenAiMock({ apiKey: null });
  dir = mkdtempSync(join(tmpdir(), 'vl-reasoning-'));
});
afterAll(async () => {
  await mock?.close();
  rmSync(dir, { recursive: true, force: true });
});
beforeEach(() => mock.reset());

const quiet = { stdout: () => {}, stderr: () => {} };

/** Runs a fresh run file with `over` to its end; the finished file's contents and what the pool was asked to run. */
async function runToEnd(name: string, over: Partial<VerifierConfig>) {
  const input = runInput(demoDataset(), SHA, { problemIds: PROBLEMS, verifier: verifier({ baseUrl: mock.url, samplesPerProblem: 1, testsPerProblem: 4, ...over }) });
  const file = join(dir, `${name}.run.jsonl`);
  writeFileSync(file, formatRunFile(draftRun(input, name, 1000), [], [], { appVersion: 't', exportedAt: new Date(0).toISOString() }));
  const executed: ScoreRequest[] = [];
  const code = await runRun([file, DEMO], quiet, { createPool: () => passingPool(executed), env: {} });
  expect(code).toBe(0);
  const asserts = executed.flatMap((r) => (r.tests.kind === 'assert' ? r.tests.asserts : []));
  return { done: parseRunFile(readFileSync(file, 'utf8')), asserts };
}

describe('a reasoning model run through the loop', () => {
  it.each([
    ['streamed reasoning_content', 'mock-asserts+reasoning', true],
    ['reasoning as one JSON body, OpenRouter field name', 'mock-asserts+reasoningplain+ignorestream', true],
    ['without the fenced fallback', 'mock-asserts+reasoning', false],
  ])('%s: kept beside the answer, never a source of tests', async (_label, model, fencedFallback) => {
    const { done, asserts } = await runToEnd(`r-${model}-${fencedFallback}`, { model, fencedFallback });
    expect(done.manifest.run.status).toBe('done');
    expect(done.generations).toHaveLength(2);
    for (const g of done.generations) {
      expect(g.reasoning).toBe(MOCK_REASONING);
      expect(g.rawResponse).not.toContain('from the reasoning');
      expect(g.tests).toHaveLength(4);
      expect(g.malformedCount).toBe(0);
    }
    expect(asserts.length).toBeGreaterThan(0);
    expect(asserts.filter((a) => a.includes('reasoning'))).toEqual([]);
    expect(done.manifest.run.verifier.fencedFallback).toBe(fencedFallback);
  });

  it('an answer without tags gives no tests even when its reasoning has tags and fences and the fallback is on', async () => {
    mock.enqueue('I thought about it, but here are no tests.', 'Nothing here either.');
    const { done, asserts } = await runToEnd('untagged', { model: 'mock-queue+reasoning', fencedFallback: true });
    expect(done.generations.map((g) => [g.tests, g.reasoning])).toEqual([
      [[], MOCK_REASONING],
      [[], MOCK_REASONING],
    ]);
    expect(asserts).toEqual([]);
  });

  it('fenced asserts in the answer count only with the fallback', async () => {
    const answer = 'Tests:\n```python\nassert count_vowels("") == 0\n```';
    mock.enqueue(answer, answer);
    const off = await runToEnd('fenced-off', { model: 'mock-queue', fencedFallback: false });
    expect(off.done.generations.map((g) => g.tests.length)).toEqual([0, 0]);
    mock.enqueue(answer, answer);
    const on = await runToEnd('fenced-on', { model: 'mock-queue', fencedFallback: true });
    expect(on.done.generations.map((g) => g.tests)).toEqual([['assert count_vowels("") == 0'], ['assert count_vowels("") == 0']]);
  });

  it('sends the run reasoning effort and extra body with every request; the extra body wins a collision', async () => {
    const extraBody = { temperature: 0.6, chat_template_kwargs: { enable_thinking: true } };
    const { done } = await runToEnd('effort', { model: 'mock-asserts+reasoning', reasoningEffort: 'high', extraBody });
    expect(mock.requests).toHaveLength(2);
    for (const r of mock.requests) {
      expect(r.body).toMatchObject({ reasoning_effort: 'high', temperature: 0.6, chat_template_kwargs: { enable_thinking: true }, top_p: 1 });
    }
    expect(done.manifest.run.verifier).toMatchObject({ reasoningEffort: 'high', extraBody });
  });
});
