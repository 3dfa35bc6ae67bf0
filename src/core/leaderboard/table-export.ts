// The leaderboard as CSV (every number at full precision with its interval, for scripts) and as Markdown tables
// (one per dataset, the paper's layout and rounding, each value with its interval as "± half-width" or "[lo, hi]").
import type { SplitName } from '../dataset/types';
import { METRIC_NAMES } from '../metrics/split-table';
import type { MetricName } from '../metrics/types';
import { PROVENANCE_KEYS, PROVENANCE_LABELS, type ProvenanceKey } from '../run/verifier-provenance';
import { SPLIT_LABELS, type LeaderboardRow } from './row-types';

export type ExportRow = Pick<LeaderboardRow, 'name' | 'kind' | 'facts' | 'cells' | 'note'> & Partial<Pick<LeaderboardRow, 'provenance' | 'origin'>>;

/** Column headings of the six metrics, in the paper's order. */
export const METRIC_HEADINGS: Record<MetricName, string> = { top1: 'Top-1', bottom1: 'Bottom-1', spearman: 'Spearman', kendall: 'Kendall', mae: 'MAE', r2: 'R²' };

/** What the intervals are, for a caption or a footnote. */
export interface IntervalFacts {
  resamples: number;
  seed: number;
}

/**
 * CSV (RFC 4180, CRLF line ends): one line per row; per split the six metrics, each followed by its interval's low
 * and high ends, then problems and solutions. Empty cells where a row has no number. After the note, one
 * `settings KEY` column per provenance fact (empty for rows that are not runs).
 */
export function leaderboardCsv(rows: readonly ExportRow[], splits: readonly SplitName[]): string {
  const head = ['name', 'kind', 'datasets', 'backend', 'model', 'variant', 'scorer'];
  for (const split of splits) {
    for (const m of METRIC_NAMES) head.push(`${split} ${m}`, `${split} ${m} lo`, `${split} ${m} hi`);
    head.push(`${split} problems`, `${split} solutions`);
  }
  head.push('note', ...PROVENANCE_KEYS.map((key) => `settings ${key}`));
  const lines = [head];
  for (const row of rows) {
    const f = row.facts;
    const line = [row.name, row.kind, f.datasets.join(' '), f.backend, f.model, f.variant, f.scorer];
    for (const split of splits) {
      const cell = row.cells[split];
      for (const m of METRIC_NAMES) {
        const interval = cell?.intervals?.[m];
        line.push(cell ? csvNumber(cell.metrics[m]) : '', interval ? csvNumber(interval[0]) : '', interval ? csvNumber(interval[1]) : '');
      }
      line.push(cell ? String(cell.metrics.problems) : '', cell ? String(cell.metrics.solutions) : '');
    }
    line.push(row.note ?? '', ...PROVENANCE_KEYS.map((key) => factValue(row, key)));
    lines.push(line);
  }
  return lines.map((line) => line.map(csvField).join(',')).join('\r\n') + '\r\n';
}

/** How a Markdown cell shows an interval: "0.82 ± 0.04" (half the interval's width) or "0.82 [0.78, 0.86]". */
export type IntervalStyle = 'pm' | 'bracket';

/**
 * Markdown: per split a heading line and a table (Verifier, the six metrics, Problems), rows that have the split
 * only; Top-1/Bottom-1 in percent with one decimal, the others with two, as the paper prints them; then a note on
 * the intervals.
 */
export function leaderboardMarkdown(rows: readonly ExportRow[], splits: readonly SplitName[], style: IntervalStyle, facts: IntervalFacts): string {
  const blocks: string[] = [];
  for (const split of splits) {
    const withSplit = rows.filter((row) => row.cells[split]);
    if (withSplit.length === 0) continue;
    const head = ['Verifier', ...METRIC_NAMES.map((m) => METRIC_HEADINGS[m]), 'Problems'];
    const align = ['---', ...METRIC_NAMES.map(() => '---:'), '---:'];
    const body = withSplit.map((row) => {
      const cell = row.cells[split]!;
      return [mdText(row.name), ...METRIC_NAMES.map((m) => mdValue(m, cell.metrics[m], cell.intervals?.[m] ?? null, style)), String(cell.metrics.problems)];
    });
    blocks.push([`**${SPLIT_LABELS[split]}**`, '', ...[head, align, ...body].map((cells) => `| ${cells.join(' | ')} |`)].join('\n'));
  }
  const settings = settingsTable(rows);
  if (settings) blocks.push(settings);
  const how = style === 'pm' ? '± is half the width of the 95% interval' : 'brackets give the 95% interval';
  blocks.push(`Intervals: percentile bootstrap over problems, ${facts.resamples} resamples, seed ${facts.seed}; ${how}. Top-1 and Bottom-1 in %.`);
  return blocks.join('\n\n') + '\n';
}

/** The value of one provenance fact of a row ('' when the row has none). */
function factValue(row: ExportRow, key: ProvenanceKey): string {
  return row.provenance?.find((f) => f.key === key)?.value ?? '';
}

/** A table of what produced each run's rows (one line per run, under its first row's name); null when no row is a run. */
function settingsTable(rows: readonly ExportRow[]): string | null {
  const seen = new Set<string>();
  const runs = rows.filter((row) => {
    if (!row.provenance) return false;
    const key = row.origin?.kind === 'run' ? row.origin.runId : row.name;
    if (seen.has(key)) return false;
    seen.add(key);
    return true;
  });
  if (runs.length === 0) return null;
  const head = ['Verifier', ...PROVENANCE_KEYS.map((key) => PROVENANCE_LABELS[key])];
  const body = runs.map((row) => [mdText(row.name), ...PROVENANCE_KEYS.map((key) => mdText(factValue(row, key)))]);
  return ['**Verifier settings**', '', ...[head, head.map(() => '---'), ...body].map((cells) => `| ${cells.join(' | ')} |`)].join('\n');
}

function mdValue(metric: MetricName, value: number, interval: readonly [number, number] | null, style: IntervalStyle): string {
  const percent = metric === 'top1' || metric === 'bottom1';
  const scale = percent ? 100 : 1;
  const digits = percent ? 1 : 2;
  const show = (x: number) => fixed(x * scale, digits);
  if (!interval) return show(value);
  if (style === 'pm') return `${show(value)} ± ${fixed(((interval[1] - interval[0]) / 2) * scale, digits)}`;
  return `${show(value)} [${show(interval[0])}, ${show(interval[1])}]`;
}

/** toFixed without "-0.00". */
function fixed(x: number, digits: number): string {
  const text = x.toFixed(digits);
  return /^-0\.?0*$/.test(text) ? text.slice(1) : text;
}

function mdText(text: string): string {
  return text.replace(/\|/g, '\\|').replace(/\s+/g, ' ');
}

function csvNumber(x: number): string {
  return Number.isFinite(x) ? String(x) : '';
}

function csvField(text: string): string {
  // A run name like "=HYPERLINK(...)" would be a formula in a spreadsheet: text (not a number) starting with a
  // formula character gets a leading apostrophe, which spreadsheets show as plain text.
  const safe = /^[=+\-@\t\r]/.test(text) && !Number.isFinite(Number(text)) ? `'${text}` : text;
  return /[",\r\n]/.test(safe) ? `"${safe.replace(/"/g, '""')}"` : safe;
}
