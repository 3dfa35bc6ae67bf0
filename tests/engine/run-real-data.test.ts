// Real verifier outputs as runs: Reflexion's GPT-4 tests and CodeT's CodeGen-16B tests (first 5 asserts per
// sample, as CodeT used them) imported through the "from file" backend and executed on a HumanEval-based ranking
// set built from CodeT's own pool (`verifier-lab build`; default /tmp/verifier-lab-builds/HE-R.jsonl, or
// VL_HE_R=path). Skipped with a notice when ../shared/data or that set is absent. Every problem runs (about 35 s
// on 2 cores); VL_REAL_PROBLEMS=N runs the first N.
import { idbRunStore } from '../../src/storage/idb-run-store';
import 'fake-indexeddb/auto';
import { existsSync, readFileSync } from 'node:fs';
import { gunzipSync } from 'node:zlib';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { parseDatasetText } from '../../src/core/dataset/parse-dataset';
import type { Dataset } from '../../src/core/dataset/types';
import { computeMetricsBySplit } from '../../src/core/metrics/split-metrics';
import type { SplitMetrics } from '../../src/core/metrics/types';
import { codetMetrics, testValidity } from '../../src/core/run/orchestration/analyses';
import { planRun } from '../../src/core/run/orchestration/work-plan';
import { parseEvalFile } from '../../src/core/run/eval-file-read';
import { PAPER_TIME_LIMITS } from '../../src/core/run/time-limits';
import { createNodePool } from '../../src/engine/node-pool';
import type { EnginePool } from '../../src/engine/pool-types';
import { parseGeneratedTests, promptIndex, type ImportedTestFile } from '../../src/llm/from-file';
import { createFileRun, fileCoverage, fileVerifier } from '../../src/run/create-run';
import { executeRun } from '../../src/run/orchestrator';
import { evalFileExport } from '../../src/run/run-exports';
import { openLabDb } from '../../src/storage/open-db';
import { loadResults } from '../../src/storage/results-repo';
import { METRIC_COLUMNS, formatMetric } from '../../src/ui/components/runs/run-format';

const DATA = new URL('../../../shared/data/', import.meta.url);
const reflexion = new URL('reflexion/humaneval_gpt4_generated_tests.jsonl', DATA);
const codetTests = new URL('codet/HumanEval_codegen16B_temp0.8_topp0.95_num100_max300_test_case.jsonl.gz', DATA);
const codetPrompts = new URL('codet/HumanEval_for_test_case_generation.jsonl', DATA);
const heR = process.env.VL_HE_R ?? '/tmp/verifier-lab-builds/HE-R.jsonl';
const present = [reflexion, codetTests, codetPrompts].every((u) => existsSync(u)) && existsSync(heR);
if (!present) console.warn(`run-real-data.test: needs ../shared/data and a CodeT-pool HE-R set at ${heR} (verifier-lab build); skipped`);
const limit = process.env.VL_REAL_PROBLEMS ? Number(process.env.VL_REAL_PROBLEMS) : Infinity;

let pool: EnginePool;
let dataset: Dataset;
beforeAll(async () => {
  if (!present) return;
  dataset = parseDatasetText(readFileSync(heR, 'utf8'), { name: 'HE-R (CodeT pool)', split: 'HE_base' });
  pool = createNodePool();
  await pool.ready();
}, 300_000);
afterAll(() => pool?.close());

async function runFile(label: string, file: ImportedTestFile) {
  const db = await openLabDb({ factory: new IDBFactory() });
  const coverage = fileCoverage(dataset, file);
  const problemIds = coverage.covered.slice(0, limit);
  const sha = '0'.repeat(64);
  const run = await createFileRun(
    db,
    {
      name: label, datasetId: sha, datasetSha256: sha, datasetName: dataset.name, split: dataset.split, problemIds,
      verifier: fileVerifier(label, label, file),
      execution: { comparison: 'paper', timeout: { kind: 'scaled', ...PAPER_TIME_LIMITS }, budgetMs: 20_000, engineVersion: 'test', pyodideVersion: 'test' },
    },
    file,
  );
  const started = performance.now();
  const outcome = await executeRun({ store: idbRunStore(db), pool, dataset, generator: null }, run.id);
  const seconds = (performance.now() - started) / 1000;
  expect(outcome.status).toBe('done');
  const results = await loadResults(db, run.id);
  const candidates = dataset.problems.filter((p) => problemIds.includes(p.taskId)).reduce((n, p) => n + p.candidates.length, 0);
  expect(results).toHaveLength(candidates);
  // The evaluation-file export reads back to the very metrics the run stored.
  const exported = await evalFileExport(db, run.id, dataset);
  expect(computeMetricsBySplit(parseEvalFile(exported.text, 'utg'), 'utg')).toEqual(outcome.run!.metrics);
  const m = outcome.run!.metrics!.HE_base!;
  const tests = results.reduce((n, r) => n + r.total, 0);
  const line = (x: SplitMetrics) => METRIC_COLUMNS.map((c) => `${c.label} ${formatMetric(c.key, x)}`).join(', ');
  const plan = planRun(problemIds, run.verifier, dataset);
  const validity = testValidity(plan, run.split, results)!;
  const codet = codetMetrics(plan, run.split, results)!.HE_base!;
  console.info(
    `${label} on ${dataset.name}: ${m.problems} problems, ${m.solutions} solutions, ${tests} test executions in ${seconds.toFixed(0)} s\n` +
      `  pass fraction:        ${line(m)}\n` +
      `  valid tests ${validity.valid}/${validity.tests} (${((100 * validity.valid) / validity.tests).toFixed(1)}%), invalid dropped: ${line(validity.metrics!.HE_base!)}\n` +
      `  CodeT dual agreement: ${line(codet)}`,
  );
  return m;
}

describe.skipIf(!present)('real verifier outputs as runs', () => {
  it("Reflexion's GPT-4 tests rank the CodeT-pool candidates better than chance", async () => {
    const m = await runFile('Reflexion GPT-4 tests', parseGeneratedTests(readFileSync(reflexion, 'utf8')));
    expect(m.spearman).toBeGreaterThan(0);
    expect(m.top1).toBeGreaterThan(0.2);
  }, 1_800_000);

  it("CodeT's CodeGen-16B tests (first 5 per sample) rank them better than chance", async () => {
    const prompts = readFileSync(codetPrompts, 'utf8').split('\n').filter((l) => l.trim()).map((l) => JSON.parse(l) as { task_id: string; prompt: string });
    const file = parseGeneratedTests(gunzipSync(readFileSync(codetTests)).toString('utf8'), { promptToTaskId: promptIndex(prompts), testsPerSample: 5 });
    const m = await runFile('CodeT CodeGen-16B tests', file);
    expect(m.spearman).toBeGreaterThan(0);
  }, 3_600_000);
});
