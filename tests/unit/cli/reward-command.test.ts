// `verifier-lab reward` and `verifier-lab judge` end to end against the local OpenAI mock's scoring models: the
// evaluation file (one line per solution, the raw score in reward.reward_score), --json exactly as `metrics
// --method reward --json` prints it, resume with the same --out (only the missing candidates are asked, a cut-off
// last line dropped), a malformed answer reported with the candidate named, and bad input refused before any request.
import { existsSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { parseDatasetText } from '../../../src/core/dataset/parse-dataset';
import { metricsCommand } from '../../../src/cli/commands/metrics';
import { runJudge } from '../../../src/cli/commands/judge';
import { runReward } from '../../../src/cli/commands/reward';
import { COMMANDS } from '../../../src/cli/commands/registry';
import { runCli } from '../../../src/cli/run-cli';
import { mockJudgeScore, mockReward } from '../../servers/score-answers';
import { startOpenAiMock, type OpenAiMock } from '../../servers/openai-mock';

const DEMO = new URL('../../../static-datasets/demo/Demo-R.jsonl', import.meta.url).pathname;
const dataset = parseDatasetText(readFileSync(DEMO, 'utf8'), { name: 'Demo-R', split: 'DEMO' });
const TOTAL = dataset.problems.reduce((n, p) => n + p.candidates.length, 0);
const KEY = 'sk-reward-cli-1a2b3c4d';
const env = { VL_KEY: KEY };
let mock: OpenAiMock;
let dir: string;
beforeAll(async () => {
  mock = await startOpenAiMock({ apiKey: KEY });
  dir = mkdtempSync(join(tmpdir(), 'vl-reward-'));
});
afterAll(async () => {
  await mock?.close();
  rmSync(dir, { recursive: true, force: true });
});
beforeEach(() => mock.reset());

function capture() {
  const out = { stdout: '', stderr: '' };
  return { out, io: { stdout: (t: string) => void (out.stdout += t), stderr: (t: string) => void (out.stderr += t) } };
}

const rewardArgs = (out: string, model = 'mock-reward', extra: string[] = []) => [DEMO, '--base-url', mock.url, '--model', model, '--api-key-env', 'VL_KEY', '--out', out, ...extra];

async function metricsJsonOf(file: string): Promise<string> {
  const { out, io } = capture();
  expect(await metricsCommand.run([file, '--method', 'reward', '--json'], io)).toBe(0);
  return out.stdout;
}

describe('verifier-lab reward', () => {
  it('writes the evaluation file and prints the metrics exactly as metrics --method reward --json', async () => {
    const file = join(dir, 'reward.jsonl');
    const { out, io } = capture();
    expect(await runReward(rewardArgs(file, 'mock-reward+429x2+ra0', ['--json', '--concurrency', '3']), io, { env })).toBe(0);
    const lines = readFileSync(file, 'utf8').trim().split('\n').map((l) => JSON.parse(l));
    expect(lines).toHaveLength(TOTAL);
    const first = dataset.problems[0]!;
    expect(lines[0]).toEqual({ dataset: 'DEMO', task_id: first.taskId, rank: 1, ground_average_test_score: first.candidates[0]!.score, reward: { reward_score: mockReward(first.candidates[0]!.code) } });
    expect(out.stdout).toBe(await metricsJsonOf(file));
    expect(Object.keys(JSON.parse(out.stdout).DEMO)).toEqual(['top1', 'bottom1', 'spearman', 'kendall', 'mae', 'r2', 'problems', 'solutions']);
    expect(mock.requests).toHaveLength(TOTAL + 2);
    expect(readFileSync(file, 'utf8')).not.toContain(KEY);
    expect(out.stderr).toContain(`reward: wrote ${TOTAL} evaluation lines`);
  });

  it('resumes with the same --out: only the candidates not in it are asked, a cut-off last line is dropped', async () => {
    const full = join(dir, 'full.jsonl');
    await runReward(rewardArgs(full), capture().io, { env });
    const lines = readFileSync(full, 'utf8').trim().split('\n');
    const partial = join(dir, 'partial.jsonl');
    writeFileSync(partial, `${lines.slice(0, 10).join('\n')}\n${lines[10]!.slice(0, 30)}`);
    mock.reset();
    const { out, io } = capture();
    expect(await runReward(rewardArgs(partial, 'mock-reward', ['--json']), io, { env })).toBe(0);
    expect(mock.requests).toHaveLength(TOTAL - 10);
    expect(out.stderr).toContain('resuming');
    expect(out.stderr).toContain('10 candidates already scored, a cut-off last line dropped');
    expect(readFileSync(partial, 'utf8')).toBe(readFileSync(full, 'utf8'));
    // A finished file is reported again without a request.
    mock.reset();
    const again = capture();
    expect(await runReward(rewardArgs(partial, 'mock-reward', ['--json']), again.io, { env })).toBe(0);
    expect(mock.requests).toHaveLength(0);
    expect(again.out.stdout).toBe(out.stdout);
  });

  it('stops on an answer without a score, naming the candidate, and keeps what was scored', async () => {
    const file = join(dir, 'malformed.jsonl');
    const { out, io } = capture();
    expect(await runReward(rewardArgs(file, 'mock-reward+malformedx1', ['--concurrency', '1']), io, { env })).toBe(1);
    expect(out.stderr).toContain('reward: stopped: Demo/0 rank 1 (sample 1): no usable score: the answer is not name:value pairs (at "I am not able to rate this response.")');
    expect(out.stderr).toContain('run the same command again to continue');
    expect(out.stdout).toBe('');
    // The model now answers: the rerun asks for every candidate not in the file.
    const kept = existsSync(file) ? readFileSync(file, 'utf8').trim().split('\n').filter((l) => l !== '').length : 0;
    mock.reset();
    expect(await runReward(rewardArgs(file, 'mock-reward+malformedx0'), capture().io, { env })).toBe(0);
    // Counted by model name: requests the stop cut off may still reach the mock's log.
    expect(mock.requests.filter((r) => r.model === 'mock-reward+malformedx0')).toHaveLength(TOTAL - kept);
  });

  it('reads a weighted sum of attributes, and names an attribute the answers lack', async () => {
    const file = join(dir, 'weights.jsonl');
    expect(await runReward(rewardArgs(file, 'mock-reward-attributes', ['--weights', 'helpfulness=0.5,correctness=2', '--limit', '2']), capture().io, { env })).toBe(0);
    expect(readFileSync(file, 'utf8').trim().split('\n')).toHaveLength(dataset.problems.slice(0, 2).reduce((n, p) => n + p.candidates.length, 0));
    const { out, io } = capture();
    expect(await runReward(rewardArgs(join(dir, 'missing.jsonl'), 'mock-reward-attributes', ['--concurrency', '1']), io, { env })).toBe(1);
    expect(out.stderr).toContain('no usable score: the answer has no attribute "reward" (it has helpfulness, correctness, coherence, complexity, verbosity)');
  });

  it.each([
    ['no --out', ['--base-url', 'http://127.0.0.1:9/v1', '--model', 'm'], /--out EVAL.jsonl is required/],
    ['no model', ['--base-url', 'http://127.0.0.1:9/v1', '--out', 'x.jsonl'], /--base-url and --model are required/],
    ['both --attribute and --weights', ['--base-url', 'u', '--model', 'm', '--out', 'x', '--attribute', 'a', '--weights', 'a=1'], /--attribute or --weights, not both/],
    ['a bad weight', ['--base-url', 'u', '--model', 'm', '--out', 'x', '--weights', 'a=high'], /--weights: "a=high" is not name=number/],
    ['an unset key variable', ['--base-url', 'http://127.0.0.1:9/v1', '--model', 'm', '--out', join(tmpdir(), 'never.jsonl'), '--api-key-env', 'VL_NOT_SET'], /VL_NOT_SET: that environment variable is empty or unset/],
  ])('refuses %s with exit 2', async (_name, args, message) => {
    const { out, io } = capture();
    expect(await runCli(['reward', DEMO, ...(args as string[])], io, COMMANDS)).toBe(2);
    expect(out.stderr).toMatch(message as RegExp);
    expect(out.stdout).toBe('');
  });

  it('refuses an --out that is not this dataset\'s evaluation file', async () => {
    const file = join(dir, 'other.jsonl');
    writeFileSync(file, '{"dataset": "DEMO", "task_id": "Demo/99", "rank": 1, "ground_average_test_score": 1, "reward": {"reward_score": 1}}\n');
    await expect(runReward(rewardArgs(file), capture().io, { env })).rejects.toThrow(
      `${file}: line 1: Demo/99 rank 1 is not a candidate of the problems scored now (remove the file to start over)`,
    );
  });
});

describe('verifier-lab judge', () => {
  it('judges every candidate and writes the judge scores as rewards', async () => {
    const file = join(dir, 'judge.jsonl');
    const { out, io } = capture();
    const args = [DEMO, '--base-url', mock.url, '--model', 'mock-judge+malformedx1', '--api-key-env', 'VL_KEY', '--scale', '0,10', '--out', file, '--json'];
    expect(await runJudge(args, io, { env })).toBe(0);
    const lines = readFileSync(file, 'utf8').trim().split('\n').map((l) => JSON.parse(l));
    const byKey = new Map(dataset.problems.flatMap((p) => p.candidates.map((c) => [`${p.taskId}#${c.rank}`, c.code])));
    for (const line of lines) expect(line.reward.reward_score).toBe(mockJudgeScore(byKey.get(`${line.task_id}#${line.rank}`)!));
    expect(out.stdout).toBe(await metricsJsonOf(file));
    expect(mock.requests).toHaveLength(TOTAL + 1);
    expect((mock.requests[0]!.body as { temperature: number }).temperature).toBe(0);
  });

  it('refuses a scale that is not MIN,MAX and a template without the candidate', async () => {
    const bad = capture();
    expect(await runCli(['judge', DEMO, '--base-url', 'u', '--model', 'm', '--out', 'x', '--scale', '10,1'], bad.io, COMMANDS)).toBe(2);
    expect(bad.out.stderr).toMatch(/--scale must be MIN,MAX \(got "10,1"\): the scale's minimum \(10\) must be below its maximum \(1\)/);
    const template = join(dir, 'template.txt');
    writeFileSync(template, 'Rate {{problem}}.');
    const noCandidate = capture();
    expect(await runCli(['judge', DEMO, '--base-url', 'u', '--model', 'm', '--out', 'x', '--template', template], noCandidate.io, COMMANDS)).toBe(2);
    expect(noCandidate.out.stderr).toContain('the template never shows the candidate ({{solution}})');
  });
});
