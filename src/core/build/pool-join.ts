// Joins pool lines to benchmark problems and keeps each problem's distinct candidate programs, first seen first.
// A line joins on its task_id, else a known respelling of it, else its exact prompt text, else the prompt
// through an explicit prompt -> task_id map. Bodies continue the line's own prompt (what the model saw),
// or the problem's prompt when the line has none.
import { joinPromptBody, programKey } from './program-text';
import { taskIdAlias } from './task-id-alias';
import type { Benchmark, BenchmarkProblem, PoolLine, PoolProgram } from './types';

export type JoinRule = 'task_id' | 'task_id alias' | 'prompt' | 'prompt map';

export interface UnmatchedLine {
  file: string;
  line: number;
  /** What the line offered to join on (its task id, or the start of its prompt). */
  key: string;
}

export interface JoinReport {
  /** Pool lines read. */
  lines: number;
  /** Candidates on those lines (samples counted one by one). */
  candidates: number;
  /** Joined lines per rule. */
  matched: Record<JoinRule, number>;
  unmatched: UnmatchedLine[];
  /** Candidates with no code (empty or whitespace-only bodies): not scored. */
  empty: number;
  /** Candidates whose program was already in the problem's pool. */
  duplicates: number;
  /** Distinct programs kept over all problems. */
  distinct: number;
  /** Problems with at least one distinct program. */
  problemsWithCandidates: number;
}

export interface JoinedPool {
  /** task_id -> distinct programs, in pool order. */
  programs: Map<string, PoolProgram[]>;
  report: JoinReport;
}

/** Joins every pool line (files in the order given) to the benchmark. Unmatched lines are reported, not fatal. */
export function joinPool(benchmark: Benchmark, lines: readonly PoolLine[], promptMap?: ReadonlyMap<string, string>): JoinedPool {
  const family = benchmark.kind === 'humaneval' || benchmark.kind === 'humaneval-plus' ? 'humaneval' : 'mbpp';
  const byId = new Map(benchmark.problems.map((p) => [p.taskId, p]));
  const byAlias = uniqueIndex(benchmark.problems, (p) => taskIdAlias(p.taskId, family));
  const byPrompt = uniqueIndex(benchmark.problems, (p) => p.prompt);
  const find = (line: PoolLine): [BenchmarkProblem, JoinRule] | undefined => {
    if (line.taskId !== undefined) {
      const exact = byId.get(line.taskId);
      if (exact) return [exact, 'task_id'];
      const alias = taskIdAlias(line.taskId, family);
      const aliased = alias === undefined ? undefined : byAlias.get(alias);
      if (aliased) return [aliased, 'task_id alias'];
    }
    if (line.prompt !== undefined) {
      const same = byPrompt.get(line.prompt);
      if (same) return [same, 'prompt'];
      const mapped = promptMap?.get(line.prompt);
      const viaMap = mapped === undefined ? undefined : (byId.get(mapped) ?? byAlias.get(taskIdAlias(mapped, family) ?? ''));
      if (viaMap) return [viaMap, 'prompt map'];
    }
    return undefined;
  };

  const programs = new Map<string, PoolProgram[]>();
  const seen = new Map<string, Set<string>>();
  const report: JoinReport = {
    lines: lines.length,
    candidates: 0,
    matched: { task_id: 0, 'task_id alias': 0, prompt: 0, 'prompt map': 0 },
    unmatched: [],
    empty: 0,
    duplicates: 0,
    distinct: 0,
    problemsWithCandidates: 0,
  };
  for (const line of lines) {
    report.candidates += line.items.length;
    const hit = find(line);
    if (!hit) {
      report.unmatched.push({ file: line.file, line: line.line, key: line.taskId ?? `prompt ${JSON.stringify((line.prompt ?? '').slice(0, 60))}` });
      continue;
    }
    const [problem, rule] = hit;
    report.matched[rule]++;
    const keys = seen.get(problem.taskId) ?? new Set<string>();
    const list = programs.get(problem.taskId) ?? [];
    line.items.forEach((item, sample) => {
      const text = item.kind === 'program' ? item.code : item.body;
      if (text.trim() === '') {
        report.empty++;
        return;
      }
      const code = item.kind === 'program' ? item.code : joinPromptBody(line.prompt ?? problem.prompt, item.body);
      const key = programKey(code);
      if (keys.has(key)) {
        report.duplicates++;
        return;
      }
      keys.add(key);
      list.push({ code, file: line.file, line: line.line, sample });
    });
    seen.set(problem.taskId, keys);
    if (list.length > 0) programs.set(problem.taskId, list);
  }
  for (const list of programs.values()) report.distinct += list.length;
  report.problemsWithCandidates = programs.size;
  return { programs, report };
}

/** key -> problem for keys that belong to exactly one problem. */
function uniqueIndex(problems: readonly BenchmarkProblem[], keyOf: (p: BenchmarkProblem) => string | undefined): Map<string, BenchmarkProblem> {
  const index = new Map<string, BenchmarkProblem | null>();
  for (const p of problems) {
    const key = keyOf(p);
    if (key === undefined) continue;
    index.set(key, index.has(key) ? null : p);
  }
  const unique = new Map<string, BenchmarkProblem>();
  for (const [key, p] of index) if (p !== null) unique.set(key, p);
  return unique;
}
