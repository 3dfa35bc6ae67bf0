// `verifier-lab score` end to end on real Pyodide: the demo dataset against a small tests file written here.
// Golden: a problem given its own test_list must score every candidate at its stored score (Demo-R's scores
// were computed by CPython in static-datasets/tools/build_demo.py), and the printed --json must be what
// `verifier-lab metrics --json` prints for the written evaluation file.
import 'fake-indexeddb/auto';
import { existsSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { metricsCommand } from '../../src/cli/commands/metrics';
import { runScore, scoreCommand } from '../../src/cli/commands/score';
import { parseRunFile } from '../../src/core/run/run-file';
import { openLabDb } from '../../src/storage/open-db';
import { importRunFile } from '../../src/storage/run-file-store';
import { runCli } from '../../src/cli/run-cli';

const DEMO = 'static-datasets/demo/Demo-R.jsonl';
const COMMANDS = [scoreCommand, metricsCommand];

interface DemoLine {
  task_id: string;
  test_list: string[];
  all_solutions: { rank: number; average_test_score: number }[];
}
const demo: DemoLine[] = readFileSync(DEMO, 'utf8').trim().split('\n').map((l) => JSON.parse(l) as DemoLine);
const byId = new Map(demo.map((d) => [d.task_id, d]));

async function run(...argv: string[]) {
  let stdout = '';
  let stderr = '';
  const code = await runCli(argv, { stdout: (t) => void (stdout += t), stderr: (t) => void (stderr += t) }, COMMANDS);
  return { code, stdout, stderr };
}

const scratch = mkdtempSync(join(tmpdir(), 'verifier-lab-score-'));
afterAll(() => rmSync(scratch, { recursive: true, force: true }));
const file = (name: string, lines: unknown[]) => {
  const path = join(scratch, name);
  writeFileSync(path, lines.map((l) => `${JSON.stringify(l)}\n`).join(''));
  return path;
};

interface EvalLine {
  dataset: string;
  task_id: string;
  rank: number;
  ground_average_test_score: number;
  average_test_score: number;
}
const readEval = (path: string) => readFileSync(path, 'utf8').trim().split('\n').map((l) => JSON.parse(l) as EvalLine);
const round2 = (x: number) => Math.round(x * 100) / 100;

describe('verifier-lab score', () => {
  it('scores the demo dataset on given tests; --json equals `metrics --json` of the written file', async () => {
    const own = (id: string) => byId.get(id)!.test_list;
    const tests = file('tests.jsonl', [
      { task_id: 'Demo/0', tests: own('Demo/0') },
      { task_id: 'Demo/1', tests: own('Demo/1').slice(0, 5) },
      { task_id: 'Demo/2', tests: own('Demo/2') },
      { task_id: 'Demo/1', tests: own('Demo/1').slice(5) }, // lines of one task merge
      { task_id: 'Demo/6', response: `Here you go.\n${own('Demo/6').map((t) => `<assertion>\n${t}\n</assertion>`).join('\n')}` },
      { task_id: 'Demo/16', tests: own('Demo/16') }, // needs its test_setup_code
      { task_id: 'Demo/7', tests: ['assert False', 'assert undefined_name == 1'] },
      { task_id: 'Nope/1', tests: ['assert True'] },
    ]);
    const out = join(scratch, 'eval.jsonl');
    const scored = await run('score', DEMO, '--tests', tests, '--out', out, '--json', '--workers', '1');
    expect(scored.code, scored.stderr).toBe(0);
    expect(scored.stderr).toContain('1 task(s) of');
    expect(scored.stderr).toContain('18 of 24 problems have no tests');
    expect(scored.stderr).toMatch(/score: \d+\/\d+ candidates/);

    const lines = readEval(out);
    expect(lines).toHaveLength(demo.reduce((n, d) => n + d.all_solutions.length, 0));
    for (const line of lines) {
      const stored = byId.get(line.task_id)!.all_solutions.find((s) => s.rank === line.rank)!;
      expect(line.dataset).toBe('DEMO');
      expect(line.ground_average_test_score).toBe(stored.average_test_score);
      const label = `${line.task_id} rank ${line.rank}`;
      if (['Demo/0', 'Demo/1', 'Demo/2', 'Demo/6', 'Demo/16'].includes(line.task_id)) expect(round2(line.average_test_score), label).toBe(stored.average_test_score);
      else expect(line.average_test_score, label).toBe(0); // Demo/7's tests fail for all; the rest have none
    }

    const json = JSON.parse(scored.stdout) as Record<string, Record<string, number>>;
    expect(Object.keys(json)).toEqual(['DEMO']);
    expect(Object.keys(json.DEMO!)).toEqual(['top1', 'bottom1', 'spearman', 'kendall', 'mae', 'r2', 'problems', 'solutions']);
    const metrics = await run('metrics', out, '--json');
    expect(metrics.code).toBe(0);
    expect(scored.stdout).toBe(metrics.stdout);
  });

  it('--scorer valid-only on ground-truth tests equals the pass fraction (the canonical passes them all), and --scaling with k >= N equals the point metrics', async () => {
    const tests = file('gt-tests.jsonl', ['Demo/0', 'Demo/2', 'Demo/5'].map((id) => ({ task_id: id, tests: byId.get(id)!.test_list })));
    const out = join(scratch, 'eval-valid.jsonl');
    const scored = await run('score', DEMO, '--tests', tests, '--out', out, '--json', '--workers', '1', '--timeout-ms', '2000', '--scorer', 'valid-only', '--scaling', '1,1000', '--resamples', '20');
    expect(scored.code, scored.stderr).toBe(0);
    const { scaling, ...point } = JSON.parse(scored.stdout).DEMO;
    const metrics = JSON.parse((await run('metrics', out, '--json')).stdout).DEMO;
    expect(point).toEqual(metrics);
    for (const line of readEval(out).filter((l) => ['Demo/0', 'Demo/2', 'Demo/5'].includes(l.task_id))) {
      expect(round2(line.average_test_score), `${line.task_id} rank ${line.rank}`).toBe(byId.get(line.task_id)!.all_solutions.find((s) => s.rank === line.rank)!.average_test_score);
    }
    for (const key of ['top1', 'bottom1', 'spearman', 'kendall', 'mae', 'r2']) expect(scaling['1000'][key], key).toBeCloseTo(point[key], 12);
    expect(scaling['1'].spearman).not.toBeCloseTo(point.spearman, 6);
  });

  it('tests each candidate on its own shown_rank lines, under a fixed --timeout-ms', async () => {
    const d = byId.get('Demo/3')!;
    const tests = file('per-candidate.jsonl', [
      { task_id: 'Demo/3', shown_rank: 1, tests: d.test_list },
      { task_id: 'Demo/3', shown_rank: 2, tests: ['assert False'] },
      { task_id: 'Demo/3', shown_rank: 3, tests: d.test_list },
      // rank 4 has no lines: no tests, score 0
    ]);
    const out = join(scratch, 'eval-per-candidate.jsonl');
    const scored = await run('score', DEMO, '--tests', tests, '--out', out, '--timeout-ms', '2000', '--workers', '1');
    expect(scored.code, scored.stderr).toBe(0);
    expect(scored.stdout).toContain('DEMO');
    const got = readEval(out).filter((l) => l.task_id === 'Demo/3').map((l) => [l.rank, round2(l.average_test_score)]);
    const stored = (rank: number) => d.all_solutions.find((s) => s.rank === rank)!.average_test_score;
    expect(got).toEqual([[1, 1], [2, 0], [3, stored(3)], [4, 0]]);
  });

  it('keeps the run in --run FILE: a stopped run resumes to the uninterrupted result, and the app imports the file as the same run', async () => {
    const tests = file('resume-tests.jsonl', demo.map((d) => ({ task_id: d.task_id, tests: d.test_list })));
    const whole = join(scratch, 'eval-whole.jsonl');
    expect((await run('score', DEMO, '--tests', tests, '--out', whole, '--workers', '1')).code).toBe(0);

    const runFile = join(scratch, 'score.run.jsonl');
    const out = join(scratch, 'eval-resumed.jsonl');
    const args = ['score', DEMO, '--tests', tests, '--run', runFile, '--out', out, '--workers', '1'].slice(1);
    // Stop once a few results are on disk, as Ctrl-C would.
    const stop = new AbortController();
    const watch = setInterval(() => {
      const results = existsSync(runFile) ? readFileSync(runFile, 'utf8').split('"type":"result"').length - 1 : 0;
      if (results >= 5) stop.abort(new Error('Ctrl-C'));
    }, 10);
    const errs: string[] = [];
    const first = await runScore(args, { stdout: () => {}, stderr: (t) => void errs.push(t) }, { signal: stop.signal }).finally(() => clearInterval(watch));
    expect(first, errs.join('')).toBe(1);
    expect(errs.join('')).toMatch(/stopped; \d+ of \d+ candidates are kept in/);
    expect(existsSync(out)).toBe(false);
    const paused = parseRunFile(readFileSync(runFile, 'utf8'));
    expect(paused.manifest.run.status).toBe('paused');
    expect(paused.results.length).toBeGreaterThanOrEqual(5);
    expect(paused.results.length).toBeLessThan(readEval(whole).length);

    const second = await run(...['score', ...args]);
    expect(second.code, second.stderr).toBe(0);
    expect(second.stderr).toMatch(/resuming the run in/);
    expect(readEval(out)).toEqual(readEval(whole));

    // The finished file is a valid run file; the app stores it under the same run id.
    const done = parseRunFile(readFileSync(runFile, 'utf8'));
    expect(done.manifest.run.status).toBe('done');
    expect(done.results).toHaveLength(readEval(whole).length);
    const db = await openLabDb({ factory: new IDBFactory(), name: 'score-import' });
    const imported = await importRunFile(db, readFileSync(runFile, 'utf8'));
    expect(imported.run.id).toBe(done.manifest.run.id);
    expect(imported.run.metrics).toEqual(done.manifest.run.metrics);
    db.close();

    // A finished run is reported again without executing anything.
    const again = await run(...['score', ...args]);
    expect(again.code).toBe(0);
    expect(again.stderr).toMatch(/reporting the run in/);
    expect(again.stderr).not.toMatch(/worker\(s\) ready/);
  });

  it('refuses to resume a run file made on another dataset', async () => {
    const runFile = join(scratch, 'score.run.jsonl');
    const other = file('Other-R.jsonl', demo.slice(0, 3));
    const r = await run('score', other, '--split', 'DEMO', '--run', runFile);
    expect(r.code).toBe(2);
    expect(r.stderr).toMatch(/made on another dataset/);
  });
});
