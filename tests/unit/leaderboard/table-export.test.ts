// CSV and Markdown exports, checked against exact expected text.
import { describe, expect, it } from 'vitest';
import { leaderboardCsv, leaderboardMarkdown } from '../../../src/core/leaderboard/table-export';
import { PROVENANCE_KEYS, verifierProvenance } from '../../../src/core/run/verifier-provenance';
import { execution, verifier } from '../run/run-fixtures';
import { facts, metrics, row } from './fixtures';

const intervals = { top1: [0.5, 1] as [number, number], bottom1: [0.25, 0.75] as [number, number], spearman: [0.4, 0.9] as [number, number], kendall: [0.3, 0.8] as [number, number], mae: [0.1, 0.3] as [number, number], r2: [-0.5, 0.5] as [number, number] };
const one = row('run "one", v2', { DEMO: { metrics: metrics({ top1: 0.75, bottom1: 0.5, spearman: 0.625, kendall: 0.5, mae: 0.2, r2: -0.004, problems: 4, solutions: 16 }), intervals } });
const two = row('two|pipes', { DEMO: { metrics: metrics({ top1: 1, bottom1: 0.25, spearman: 1, kendall: 1, mae: 0.05, r2: 0.9 }), intervals: null } }, { facts: facts({ scorer: 'CodeT' }) });
const none = row('three', {}, { kind: 'eval-file', facts: facts({ scorer: 'valid-only', variant: 'instruction+solution' }), note: 'Does not apply, because, "reasons"' });

describe('leaderboardCsv', () => {
  it('writes every number with its interval, quoting fields that need it', () => {
    const head = 'name,kind,datasets,backend,model,variant,scorer,' + ['top1', 'bottom1', 'spearman', 'kendall', 'mae', 'r2'].map((m) => `DEMO ${m},DEMO ${m} lo,DEMO ${m} hi`).join(',') + ',DEMO problems,DEMO solutions,note,' + PROVENANCE_KEYS.map((k) => `settings ${k}`).join(',');
    const noSettings = ','.repeat(PROVENANCE_KEYS.length);
    expect(leaderboardCsv([one, two, none], ['DEMO'])).toBe(
      [
        head,
        '"run ""one"", v2",tests,Demo-R,file,tests.jsonl,instruction,fraction,0.75,0.5,1,0.5,0.25,0.75,0.625,0.4,0.9,0.5,0.3,0.8,0.2,0.1,0.3,-0.004,-0.5,0.5,4,16,' + noSettings,
        'two|pipes,tests,Demo-R,file,tests.jsonl,instruction,CodeT,1,,,0.25,,,1,,,1,,,0.05,,,0.9,,,4,16,' + noSettings,
        'three,eval-file,Demo-R,file,tests.jsonl,instruction+solution,valid-only,,,,,,,,,,,,,,,,,,,,,"Does not apply, because, ""reasons"""' + noSettings,
        '',
      ].join('\r\n'),
    );
  });
});

describe('leaderboardCsv and spreadsheet formulas', () => {
  it('turns text that a spreadsheet would run into plain text, and leaves negative numbers alone', () => {
    const evil = row('=HYPERLINK("http://x","click")', { DEMO: { metrics: metrics({ r2: -0.25 }), intervals: null } });
    const line = leaderboardCsv([evil], ['DEMO']).split('\r\n')[1]!;
    expect(line.startsWith(`"'=HYPERLINK(""http://x"",""click"")",`)).toBe(true);
    expect(line).toContain(',-0.25,');
    for (const name of ['+1 cmd', '-x', '@SUM(A1)', '\tx']) expect(leaderboardCsv([row(name, {})], ['DEMO']).split('\r\n')[1]!.replace(/^"/, '').startsWith(`'`)).toBe(true);
  });
});

describe('leaderboardMarkdown', () => {
  it('prints a table per split with ± half-widths, in the paper’s rounding', () => {
    expect(leaderboardMarkdown([one, two, none], ['HE_base', 'DEMO'], 'pm', { resamples: 2000, seed: 0 })).toBe(
      [
        '**Demo-R**',
        '',
        '| Verifier | Top-1 | Bottom-1 | Spearman | Kendall | MAE | R² | Problems |',
        '| --- | ---: | ---: | ---: | ---: | ---: | ---: | ---: |',
        '| run "one", v2 | 75.0 ± 25.0 | 50.0 ± 25.0 | 0.63 ± 0.25 | 0.50 ± 0.25 | 0.20 ± 0.10 | 0.00 ± 0.50 | 4 |',
        '| two\\|pipes | 100.0 | 25.0 | 1.00 | 1.00 | 0.05 | 0.90 | 4 |',
        '',
        'Intervals: percentile bootstrap over problems, 2000 resamples, seed 0; ± is half the width of the 95% interval. Top-1 and Bottom-1 in %.',
        '',
      ].join('\n'),
    );
  });

  it('prints [lo, hi] intervals', () => {
    const text = leaderboardMarkdown([one], ['DEMO'], 'bracket', { resamples: 500, seed: 7 });
    expect(text.split('\n')[4]).toBe('| run "one", v2 | 75.0 [50.0, 100.0] | 50.0 [25.0, 75.0] | 0.63 [0.40, 0.90] | 0.50 [0.30, 0.80] | 0.20 [0.10, 0.30] | 0.00 [-0.50, 0.50] | 4 |');
    expect(text).toContain('500 resamples, seed 7; brackets give the 95% interval.');
  });
});

describe('exports say what produced each run', () => {
  const provenance = verifierProvenance({ verifier: verifier({ baseUrl: 'https://k:sk-1@api.example.com/v1', reasoningEffort: 'low', extraBody: { top_k: 5 } }), execution: execution() }, 'Paper structure preset');
  const fraction = row('r1', { DEMO: { metrics: metrics({}), intervals: null } }, { provenance, origin: { kind: 'run', runId: 'r1' } });
  const codet = row('r1 · CodeT', { DEMO: { metrics: metrics({}), intervals: null } }, { provenance, origin: { kind: 'run', runId: 'r1' }, facts: facts({ scorer: 'CodeT' }) });

  it('CSV: one settings column per fact after the note, filled for runs', () => {
    const [head, line] = leaderboardCsv([fraction], ['DEMO']).split('\r\n');
    const cells = head!.split(',');
    const at = (key: string) => line!.split(',')[cells.indexOf(`settings ${key}`)];
    expect(cells.indexOf('settings kind')).toBe(cells.indexOf('note') + 1);
    expect([at('kind'), at('endpoint'), at('reasoningEffort'), at('maxTokens'), at('prompt')]).toEqual(['tests', 'api.example.com', 'low', '1024', 'Paper structure preset']);
    expect(at('promptHash')).toMatch(/^sha256:[0-9a-f]{12}$/);
    expect(line).not.toContain('sk-1');
  });

  it('Markdown: a settings table with one line per run', () => {
    const text = leaderboardMarkdown([fraction, codet, row('file', {})], ['DEMO'], 'pm', { resamples: 10, seed: 0 });
    const block = text.slice(text.indexOf('**Verifier settings**'));
    const lines = block.split('\n').filter((l) => l.startsWith('| '));
    expect(lines).toHaveLength(3);
    expect(lines[0]).toBe('| Verifier | Verifier kind | Backend | Model | Endpoint host | Prompt variant | Prompt | Prompt hash | Tests per request (N) | Samples per prompt | Temperature | top_p | Max tokens | Seed | Reasoning effort | Extra request fields | Assertions taken from | Output comparison | Engine / Pyodide |');
    expect(lines[2]).toMatch(/^\| r1 \| tests \| OpenAI-compatible \| oracle-writer \| api\.example\.com \| instruction \| Paper structure preset \| sha256:[0-9a-f]{12} \| 6 \| 2 \| 1 \| 1 \| 1024 \| 11 \(\+ sample number\) \| low \| \{"top_k":5\} \| assertion tags, else fenced code \| paper \| test \/ test \|$/);
  });
});
