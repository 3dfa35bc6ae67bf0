// A run and its copy on the companion split (the copy's `testsFrom`) score one set of generated tests on HE-R and
// HE-R+ (or MBPP-R and MBPP-R+), as the paper's tables report them side by side: their rows become one row per scorer
// with both splits. Rows that cannot be joined (a dataset not stored here, a deleted source) stay as they are.
import { companionSplits } from '../dataset/split-name';
import type { MatrixInput } from '../compare/analysis-input';
import type { Run } from '../run/run-types';
import { SPLIT_LABELS, type RowSource } from './row-types';

const SPLIT_ORDER = ['HE_base', 'HE_plus', 'MBPP_base', 'MBPP_plus', 'DEMO'];

/** `sources` with each companion copy's rows folded into its source run's rows (same scorer), in the source's place. */
export function joinCompanionRows(sources: readonly RowSource[], runs: readonly Run[]): RowSource[] {
  const byId = new Map(runs.map((run) => [run.id, run]));
  const rowsById = new Map(sources.map((row) => [row.id, row]));
  const joined = new Map<string, RowSource>();
  const absorbed = new Set<string>();
  for (const copy of runs) {
    const source = copy.testsFrom === undefined ? undefined : byId.get(copy.testsFrom);
    if (!source || !companionSplits(source.split, copy.split) || JSON.stringify(source.verifier) !== JSON.stringify(copy.verifier)) continue;
    for (const row of sources) {
      if (row.origin.kind !== 'run' || row.origin.runId !== copy.id) continue;
      const into = joined.get(sourceRowId(row.id, copy.id, source.id)) ?? rowsById.get(sourceRowId(row.id, copy.id, source.id));
      if (!into || into.input?.kind !== 'matrix' || row.input?.kind !== 'matrix') continue;
      joined.set(into.id, joinRows(into as RowSource & { input: MatrixInput }, row as RowSource & { input: MatrixInput }, copy));
      absorbed.add(row.id);
    }
  }
  return sources.filter((row) => !absorbed.has(row.id)).map((row) => joined.get(row.id) ?? row);
}

/** The source run's row for the same scorer (row ids are `run:<runId>:<scorer>`). */
function sourceRowId(copyRowId: string, copyId: string, sourceId: string): string {
  return `run:${sourceId}:${copyRowId.slice(`run:${copyId}:`.length)}`;
}

function joinRows(a: RowSource & { input: MatrixInput }, b: RowSource & { input: MatrixInput }, copy: Run): RowSource {
  const parts = [a.input, b.input].sort((x, y) => SPLIT_ORDER.indexOf(x.split) - SPLIT_ORDER.indexOf(y.split));
  const notes = [a.note, b.note === null ? null : `${SPLIT_LABELS[copy.split]}: ${b.note}`].filter((n) => n !== null);
  return {
    ...a,
    detail: `${a.detail} · ${SPLIT_LABELS[copy.split]} scored by “${copy.name}” with the same tests`,
    facts: { ...a.facts, datasets: parts.map((part) => SPLIT_LABELS[part.split]) },
    input: { kind: 'splits', parts },
    note: notes.length > 0 ? notes.join(' ') : null,
    version: `${a.version}+${b.version}`,
  };
}
