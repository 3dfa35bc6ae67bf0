// The Refine page's batch mode: what it refuses (model section, k, temperature, seed, feedback source, problems, a
// bad feedback file named by line and field), which programs it picks, and the run it creates (nothing on refusal).
import { describe, expect, it } from 'vitest';
import { parseDatasetText } from '../../../src/core/dataset/parse-dataset';
import type { NewRunInput } from '../../../src/core/run/run-types';
import { DEFAULT_FEEDBACK_TEMPLATE, DEFAULT_REFINE_TEMPLATE } from '../../../src/llm/prompts/refine-templates';
import { RefineBatch, type RefineModelSection } from '../../../src/state/refine-batch.svelte';
import { DEMO_TEXT } from '../run/run-fixtures';

const dataset = parseDatasetText(DEMO_TEXT, { name: 'Demo-R', split: 'DEMO' });
/** Wrong programs counted straight from the dataset's lines (not through the code under test). */
const wrongOf = (taskIds: string[]) =>
  DEMO_TEXT.trim()
    .split('\n')
    .map((l) => JSON.parse(l) as { task_id: string; all_solutions: { rank: number; average_test_score: number }[] })
    .filter((p) => taskIds.includes(p.task_id))
    .flatMap((p) => p.all_solutions.filter((s) => s.rank !== 1 && s.average_test_score < 1).map((s) => ({ taskId: p.task_id, rank: s.rank })));

function setup() {
  const section = {
    backend: 'openai',
    baseUrl: 'http://127.0.0.1:9/v1',
    model: 'fixer',
    apiKey: 'sk-typed',
    rememberKey: false,
    refineTemplate: { ...DEFAULT_REFINE_TEMPLATE },
    feedbackTemplate: { ...DEFAULT_FEEDBACK_TEMPLATE },
    runDataset: async () => ({ id: 'f'.repeat(64), sha256: 'f'.repeat(64), name: 'Demo-R', split: 'DEMO' }),
    execution: () => ({ comparison: 'paper', timeout: { kind: 'scaled', minMs: 1000, factor: 4 }, budgetMs: 120_000, engineVersion: 'e', pyodideVersion: 'p' }),
  } as unknown as RefineModelSection;
  const keys: [string, string, boolean][] = [];
  const created: NewRunInput[] = [];
  const runs = { create: async (input: NewRunInput) => (created.push(input), { id: 'run-x', ...input }) as never };
  const batch = new RefineBatch(section, { use: (url: string, key: string, remember: boolean) => void keys.push([url, key, remember]) }, runs);
  batch.feedbackModel = 'critic';
  return { batch, section, keys, created };
}

describe('RefineBatch validation', () => {
  it('accepts the defaults with a feedback model, and names each missing or bad setting', () => {
    expect(setup().batch.issue(dataset)).toBeNull();
    const cases: [(b: RefineBatch, s: RefineModelSection) => void, RegExp][] = [
      [(_, s) => (s.model = ' '), /^Name the model/],
      [(_, s) => (s.baseUrl = ''), /base URL/],
      [(b) => (b.k = 0), /from 1 to 8/],
      [(b) => (b.k = 9), /from 1 to 8/],
      [(b) => (b.k = 2.5), /from 1 to 8/],
      [(b) => (b.temperature = 2.5), /temperature/],
      [(b) => (b.seed = 0.5), /seed/],
      [(b) => (b.feedbackModel = ''), /model that drafts the feedback/],
      [(b) => (b.problems = 'Demo/0, Nope/7'), /has no problem Nope\/7/],
      [(_, s) => (s.refineTemplate = { system: '', user: 'Fix it.' }), /^Refinement prompt:/],
      [(_, s) => (s.feedbackTemplate = { system: '', user: 'Why?' }), /^Feedback-drafting prompt:/],
    ];
    for (const [spoil, message] of cases) {
      const { batch, section } = setup();
      spoil(batch, section);
      expect(batch.issue(dataset), String(message)).toMatch(message);
    }
  });

  it('picks every wrong program (score < 1, never rank 1) of all or of the named problems', () => {
    const { batch } = setup();
    const all = dataset.problems.map((p) => p.taskId);
    expect(batch.plan(dataset).targets).toEqual(wrongOf(all));
    batch.problems = 'Demo/2 Demo/0';
    const plan = batch.plan(dataset);
    expect(plan.targets).toEqual(wrongOf(['Demo/0', 'Demo/2']));
    expect(plan.problemIds).toEqual(['Demo/0', 'Demo/2']);
    expect(plan.targets.every((t) => !('feedback' in t))).toBe(true);
  });

  it('reads a feedback file whole or not at all, names the bad line and field, and refines only what it names', () => {
    const { batch } = setup();
    batch.source = 'file';
    expect(batch.issue(dataset)).toBe('Choose a feedback file.');
    const [first, second] = [wrongOf(['Demo/0'])[0], wrongOf(['Demo/1'])[0]];
    batch.readFile('fb.jsonl', `${JSON.stringify({ task_id: first!.taskId, rank: first!.rank, feedback: 'Count upper case too.' })}\n{"task_id": "Demo/1", "rank": 2}\n`);
    expect(batch.file).toBeNull();
    expect(batch.fileError).toBe('fb.jsonl: line 2, field "feedback": missing');
    expect(batch.issue(dataset)).toBe(batch.fileError);

    batch.readFile('fb.jsonl', [first, second].map((t) => JSON.stringify({ task_id: t!.taskId, rank: t!.rank, feedback: `Fix ${t!.rank}.` })).join('\n'));
    expect(batch.fileError).toBeNull();
    expect(batch.issue(dataset)).toBeNull();
    expect(batch.plan(dataset).targets).toEqual([first, second].map((t) => ({ ...t, feedback: { text: `Fix ${t!.rank}.`, author: 'person' } })));
    batch.problems = second!.taskId;
    expect(batch.plan(dataset).targets.map((t) => t.taskId)).toEqual([second!.taskId]);
    batch.problems = 'Demo/5';
    expect(batch.issue(dataset)).toMatch(/names no program of the chosen problems/);

    batch.readFile('fb.jsonl', JSON.stringify({ task_id: 'Demo/0', rank: 99, feedback: 'x' }));
    batch.problems = '';
    expect(batch.issue(dataset)).toMatch(/Demo\/0 rank 99, which the dataset does not have/);
  });
});

describe('RefineBatch.start', () => {
  it('creates one refinement run of the chosen programs, the key handed to ApiKeys and cleared from the form', async () => {
    const { batch, section, keys, created } = setup();
    batch.problems = 'Demo/0';
    batch.k = 3;
    batch.seed = 11;
    batch.baseline = false;
    const run = await batch.start(dataset);
    expect(run?.id).toBe('run-x');
    expect(keys).toEqual([['http://127.0.0.1:9/v1', 'sk-typed', false]]);
    expect(section.apiKey).toBe('');
    expect(created).toHaveLength(1);
    const input = created[0]!;
    expect(input.problemIds).toEqual(['Demo/0']);
    expect(input.datasetSha256).toBe('f'.repeat(64));
    expect(input.verifier.kind).toBe('refine');
    expect(input.verifier.sampling.seed).toBe(11);
    expect(input.verifier.refine).toMatchObject({ k: 3, baseline: false, feedbackModel: 'critic', targets: wrongOf(['Demo/0']) });
    expect(JSON.stringify(input)).not.toContain('sk-typed');
  });

  it('creates nothing when a setting is refused, and says why', async () => {
    const { batch, created, keys } = setup();
    batch.k = 12;
    expect(await batch.start(dataset)).toBeNull();
    expect(batch.message).toMatch(/from 1 to 8/);
    expect(created).toEqual([]);
    expect(keys).toEqual([]);
  });
});
