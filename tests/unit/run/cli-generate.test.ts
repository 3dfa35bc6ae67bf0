// `verifier-lab generate` against the local OpenAI mock: the output file the importer reads, resume from a file
// cut off mid-line (finished problems are not asked again), and a clear stop on a wrong key that keeps finished work.
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { resumeTestsFile } from '../../../src/core/run/orchestration/tests-file';
import { runGenerate } from '../../../src/cli/commands/generate';
import { CliUsageError } from '../../../src/cli/cli-io';
import { parseGeneratedTests } from '../../../src/llm/from-file';
import { MOCK_REASONING } from '../../servers/mock-behaviours';
import { startOpenAiMock, type OpenAiMock } from '../../servers/openai-mock';

const DEMO = new URL('../../../static-datasets/demo/Demo-R.jsonl', import.meta.url).pathname;
const KEY = 'sk-cli-test-55aa66bb77';
let mock: OpenAiMock;
let dir: string;
beforeAll(async () => {
  mock = await startOpenAiMock({ apiKey: KEY });
  dir = mkdtempSync(join(tmpdir(), 'vl-generate-'));
});
afterAll(async () => {
  await mock?.close();
  rmSync(dir, { recursive: true, force: true });
});
beforeEach(() => mock.reset());

function io() {
  const err: string[] = [];
  return { io: { stdout: () => {}, stderr: (t: string) => void err.push(t) }, err };
}

const args = (out: string, extra: string[] = []) => [DEMO, '--base-url', mock.url, '--model', 'mock-asserts', '--api-key-env', 'VL_KEY', '--tests', '4', '--limit', '5', '--out', out, ...extra];
const env = { VL_KEY: KEY };

describe('verifier-lab generate', () => {
  it('writes one line per request that the from-file importer reads', async () => {
    const out = join(dir, 'a.jsonl');
    const { io: cli, err } = io();
    expect(await runGenerate(args(out, ['--samples', '2', '--seed', '5']), cli, { env })).toBe(0);
    const lines = readFileSync(out, 'utf8').trim().split('\n').map((l) => JSON.parse(l));
    expect(lines).toHaveLength(10);
    expect(new Set(lines.map((l) => l.task_id))).toEqual(new Set(['Demo/0', 'Demo/1', 'Demo/2', 'Demo/3', 'Demo/4']));
    expect(mock.requests.map((r) => (r.body as { seed: number }).seed).sort()).toEqual([5, 5, 5, 5, 5, 6, 6, 6, 6, 6]);
    const imported = parseGeneratedTests(readFileSync(out, 'utf8'));
    expect(imported.problems.map((p) => p.tests.length)).toEqual([8, 8, 8, 8, 8]);
    expect(imported.problems.find((p) => p.taskId === 'Demo/0')!.tests[0]).toBe('assert callable(count_vowels)');
    expect(err.join('')).toContain('5/5 problems');
    expect(readFileSync(out, 'utf8')).not.toContain(KEY);
  });

  it('resumes from a file cut off mid-line: finished problems are skipped, the cut one is redone', async () => {
    const full = join(dir, 'full.jsonl');
    await runGenerate(args(full), io().io, { env });
    const text = readFileSync(full, 'utf8');
    const lines = text.trim().split('\n');
    const partial = join(dir, 'partial.jsonl');
    writeFileSync(partial, `${lines.slice(0, 3).join('\n')}\n${lines[3]!.slice(0, 40)}`);
    mock.reset();
    const { io: cli, err } = io();
    expect(await runGenerate(args(partial), cli, { env })).toBe(0);
    expect(err.join('')).toMatch(/resuming .*: 3 of 5 problems done, 1 unfinished lines dropped/);
    expect(mock.requests).toHaveLength(2);
    const byTask = (t: string) => Object.fromEntries(t.trim().split('\n').map((l) => [JSON.parse(l).task_id, JSON.parse(l).tests]));
    expect(byTask(readFileSync(partial, 'utf8'))).toEqual(byTask(text));
  });

  it('stops on a wrong key with a clear message, keeping the file as it was, and refuses bad input', async () => {
    const out = join(dir, 'bad.jsonl');
    const { io: cli, err } = io();
    expect(await runGenerate(args(out), cli, { env: { VL_KEY: 'sk-wrong-0000000000' } })).toBe(1);
    expect(err.join('')).toMatch(/stopped: Demo\/\d \(sample 1\): auth/);
    expect(err.join('')).not.toContain('sk-wrong-0000000000');
    await expect(runGenerate(args(out), cli, { env: {} })).rejects.toThrow(CliUsageError);
    await expect(runGenerate([...args(out), '--variant', 'both'], cli, { env })).rejects.toThrow(/--variant/);
    writeFileSync(join(dir, 'other.jsonl'), '{"task_id": "X/1", "tests": []}\n');
    await expect(runGenerate(args(join(dir, 'other.jsonl')), cli, { env })).rejects.toThrow(/not one of this run's problems/);
  });
});

describe('verifier-lab generate: reasoning models', () => {
  it('sends max_tokens 16000 by default, the effort and the extra body when given, and keeps the reasoning in each line', async () => {
    const out = join(dir, 'reasoning.jsonl');
    const extra = ['--model', 'mock-asserts+reasoning', '--reasoning-effort', 'medium', '--extra-body', '{"top_k": 20, "temperature": 0.6}', '--limit', '2'];
    expect(await runGenerate(args(out, extra), io().io, { env })).toBe(0);
    expect(mock.requests).toHaveLength(2);
    for (const r of mock.requests) expect(r.body).toMatchObject({ max_tokens: 16000, reasoning_effort: 'medium', top_k: 20, temperature: 0.6 });
    const lines = readFileSync(out, 'utf8').trim().split('\n').map((l) => JSON.parse(l));
    expect(lines.map((l) => l.reasoning)).toEqual([MOCK_REASONING, MOCK_REASONING]);
    expect(lines.flatMap((l) => l.tests).filter((t: string) => t.includes('reasoning'))).toEqual([]);
    expect(parseGeneratedTests(readFileSync(out, 'utf8')).problems.flatMap((p) => p.tests)).not.toContain('assert False, "taken from the reasoning"');
  });

  it('--preset paper-structure sends one user message with ten-assertion examples; not with --template', async () => {
    await runGenerate(args(join(dir, 'paper.jsonl'), ['--limit', '1', '--preset', 'paper-structure']), io().io, { env });
    const messages = (mock.requests[0]!.body as { messages: { role: string; content: string }[] }).messages;
    expect(messages.map((m) => m.role)).toEqual(['user']);
    expect(messages[0]!.content).toContain('### Example 2');
    await expect(runGenerate(args(join(dir, 'never.jsonl'), ['--preset', 'paper']), io().io, { env })).rejects.toThrow('--preset must be default or paper-structure (got "paper")');
    await expect(runGenerate(args(join(dir, 'never.jsonl'), ['--preset', 'default', '--template', 'x.txt']), io().io, { env })).rejects.toThrow('--preset and --template');
  });

  it('sends no reasoning_effort unless asked', async () => {
    await runGenerate(args(join(dir, 'plain.jsonl'), ['--limit', '1']), io().io, { env });
    expect(Object.keys(mock.requests[0]!.body as object)).not.toContain('reasoning_effort');
  });

  it('reads fenced asserts only with --fenced-fallback', async () => {
    const answer = 'Sure:\n```python\nassert count_vowels("") == 0\n```';
    const run = async (name: string, flags: string[]) => {
      mock.enqueue(answer);
      const out = join(dir, name);
      await runGenerate(args(out, ['--model', 'mock-queue', '--limit', '1', ...flags]), io().io, { env });
      return JSON.parse(readFileSync(out, 'utf8')).tests;
    };
    expect(await run('fence-off.jsonl', [])).toEqual([]);
    expect(await run('fence-on.jsonl', ['--fenced-fallback'])).toEqual(['assert count_vowels("") == 0']);
  });

  it.each([
    [['--extra-body', '[1]'], '--extra-body: must be a JSON object like {"reasoning_effort": "high"}, got an array'],
    [['--extra-body', '{"top_k": }'], '--extra-body: is not valid JSON'],
    [['--extra-body', '{"model": "x"}'], '--extra-body: may not set "model"'],
    [['--reasoning-effort', 'extreme'], '--reasoning-effort: reasoning effort must be one of none, low, medium, high (got "extreme")'],
  ])('refuses %j before sending anything', async (flags, message) => {
    await expect(runGenerate(args(join(dir, 'never.jsonl'), flags), io().io, { env })).rejects.toThrow(message);
    expect(mock.requests).toHaveLength(0);
  });
});

describe('resumeTestsFile', () => {
  const expected = (id: string) => (id.startsWith('T') ? 2 : undefined);
  const line = (id: string, k: number) => JSON.stringify({ task_id: id, tests: [], sample_index: k });
  it('keeps complete tasks and drops an incomplete last task and a cut-off line', () => {
    const text = `${line('T1', 0)}\n${line('T1', 1)}\n${line('T2', 0)}\n${line('T2', 1).slice(0, 9)}`;
    const r = resumeTestsFile(text, expected);
    expect([...r.finished]).toEqual(['T1']);
    expect(r.dropped).toBe(2);
    expect(r.kept).toBe(`${line('T1', 0)}\n${line('T1', 1)}\n`);
    expect(() => resumeTestsFile(`${line('T1', 0)}\n${line('T2', 0)}\n${line('T2', 1)}\n`, expected)).toThrow(/T1 has 1 lines, expected 2/);
    expect(() => resumeTestsFile('not json\n', expected)).toThrow(/not JSON/);
  });

  it('takes an HE file whose name does not tell HE-R from HE-R+: generation does not depend on the split', async () => {
    const he = join(dir, 'my-humaneval-set.jsonl');
    writeFileSync(he, readFileSync(new URL('../../fixtures/dataset/he-mini.jsonl', import.meta.url)));
    const out = join(dir, 'he.jsonl');
    const { io: cli, err } = io();
    expect(await runGenerate([he, ...args(out).slice(1)], cli, { env }), err.join('')).toBe(0);
    expect(readFileSync(out, 'utf8').trim().split('\n').length).toBeGreaterThan(0);
  });
});
