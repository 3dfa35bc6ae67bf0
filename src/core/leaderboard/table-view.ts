// The leaderboard table as shown: rows filtered by their facts, the split column groups they need, and a sort by
// any column. Missing numbers (a split a row lacks, a reading that does not apply) always sort last.
import type { SplitName } from '../dataset/types';
import { SPLIT_ORDER } from '../metrics/group-problems';
import type { MetricName } from '../metrics/types';
import { FACT_NAMES, SPLIT_LABELS, type FactName, type LeaderboardRow } from './row-types';

/** A sortable column: the row name, or one number of one split. */
export type SortColumn = { kind: 'name' } | { kind: 'number'; split: SplitName; key: MetricName | 'problems' | 'solutions' };

export interface SortOrder {
  column: SortColumn;
  direction: 'ascending' | 'descending';
}

/** '' = no filter on that fact. */
export type RowFilters = Record<FactName, string>;

export const NO_FILTERS: RowFilters = { datasets: '', backend: '', model: '', variant: '', scorer: '' };

/** Rows whose facts match every set filter (a row matches a dataset when it has, or would have, that split). */
export function filterRows<T extends Pick<LeaderboardRow, 'facts'>>(rows: readonly T[], filters: RowFilters): T[] {
  return rows.filter((row) =>
    FACT_NAMES.every((name) => {
      const wanted = filters[name];
      if (wanted === '') return true;
      const value = row.facts[name];
      return Array.isArray(value) ? value.includes(wanted) : value === wanted;
    }),
  );
}

/** The distinct values of each fact over `rows`, sorted, for the filter menus. */
export function factValues(rows: readonly Pick<LeaderboardRow, 'facts'>[]): Record<FactName, string[]> {
  const out = Object.fromEntries(FACT_NAMES.map((name) => [name, new Set<string>()])) as Record<FactName, Set<string>>;
  for (const row of rows) for (const name of FACT_NAMES) for (const v of ([] as string[]).concat(row.facts[name])) out[name].add(v);
  return Object.fromEntries(FACT_NAMES.map((name) => [name, [...out[name]].sort((a, b) => a.localeCompare(b))])) as Record<FactName, string[]>;
}

/**
 * The split column groups to show, in report order: every split any row has cells for; with a dataset filter,
 * only that dataset's split.
 */
export function visibleSplits(rows: readonly Pick<LeaderboardRow, 'cells'>[], datasetFilter = ''): SplitName[] {
  const present = new Set<SplitName>();
  for (const row of rows) for (const split of Object.keys(row.cells) as SplitName[]) present.add(split);
  return SPLIT_ORDER.filter((split) => present.has(split) && (datasetFilter === '' || SPLIT_LABELS[split] === datasetFilter));
}

/** The number a column shows for a row (the point estimate), or null. */
export function columnValue(row: Pick<LeaderboardRow, 'cells'>, column: Extract<SortColumn, { kind: 'number' }>): number | null {
  const cell = row.cells[column.split];
  if (!cell) return null;
  const value = cell.metrics[column.key];
  return Number.isFinite(value) ? value : null;
}

/** Rows sorted by `order` (stable; ties keep their input order); rows without a number go last either way. */
export function sortRows<T extends Pick<LeaderboardRow, 'name' | 'cells'>>(rows: readonly T[], order: SortOrder): T[] {
  const sign = order.direction === 'ascending' ? 1 : -1;
  const { column } = order;
  const indexed = rows.map((row, index) => ({ row, index }));
  indexed.sort((x, y) => {
    if (column.kind === 'name') return sign * x.row.name.localeCompare(y.row.name) || x.index - y.index;
    const a = columnValue(x.row, column);
    const b = columnValue(y.row, column);
    if (a === null || b === null) return (a === null ? 1 : 0) - (b === null ? 1 : 0) || x.index - y.index;
    return sign * (a - b) || x.index - y.index;
  });
  return indexed.map(({ row }) => row);
}
