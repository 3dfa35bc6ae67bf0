// The row of an imported evaluation file: its predictions as given, on every split it holds.
import { SPLIT_LABELS, type RowSource } from './row-types';
import type { StoredEvaluation } from './evaluation-record';

/** Scorer labels of imported files: the method the predictions are read with. */
export const METHOD_LABELS = { utg: 'file: pass fraction', reward: 'file: reward (min-max per problem)' } as const;

export function evaluationRow(evaluation: StoredEvaluation): RowSource {
  return {
    id: `evaluation:${evaluation.id}`,
    kind: 'eval-file',
    name: evaluation.name,
    detail: `imported file ${evaluation.fileName}`,
    facts: { datasets: evaluation.splits.map((s) => SPLIT_LABELS[s]), backend: 'evaluation file', model: evaluation.fileName, variant: '—', scorer: METHOD_LABELS[evaluation.method] },
    origin: { kind: 'evaluation', evaluationId: evaluation.id },
    input: { kind: 'solutions', solutions: evaluation.solutions, method: evaluation.method },
    known: null,
    note: null,
    version: String(evaluation.addedAt),
  };
}
