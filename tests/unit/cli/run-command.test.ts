// `verifier-lab run`: a run file the app would export (an OpenAI-backend run, nothing generated yet) is run to
// its end on the shared loop against the local OpenAI mock and a pool that passes every test; the file is then a
// finished run file of the same run, and a run on another dataset is refused.
import { createHash } from 'node:crypto';
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { runRun } from '../../../src/cli/commands/run';
import { CliUsageError } from '../../../src/cli/cli-io';
import { formatRunFile, parseRunFile } from '../../../src/core/run/run-file';
import { draftRun } from '../../../src/core/run/run-types';
import { startOpenAiMock, type OpenAiMock } from '../../servers/openai-mock';
import { mockReward } from '../../servers/score-answers';
import { demoDataset, DEMO_TEXT, passingPool, runInput, verifier } from '../run/run-fixtures';

const DEMO = new URL('../../../static-datasets/demo/Demo-R.jsonl', import.meta.url).pathname;
const KEY = 'sk-run-cmd-0123456789';
let mock: OpenAiMock;
let dir: string;
beforeAll(async () => {
  mock = await startOpenAiMock({ apiKey: KEY });
  dir = mkdtempSync(join(tmpdir(), 'vl-run-'));
});
afterAll(async () => {
  await mock?.close();
  rmSync(dir, { recursive: true, force: true });
});

const io = () => {
  const out: string[] = [];
  const err: string[] = [];
  return { io: { stdout: (t: string) => void out.push(t), stderr: (t: string) => void err.push(t) }, out, err };
};

describe('verifier-lab run', () => {
  it('generates and executes a stored run to its end, updating the run file in place', async () => {
    const sha = createHash('sha256').update(DEMO_TEXT).digest('hex');
    const dataset = demoDataset();
    const input = runInput(dataset, sha, { problemIds: ['Demo/0', 'Demo/1'], verifier: verifier({ baseUrl: mock.url, model: 'mock-asserts', samplesPerProblem: 1 }) });
    const run = draftRun(input, 'run-from-app', 1000);
    const file = join(dir, 'app.run.jsonl');
    writeFileSync(file, formatRunFile(run, [], [], { appVersion: 't', exportedAt: new Date(0).toISOString() }));

    const { io: cli, out, err } = io();
    const code = await runRun([file, DEMO, '--api-key-env', 'VL_KEY', '--json'], cli, { createPool: () => passingPool(), env: { VL_KEY: KEY } });
    expect(code, err.join('')).toBe(0);
    const done = parseRunFile(readFileSync(file, 'utf8'));
    expect(done.manifest.run.id).toBe('run-from-app');
    expect(done.manifest.run.status).toBe('done');
    expect(done.generations).toHaveLength(2);
    expect(done.results).toHaveLength(dataset.problems.filter((p) => input.problemIds.includes(p.taskId)).reduce((n, p) => n + p.candidates.length, 0));
    expect(Object.keys(JSON.parse(out.join('')) as object)).toEqual(['DEMO']);
    expect(readFileSync(file, 'utf8')).not.toContain(KEY);
  });

  it('runs a reward run file (as the app exports it) without starting an engine, and writes rewards to --out', async () => {
    const sha = createHash('sha256').update(DEMO_TEXT).digest('hex');
    const v = verifier({ kind: 'reward', baseUrl: mock.url, model: 'mock-reward-logprobs', variant: 'instruction+solution', samplesPerProblem: 1, promptTemplate: '' });
    const run = draftRun(runInput(demoDataset(), sha, { problemIds: ['Demo/0'], verifier: v }), 'reward-from-app', 1000);
    const file = join(dir, 'reward.run.jsonl');
    const evalFile = join(dir, 'reward.eval.jsonl');
    writeFileSync(file, formatRunFile(run, [], [], { appVersion: 't', exportedAt: new Date(0).toISOString() }));
    const noEngine = () => {
      throw new Error('a reward run must not start the engine');
    };
    const { io: cli, err } = io();
    expect(await runRun([file, DEMO, '--api-key-env', 'VL_KEY', '--out', evalFile], cli, { createPool: noEngine, env: { VL_KEY: KEY } }), err.join('')).toBe(0);
    const lines = readFileSync(evalFile, 'utf8').trim().split('\n').map((l) => JSON.parse(l));
    expect(lines.map((l) => l.reward.reward_score)).toEqual(demoDataset().problems[0]!.candidates.map((c) => mockReward(c.code)));
    expect(parseRunFile(readFileSync(file, 'utf8')).generations.every((g) => g.score !== undefined)).toBe(true);
  });

  it('refuses a run made on another dataset', async () => {
    const run = draftRun(runInput(demoDataset(), 'f'.repeat(64)), 'other', 1000);
    const file = join(dir, 'other.run.jsonl');
    writeFileSync(file, formatRunFile(run, [], [], { appVersion: 't', exportedAt: new Date(0).toISOString() }));
    await expect(runRun([file, DEMO], io().io, { createPool: () => passingPool() })).rejects.toThrow(CliUsageError);
  });
});
