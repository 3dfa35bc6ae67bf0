// Filters for the dataset browser: text, score spread (best minus worst candidate) and candidate count.

/** What a filter needs to know of a problem (the state layer's ProblemSummary fits). */
export interface FilterableProblem {
  candidates: number;
  minScore: number;
  maxScore: number;
  /** Lower-cased searchable text (task id and statement). */
  haystack: string;
}

export interface ProblemFilter {
  /** Whitespace-separated words that must all appear (case-insensitive). */
  text: string;
  /** Keep problems whose spread maxScore - minScore lies in [minSpread, maxSpread]. */
  minSpread: number;
  maxSpread: number;
  /** Keep problems with at least / at most this many candidates (rank 1 included). */
  minCandidates: number;
  maxCandidates: number;
}

/** A filter that keeps everything. */
export const OPEN_FILTER: ProblemFilter = { text: '', minSpread: 0, maxSpread: 1, minCandidates: 0, maxCandidates: Number.POSITIVE_INFINITY };

/** Score spread rounded to 2 decimals, so 1.0 - 0.33 compares equal to 0.67 as displayed. */
export const scoreSpread = (p: FilterableProblem): number => Math.round((p.maxScore - p.minScore) * 100) / 100;

/** True when the filter keeps everything. */
export function isOpenFilter(filter: ProblemFilter): boolean {
  return filter.text.trim() === '' && filter.minSpread <= 0 && filter.maxSpread >= 1 && filter.minCandidates <= 0 && filter.maxCandidates === Number.POSITIVE_INFINITY;
}

/** The problems the filter keeps, in their original order (the same array when nothing is filtered). */
export function filterProblems<T extends FilterableProblem>(problems: readonly T[], filter: ProblemFilter): readonly T[] {
  if (isOpenFilter(filter)) return problems;
  const words = filter.text.toLowerCase().split(/\s+/).filter(Boolean);
  return problems.filter((p) => {
    const spread = scoreSpread(p);
    return (
      spread >= filter.minSpread &&
      spread <= filter.maxSpread &&
      p.candidates >= filter.minCandidates &&
      p.candidates <= filter.maxCandidates &&
      words.every((w) => p.haystack.includes(w))
    );
  });
}

/** The smallest and largest candidate counts, for the filter's choices. */
export function candidateCountRange(problems: readonly FilterableProblem[]): { min: number; max: number } {
  if (problems.length === 0) return { min: 0, max: 0 };
  let min = Number.POSITIVE_INFINITY;
  let max = 0;
  for (const p of problems) {
    min = Math.min(min, p.candidates);
    max = Math.max(max, p.candidates);
  }
  return { min, max };
}
