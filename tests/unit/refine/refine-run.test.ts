// Refinement runs as data: the slot layout, the plan, stored fields read back, and the ILF export <-> records
// round trip the CLI resumes from (with the contradictions that must stop a resume).
import { describe, expect, it } from 'vitest';
import type { IlfRecord } from '../../../src/core/refine/ilf-record';
import { RefineInputError } from '../../../src/core/refine/refine-errors';
import { FEEDBACK_SAMPLE, refineRunIssue, refinementOfSample, refinementSample, targetSamples, type RefineRunSettings } from '../../../src/core/refine/refine-run';
import { batchReport, programReport, targetViews } from '../../../src/core/refine/refine-run-view';
import { ilfRecordsOfRun, resumedResults, runRecordsOfIlf } from '../../../src/core/refine/run-ilf';
import { generationSlots, planRun, RunPlanError } from '../../../src/core/run/orchestration/work-plan';
import { readCandidateRecord, readGeneration } from '../../../src/core/run/record-read';
import { RunFieldError } from '../../../src/core/run/run-fields';
import { readRun } from '../../../src/core/run/run-read';
import type { VerifierConfig } from '../../../src/core/run/run-config';
import { draftRun } from '../../../src/core/run/run-types';
import { refineVerifierConfig } from '../../../src/run/refine/refine-config';
import { DEFAULT_FEEDBACK_TEMPLATE, DEFAULT_REFINE_TEMPLATE } from '../../../src/llm/prompts/refine-templates';
import { demoDataset, execution } from '../run/run-fixtures';

const dataset = demoDataset();
const wrong = dataset.problems[0]!.candidates.filter((c) => c.rank !== 1 && c.score < 1).map((c) => c.rank); // Demo/0

function refineConfig(overrides: Partial<Parameters<typeof refineVerifierConfig>[0]> = {}): VerifierConfig & { refine: RefineRunSettings } {
  return refineVerifierConfig({
    backend: 'openai',
    baseUrl: 'http://127.0.0.1:9/v1',
    model: 'fixer',
    feedbackModel: 'critic',
    k: 2,
    baseline: true,
    temperature: 1,
    seed: 5,
    maxTokens: 512,
    templates: { refine: DEFAULT_REFINE_TEMPLATE, feedback: DEFAULT_FEEDBACK_TEMPLATE },
    targets: [
      { taskId: 'Demo/0', rank: wrong[0]! },
      { taskId: 'Demo/0', rank: wrong[1]!, feedback: { text: 'Upper case is missed.', author: 'person' } },
    ],
    ...overrides,
  }) as VerifierConfig & { refine: RefineRunSettings };
}

describe('the slot layout of a refinement target', () => {
  it('puts the drafted feedback at sample 0, then k with feedback, then k without', () => {
    const settings = { k: 3, baseline: true };
    expect(targetSamples({ taskId: 'A', rank: 2 }, settings)).toEqual([FEEDBACK_SAMPLE, 1, 2, 3, 4, 5, 6]);
    expect(targetSamples({ taskId: 'A', rank: 2, feedback: { text: 'x', author: 'person' } }, { k: 3, baseline: false })).toEqual([1, 2, 3]);
    for (const withFeedback of [true, false]) {
      for (let index = 0; index < 3; index++) expect(refinementOfSample(refinementSample({ withFeedback, index }, 3), settings)).toEqual({ withFeedback, index });
    }
    expect(refinementOfSample(FEEDBACK_SAMPLE, settings)).toBeNull();
    expect(refinementOfSample(4, { k: 3, baseline: false })).toBeNull();
  });

  it('names what makes settings unrunnable', () => {
    const base = refineConfig().refine;
    expect(refineRunIssue(base)).toBeNull();
    expect(refineRunIssue({ ...base, k: 9 })).toMatch(/k must be a whole number from 1 to 8/);
    expect(refineRunIssue({ ...base, targets: [] })).toMatch(/no program to refine/);
    expect(refineRunIssue({ ...base, feedbackModel: null })).toMatch(/has no feedback and no model is named to draft it/);
    expect(refineRunIssue({ ...base, targets: [base.targets[0]!, base.targets[0]!] })).toMatch(/named twice/);
    expect(refineRunIssue({ ...base, targets: [{ taskId: 'Demo/0', rank: 0, program: '  ' }] })).toMatch(/pasted program is empty/);
  });
});

describe('planRun for a refinement run', () => {
  it('gives each target its own slots and one candidate record', () => {
    const plan = planRun(['Demo/0'], refineConfig(), dataset);
    expect(plan.candidatesTotal).toBe(2);
    // The first target drafts its feedback (1 + 2k slots), the second came with feedback (2k).
    expect(plan.generationsTotal).toBe(5 + 4);
    const slots = generationSlots(plan.problems[0]!);
    expect(slots.filter((s) => s.shownRank === wrong[0]).map((s) => s.sampleIndex)).toEqual([0, 1, 2, 3, 4]);
    expect(slots.filter((s) => s.shownRank === wrong[1]).map((s) => s.sampleIndex)).toEqual([1, 2, 3, 4]);
  });

  it('refuses a target outside the run, a rank the problem lacks, and settings that cannot run', () => {
    expect(() => planRun(['Demo/1'], refineConfig(), dataset)).toThrow(/in "Demo\/0", which the run does not cover/);
    expect(() => planRun(['Demo/0'], refineConfig({ targets: [{ taskId: 'Demo/0', rank: 99, feedback: { text: 'x', author: 'person' } }] }), dataset)).toThrow(RunPlanError);
    expect(() => planRun(['Demo/0'], { ...refineConfig(), refine: undefined }, dataset)).toThrow(/names no programs/);
  });

  it('plans a pasted program as rank 0', () => {
    const plan = planRun(['Demo/0'], refineConfig({ targets: [{ taskId: 'Demo/0', rank: 0, program: 'def count_vowels(s):\n    return 0', feedback: { text: 'x', author: 'person' } }] }), dataset);
    expect(plan.problems[0]!.ranks).toEqual([0]);
  });
});

describe('stored refinement runs read back', () => {
  const sha = 'a'.repeat(64);
  const run = draftRun({ name: 'r', datasetId: sha, datasetSha256: sha, datasetName: 'Demo-R', split: 'DEMO', problemIds: ['Demo/0'], verifier: refineConfig(), execution: execution() }, 'run-1', 1);

  it('keeps the refine settings through a read', () => {
    expect(readRun(JSON.parse(JSON.stringify(run)))).toEqual(run);
  });

  it('names the field of a bad refine setting', () => {
    const bad = (mutate: (v: Record<string, any>) => void) => {
      const copy = JSON.parse(JSON.stringify(run));
      mutate(copy.verifier);
      return () => readRun(copy);
    };
    expect(bad((v) => delete v.refine)).toThrow(/run\.verifier\.refine: missing/);
    expect(bad((v) => (v.refine.k = 0))).toThrow(RunFieldError);
    expect(bad((v) => (v.refine.targets[1].feedback.author = 'robot'))).toThrow(/targets\[1\]\.feedback\.author/);
    expect(bad((v) => (v.refine.baseline = 'yes'))).toThrow(/refine\.baseline: expected true or false/);
  });

  it('reads a refinement outcome on a generation and a pasted program as rank 0', () => {
    const record = {
      runId: 'run-1', taskId: 'Demo/0', shownRank: 2, sampleIndex: 1,
      request: { backend: 'openai', model: 'fixer', variant: 'instruction', messages: [], sampling: { temperature: 1, topP: 1, maxTokens: 512, seed: 5 } },
      rawResponse: '```python\nx = 1\n```', tests: [], malformedCount: 0, usage: null, timings: { startedAt: 0, firstTokenMs: null, totalMs: 0 }, finishReason: null, error: null,
      refinement: { program: 'x = 1', passed: false, score: 0.5, failures: [{ index: 3, status: 'fail', message: 'AssertionError' }] },
    };
    expect(readGeneration(record).refinement).toEqual(record.refinement);
    expect(() => readGeneration({ ...record, refinement: { ...record.refinement, score: 2 } })).toThrow(/refinement\.score/);
    expect(readCandidateRecord({ runId: 'run-1', taskId: 'Demo/0', rank: 0, tests: [], passed: 0, total: 0, predicted: 0, uncompilable: [], compileError: null, ms: 0 }).rank).toBe(0);
  });
});

describe('the ILF export as a run (CLI resume)', () => {
  const verifier = refineConfig();
  const [drafted, given] = [wrong[0]!, wrong[1]!];
  const program = (rank: number) => dataset.problems[0]!.candidates.find((c) => c.rank === rank)!.code;
  const line = (rank: number, with_feedback: boolean, seed: number, passed: boolean): IlfRecord => ({
    task_id: 'Demo/0',
    rank,
    program: program(rank),
    feedback: rank === drafted ? 'It counts each vowel once.' : 'Upper case is missed.',
    feedback_author: rank === drafted ? 'model:critic' : 'person',
    with_feedback,
    refinement: passed ? 'def count_vowels(s):\n    return 1' : null,
    passed,
    score: passed ? 1 : 0,
    model: 'fixer',
    seed,
  });
  const lines = [line(drafted, true, 5, true), line(drafted, true, 6, false), line(drafted, false, 5, false), line(drafted, false, 6, false), line(given, true, 5, true)];

  it('turns export lines into records and back into the same lines', () => {
    const records = runRecordsOfIlf('run-1', verifier, dataset, lines);
    // One drafted-feedback record for the first program, and one record per line.
    expect(records.filter((g) => g.sampleIndex === FEEDBACK_SAMPLE)).toHaveLength(1);
    expect(records.filter((g) => g.refinement)).toHaveLength(5);
    const back = ilfRecordsOfRun({ problemIds: ['Demo/0'], verifier }, dataset, records);
    const key = (r: IlfRecord) => `${r.rank} ${r.with_feedback} ${r.seed}`;
    expect([...back].sort((a, b) => key(a).localeCompare(key(b)))).toEqual([...lines].sort((a, b) => key(a).localeCompare(key(b))));
  });

  it('refuses lines that would mix two experiments', () => {
    expect(() => runRecordsOfIlf('r', verifier, dataset, [{ ...lines[0]!, model: 'other' }])).toThrow(/refined by other, not fixer/);
    expect(() => runRecordsOfIlf('r', verifier, dataset, [{ ...lines[4]!, feedback: 'Something else.' }])).toThrow(/other feedback/);
    expect(() => runRecordsOfIlf('r', verifier, dataset, [{ ...lines[0]!, seed: 7 }])).toThrow(/outside this run's k = 2 from seed 5/);
    expect(() => runRecordsOfIlf('r', { ...verifier, refine: { ...verifier.refine, baseline: false } }, dataset, [lines[2]!])).toThrow(RefineInputError);
    expect(() => runRecordsOfIlf('r', verifier, dataset, [{ ...lines[0]!, feedback_author: 'person' }])).toThrow(/feedback by a person in the file/);
    // Another feedback model drafted it, the given feedback's author differs, or the program is another dataset's.
    expect(() => runRecordsOfIlf('r', verifier, dataset, [{ ...lines[0]!, feedback_author: 'model:critic-old' }])).toThrow(/drafted by critic-old in the file, and this run drafts with critic/);
    expect(() => runRecordsOfIlf('r', verifier, dataset, [{ ...lines[4]!, feedback_author: 'model:critic' }])).toThrow(/other feedback/);
    expect(() => runRecordsOfIlf('r', verifier, dataset, [{ ...lines[0]!, program: 'def other(): pass' }])).toThrow(/refined another program/);
    // Lines of programs the run does not refine are not its business.
    expect(runRecordsOfIlf('r', verifier, dataset, [{ ...lines[0]!, rank: 1 }])).toEqual([]);
  });

  it('counts a program with every refinement in the file as done, and one missing some as not', () => {
    const results = resumedResults('run-1', verifier, runRecordsOfIlf('run-1', verifier, dataset, lines));
    expect(results.map((r) => [r.rank, r.predicted, r.total])).toEqual([[drafted, 0.5, 0]]);
  });

  it('reports one program and the batch from the records', () => {
    const records = runRecordsOfIlf('run-1', verifier, dataset, lines);
    const views = targetViews({ problemIds: ['Demo/0'], verifier }, dataset, records);
    expect(views.map((v) => [v.target.rank, v.author, v.refinements.length])).toEqual([
      [drafted, 'model:critic', 4],
      [given, 'person', 1],
    ]);
    const one = programReport(views[0]!, verifier.refine)!;
    expect(one.verdict?.kind).toBe('fixed');
    expect(one.withFeedback?.['pass@1']).toBe(0.5);
    // The second program has 1 of its k = 2 refinements: only complete programs count in the batch.
    const batch = batchReport(views, verifier.refine);
    expect(batch.withFeedback).toEqual({ programs: 1, refinements: 2, 'pass@1': 0.5, 'pass@k': 1, repaired: 1 });
    expect(batch.withoutFeedback).toEqual({ programs: 1, refinements: 2, 'pass@1': 0, 'pass@k': 0, repaired: 0 });
    expect(batch.comparison?.difference.estimate).toBe(1);
  });
});
