// Builds ranking sets from the real public data in ../shared/data with `verifier-lab build` (the same code
// path as the CLI) and writes bench/results-build.md: each result's statistics next to the paper's table.
// Skips with a notice when the data is absent. Outputs and one report per target (<id>.report.json) go to
// --out-dir (default /tmp/verifier-lab-builds), never into the repository; the markdown is rendered from every
// report found there, so a long target can run on its own (--only) and join the table later.
//
//   npx tsx bench/build-real-data.ts [--only HE-R,HE-R+,MBPP-R+] [--first-plus N] [--workers N]
//                                    [--out-dir DIR] [--verify] [--results FILE] [--render]
// --render builds nothing and only re-renders the markdown from the reports in --out-dir; --verify-existing
// re-verifies the outputs of the --only targets already built and adds that to their reports.
import { existsSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { availableParallelism, cpus } from 'node:os';
import { fileURLToPath } from 'node:url';
import { parseArgs } from 'node:util';
import { runBuild } from '../src/cli/commands/build';
import { runVerify } from '../src/cli/commands/verify';
import { describeDisagreement } from '../src/core/verify/verify-compare';
import type { VerifyOutcome } from '../src/core/verify/verify-types';

const DATA = fileURLToPath(new URL('../../shared/data/', import.meta.url));
const REPO = fileURLToPath(new URL('../', import.meta.url));

/** The paper's Table (Scoring Verifiers, arXiv 2502.13820), as quoted in the project's paper notes. */
const PAPER: Record<string, { problems: number; tests: number; solutions: number | null; score: number }> = {
  'HE-R': { problems: 164, tests: 9.6, solutions: 742, score: 0.52 },
  'HE-R+': { problems: 164, tests: 764.1, solutions: 820, score: 0.5 },
  'MBPP-R+': { problems: 378, tests: 108.5, solutions: null, score: 0.49 },
};

interface Target {
  id: string;
  title: string;
  paper: keyof typeof PAPER;
  args: string[];
  /** Shown in the report when the target is a subset. */
  note?: string;
}

const { values } = parseArgs({
  options: {
    only: { type: 'string' },
    'first-plus': { type: 'string' },
    workers: { type: 'string', default: String(availableParallelism()) },
    'out-dir': { type: 'string', default: '/tmp/verifier-lab-builds' },
    results: { type: 'string', default: `${REPO}bench/results-build.md` },
    verify: { type: 'boolean', default: false },
    render: { type: 'boolean', default: false },
    'verify-existing': { type: 'boolean', default: false },
  },
});

if (!existsSync(DATA)) {
  console.log(`notice: ${DATA} is absent; the real-data builds are skipped`);
  process.exit(0);
}

const d = (path: string) => `../shared/data/${path}`;
const HE_PLUS = d('evalplus/HumanEvalPlus-v0.1.10.jsonl.gz');
const CODET = ['--pool', d('codet/HumanEval_codegen16B_temp0.8_topp0.95_num100_max300_code_solution.jsonl.gz'), '--prompt-map', d('codet/HumanEval_for_code_generation.jsonl')];
const MBPP_POOLS = [
  'ldb/mbpp/seed_codellama.jsonl',
  'ldb/mbpp/seed_gpt-3.5-turbo-0613.jsonl',
  'ldb/mbpp/seed_starcoder.jsonl',
  'reflexion/mbpp_gpt4_simple.jsonl',
  'reflexion/mbpp_gpt4_reflexion.jsonl',
].flatMap((p) => ['--pool', d(p)]);
const outDir = values['out-dir'];
const firstPlus = values['first-plus'];

const TARGETS: Target[] = [
  { id: 'HE-R', title: 'HE-R (CodeT pool)', paper: 'HE-R', args: [HE_PLUS, ...CODET, '--split', 'base', '--out', `${outDir}/HE-R.jsonl`] },
  {
    id: 'HE-R+',
    title: 'HE-R+ (CodeT pool)',
    paper: 'HE-R+',
    args: [HE_PLUS, ...CODET, '--split', 'plus', ...(firstPlus ? ['--first', firstPlus] : []), '--out', `${outDir}/HE-R+.jsonl`],
    ...(firstPlus ? { note: `subset: the first ${firstPlus} of 164 problems (file order)` } : {}),
  },
  { id: 'MBPP-R+', title: 'MBPP-R+ (LDB + Reflexion pools)', paper: 'MBPP-R+', args: [d('evalplus/MbppPlus-v0.2.0.jsonl.gz'), ...MBPP_POOLS, '--split', 'plus', '--out', `${outDir}/MBPP-R+.jsonl`] },
];

const wanted = values.only?.split(',').map((s) => s.trim());
mkdirSync(outDir, { recursive: true });
process.chdir(REPO);

/** What one run of one target leaves in --out-dir/<id>.report.json. */
interface Outcome {
  target: Target;
  command: string;
  generated: string;
  machine: string;
  report: BuildReport;
  verify?: {
    agree: number;
    candidates: number;
    ms: number;
    command: string;
    /** Absent in reports made before verify re-checked timing disagreements. */
    timingDisagreements?: number;
    agreedOnRecheck?: number;
    /** One line per disagreement (stored vs recomputed, the tests involved). */
    disagreements?: string[];
  };
}
interface BuildReport {
  split: string;
  ms: number;
  stats: { problems: number; solutions: number; avgScore: number; avgTests: number };
  totals: { built: number; tooFew: number; skipped: number; candidates: number; allErrored: number; budgetExhausted: number };
  join: { lines: number; candidates: number; distinct: number; duplicates: number; empty: number; problemsWithCandidates: number; unmatched: unknown[] };
  problems: { canonicalProblems: string[] }[];
}

const machine = `${availableParallelism()} cores (${cpus()[0]?.model ?? 'unknown CPU'}), Node ${process.version}, ${values.workers} workers`;
for (const target of TARGETS.filter((t) => !values.render && (!wanted || wanted.includes(t.id)))) {
  const reportFile = `${outDir}/${target.id}.report.json`;
  let outcome: Outcome;
  if (values['verify-existing']) {
    outcome = JSON.parse(readFileSync(reportFile, 'utf8')) as Outcome;
  } else {
    const args = [...target.args, '--workers', values.workers, '--json'];
    const command = `node bin/verifier-lab.js build ${args.filter((a) => a !== '--json').join(' ')}`;
    console.error(`== ${target.title}\n$ ${command}`);
    let stdout = '';
    const code = await runBuild(args, { stdout: (t) => (stdout += t), stderr: (t) => process.stderr.write(t) });
    if (code !== 0) throw new Error(`${target.id}: build exited with ${code}`);
    outcome = { target, command, generated: new Date().toISOString(), machine, report: JSON.parse(stdout) as BuildReport };
  }
  if (values.verify || values['verify-existing']) outcome.verify = await verifyOutput(target);
  writeFileSync(reportFile, `${JSON.stringify(outcome, null, 2)}\n`);
}

async function verifyOutput(target: Target): Promise<NonNullable<Outcome['verify']>> {
  const file = target.args[target.args.indexOf('--out') + 1]!;
  const vargs = [file, '--workers', values.workers, '--json'];
  let vout = '';
  const vcode = await runVerify(vargs, { stdout: (t) => (vout += t), stderr: (t) => process.stderr.write(t) });
  if (vcode !== 0) throw new Error(`${target.id}: verify exited with ${vcode}`);
  const v = JSON.parse(vout).files[0];
  return {
    agree: v.summary.agree,
    candidates: v.summary.candidates,
    ms: v.ms,
    command: `node bin/verifier-lab.js verify ${vargs.filter((a) => a !== '--json').join(' ')}`,
    timingDisagreements: v.summary.timingDisagreements,
    agreedOnRecheck: v.summary.agreedOnRecheck,
    disagreements: (v.disagreements as VerifyOutcome[]).map(describeDisagreement),
  };
}

const outcomes = TARGETS.flatMap((t) => {
  const file = `${outDir}/${t.id}.report.json`;
  return existsSync(file) ? [JSON.parse(readFileSync(file, 'utf8')) as Outcome] : [];
});
writeFileSync(values.results, markdown(outcomes));
console.error(`wrote ${values.results}`);

function verifyLines(v: NonNullable<Outcome['verify']>): string[] {
  const head = `- re-verified: ${v.agree}/${v.candidates} stored scores reproduced (${(v.ms / 60000).toFixed(1)} min): \`${v.command}\``;
  if (v.timingDisagreements === undefined) return [head];
  const timing = `  - ${v.agreedOnRecheck} agreed only on a second run after timeouts; ${v.timingDisagreements} of the ${v.candidates - v.agree} disagreements still had timed-out tests on the second run`;
  const oneLine = (d: string) => d.replace(/\s+/g, ' ');
  const listed = (v.disagreements ?? []).slice(0, 12).map(oneLine).map((d) => `  - ${d.length > 220 ? `${d.slice(0, 217)}...` : d}`);
  const more = (v.disagreements?.length ?? 0) > listed.length ? [`  - ... and ${v.disagreements!.length - listed.length} more`] : [];
  return [head, timing, ...listed, ...more];
}

function markdown(list: Outcome[]): string {
  const f = (x: number, n: number) => x.toFixed(n);
  const rows = list.flatMap(({ target, report }) => {
    const p = PAPER[target.paper]!;
    const s = report.stats;
    return [
      `| ${target.title}${target.note ? ` (${target.note})` : ''} | ${s.problems} | ${f(s.avgTests, 1)} | ${s.solutions} | ${f(s.avgScore, 2)} |`,
      `| ${target.paper}, paper | ${p.problems} | ${p.tests} | ${p.solutions ?? 'n/a'} | ${f(p.score, 2)} |`,
    ];
  });
  const details = list.map(({ target, command, generated, machine: where, report, verify }) => {
    const t = report.totals;
    const j = report.join;
    const canonical = report.problems.filter((p) => p.canonicalProblems.length > 0).length;
    return [
      `### ${target.title}`,
      '',
      '```sh',
      command,
      '```',
      '',
      `- split ${report.split}; wall time ${f(report.ms / 60000, 1)} min on ${where}; finished ${generated.slice(0, 16).replace('T', ' ')} UTC`,
      `- pool: ${j.lines} lines, ${j.candidates} candidates, ${j.distinct} distinct programs for ${j.problemsWithCandidates} problems (${j.duplicates} duplicates, ${j.empty} empty), ${j.unmatched.length} lines unmatched`,
      `- problems: ${t.built} built, ${t.tooFew} with fewer than 2 solutions after combine + filter, ${t.skipped} skipped`,
      `- candidates scored: ${t.candidates}; dropped because every test errored: ${t.allErrored}; cut short by the candidate time budget: ${t.budgetExhausted}`,
      `- problems whose canonical solution did not pass every test (or raised on an input): ${canonical}`,
      ...(verify ? verifyLines(verify) : []),
      '',
    ].join('\n');
  });
  return [
    '# Ranking sets built from public data (generated by bench/build-real-data.ts)',
    '',
    'Regenerate with `npx tsx bench/build-real-data.ts` (all targets; HE-R+ takes by far the longest), or one target',
    'with `--only ID` (the table keeps the other targets\' last reports). Each target below lists the exact',
    '`verifier-lab build` command it ran, where and when; wall times were measured on a shared, busy machine.',
    '',
    'Our builds use public candidate pools (CodeT\'s CodeGen-16B samples; LDB and Reflexion solutions), not the',
    'paper\'s GPT-4o "somewhat incorrect" solutions, so only the construction method is the same: scores on the',
    'ground truth with per-test limits max(0.1 s, 4 x canonical), combine (drop all-errored candidates, canonical',
    'rank 1), filter (dedupe by rounded score, keep up to 5 spread over the range). Average score counts every',
    'solution, rank 1 included; average tests is ground-truth tests per problem for the split.',
    '',
    'Scores near a time limit (the 0.1 s floor, or 4 x a fast canonical time) depend on machine load, so a rebuild',
    'or a re-verification on another machine can move a few candidates by a test or two; `node bin/verifier-lab.js',
    'verify FILE` lists every such difference with the tests involved.',
    '',
    '| dataset | problems | avg tests | solutions | avg score |',
    '| --- | --- | --- | --- | --- |',
    ...rows,
    '',
    ...details,
  ].join('\n').trimEnd() + '\n';
}
