// The leaderboard's row model. Rows are designed by kind: each kind of source (a tests run today; reward, judge
// and refine runs later; imported evaluation files) has its own builder that yields RowSources, and everything
// after that (metrics, sorting, filtering, export, paired comparison) sees only this shape.
import type { AnalysisInput } from '../compare/analysis-input';
import type { RowCells } from '../compare/analysis-api';
import type { SplitName } from '../dataset/types';
import type { ProvenanceFact } from '../run/verifier-provenance';

/** Where a row comes from; new run kinds add a member here and a builder beside tests-run-rows.ts (see run-rows.ts). */
export type RowKind = 'tests' | 'reward' | 'judge' | 'eval-file';

/** What the filters and the export see of a row: plain labels. */
export interface RowFacts {
  /** The datasets (split labels, e.g. "HE-R+") the row has numbers for, or would have. */
  datasets: string[];
  backend: string;
  model: string;
  variant: string;
  scorer: string;
}

/** The filterable facts, in the order the filters are shown. */
export const FACT_NAMES = ['datasets', 'backend', 'model', 'variant', 'scorer'] as const;
export type FactName = (typeof FACT_NAMES)[number];

/** What a row links back to. */
export type RowOrigin = { kind: 'run'; runId: string } | { kind: 'evaluation'; evaluationId: string };

/** A row before its metrics are computed. */
export interface RowSource {
  /** Unique on the page, stable across reloads (run id or evaluation id, plus the scorer). */
  id: string;
  kind: RowKind;
  name: string;
  /** A second line under the name (the dataset's own name, the file name). */
  detail: string;
  facts: RowFacts;
  origin: RowOrigin;
  /** What the analysis worker computes the cells from; null when there is nothing to compute (see `note`). */
  input: AnalysisInput | null;
  /** Cells known without computation (stored headline metrics without intervals), used when `input` is null. */
  known: RowCells | null;
  /** Why a reading does not apply, or what limits it (e.g. "12 of 24 problems finished"); null when nothing to say. */
  note: string | null;
  /** Changes whenever the row's data changes, so computed cells can be cached by (id, version). */
  version: string;
  /** What produced the row's numbers (verifierProvenance); absent for rows that are not runs (imported files). */
  provenance?: ProvenanceFact[];
}

/** A row with its cells: computing (pending), computed, or failed with a message. */
export interface LeaderboardRow extends RowSource {
  status: 'pending' | 'ready' | 'error';
  cells: RowCells;
  error: string | null;
}

/** Display names of the splits, as the datasets are called. */
export const SPLIT_LABELS: Record<SplitName, string> = {
  HE_base: 'HE-R',
  HE_plus: 'HE-R+',
  MBPP_base: 'MBPP-R',
  MBPP_plus: 'MBPP-R+',
  DEMO: 'Demo-R',
};
