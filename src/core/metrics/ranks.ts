// Average ("fractional") ranks, as scipy's rankdata(method='average'): ties share the mean of the ranks they span.

/** Which values get the best (lowest) rank: the smallest ('ascending') or the largest ('descending'). */
export type RankOrder = 'ascending' | 'descending';

/**
 * 1-based average ranks of `values`, in input order. Ties are detected by exact equality,
 * so 0.30000000000000004 and 0.3 are different scores, as they are for the authors' scipy code.
 */
export function rankAverage(values: readonly number[], order: RankOrder = 'ascending'): number[] {
  const indices = values.map((_, index) => index);
  const sign = order === 'ascending' ? 1 : -1;
  indices.sort((a, b) => sign * compareNumbers(values[a], values[b]));
  const ranks = new Array<number>(values.length);
  let start = 0;
  while (start < indices.length) {
    let end = start + 1;
    while (end < indices.length && values[indices[end]] === values[indices[start]]) end += 1;
    // Positions start..end-1 (0-based) hold ranks start+1..end; their mean is (start + 1 + end) / 2.
    const shared = (start + 1 + end) / 2;
    for (let k = start; k < end; k += 1) ranks[indices[k]] = shared;
    start = end;
  }
  return ranks;
}

function compareNumbers(a: number, b: number): number {
  return a < b ? -1 : a > b ? 1 : 0;
}
