// The benchmark workload: ground-truth re-scoring of candidate programs. With ../shared/data: every distinct
// CodeT CodeGen-16B completion (CodeT prompt + sample) of the first K HumanEval problems against HumanEval+
// v0.1.10 base + plus inputs; without it, the bundled demo dataset's candidates on its assert tests. Read with
// the build path's own readers (join on the prompt map, distinct-program dedup), so the programs are the ones
// `verifier-lab build` would score. Node-only (reads files); the result is plain JSON for the page and Python.
import { existsSync, readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { gunzipSync } from 'node:zlib';
import { parseBenchmarkText } from '../src/core/build/benchmark-read';
import { joinPool } from '../src/core/build/pool-join';
import { parsePoolText } from '../src/core/build/pool-read';
import { parsePromptMapText } from '../src/core/build/prompt-map';
import { benchmarkTestPlan, datasetTestPlan, planTestCount } from '../src/core/build/test-plan';
import type { TestPlan } from '../src/core/run/types';
import { parseDatasetText } from '../src/core/dataset/parse-dataset';

export const DATA_DIR = fileURLToPath(new URL('../../shared/data/', import.meta.url));
const DEMO = fileURLToPath(new URL('../static-datasets/demo/Demo-R.jsonl', import.meta.url));

export interface BenchProblem {
  taskId: string;
  /** Entry point of io problems ('' for assert problems). */
  entryPoint: string;
  /** The reference program (its outputs are the expected ones; its times give the limits). */
  canonical: string;
  plan: TestPlan;
  /** Candidate programs, complete. */
  candidates: string[];
}

export interface Workload {
  /** What it is, in one line, for the report. */
  title: string;
  problems: BenchProblem[];
  /** Candidate x test executions in one pass. */
  tests: number;
  candidates: number;
}

const text = (path: string) => (path.endsWith('.gz') ? gunzipSync(readFileSync(path)).toString('utf8') : readFileSync(path, 'utf8'));

/** True when the real data is there. */
export function realDataPresent(): boolean {
  return existsSync(`${DATA_DIR}codet`) && existsSync(`${DATA_DIR}evalplus/HumanEvalPlus-v0.1.10.jsonl.gz`);
}

/** CodeT's distinct completions of HumanEval/0 .. HumanEval/(k-1) against HumanEval+ base + plus inputs. */
export function codetWorkload(k: number): Workload {
  const benchmark = parseBenchmarkText(text(`${DATA_DIR}evalplus/HumanEvalPlus-v0.1.10.jsonl.gz`), 'HumanEvalPlus-v0.1.10.jsonl');
  const poolFile = 'HumanEval_codegen16B_temp0.8_topp0.95_num100_max300_code_solution.jsonl.gz';
  const pool = parsePoolText(text(`${DATA_DIR}codet/${poolFile}`), poolFile);
  const promptMap = parsePromptMapText(text(`${DATA_DIR}codet/HumanEval_for_code_generation.jsonl`), 'HumanEval_for_code_generation.jsonl');
  const { programs } = joinPool(benchmark, pool, promptMap);
  const problems: BenchProblem[] = [];
  for (let i = 0; i < k; i++) {
    const problem = benchmark.problems.find((p) => p.taskId === `HumanEval/${i}`);
    if (!problem) throw new Error(`HumanEval/${i} is not in HumanEval+`);
    const plan = benchmarkTestPlan(problem, 'plus');
    const candidates = (programs.get(problem.taskId) ?? []).map((p) => p.code);
    problems.push({ taskId: problem.taskId, entryPoint: problem.entryPoint ?? '', canonical: problem.canonical, plan, candidates });
  }
  const range = k === 1 ? 'HumanEval/0' : `HumanEval/0-${k - 1}`;
  return finish(`every distinct CodeT CodeGen-16B completion of ${range} on HumanEval+ v0.1.10 base + plus inputs`, problems);
}

/** The demo dataset: every candidate (rank 1 included) on its problem's assert tests. */
export function demoWorkload(): Workload {
  const dataset = parseDatasetText(readFileSync(DEMO, 'utf8'), { name: 'Demo-R.jsonl', split: 'DEMO' });
  const problems = dataset.problems.map((p) => ({
    taskId: p.taskId,
    entryPoint: '',
    canonical: p.canonicalSolution,
    plan: datasetTestPlan(p, 'DEMO'),
    candidates: p.candidates.map((c) => c.code),
  }));
  return finish(`every candidate of the bundled Demo-R dataset on its assert tests (no ${DATA_DIR})`, problems);
}

function finish(title: string, problems: BenchProblem[]): Workload {
  return {
    title,
    problems,
    tests: problems.reduce((n, p) => n + p.candidates.length * planTestCount(p.plan), 0),
    candidates: problems.reduce((n, p) => n + p.candidates.length, 0),
  };
}
