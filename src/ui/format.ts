// Number formatting shared by the UI: scores are shown with the 2 decimals the datasets round to.

export const formatScore = (score: number): string => score.toFixed(2);

/** "0.25–1.00", or one number when the range is a single value. */
export const formatScoreRange = (min: number, max: number): string =>
  min === max ? formatScore(min) : `${formatScore(min)}–${formatScore(max)}`;

/** A duration given in seconds, in the unit that reads best: "88 µs", "12.3 ms", "1.5 s". */
export function formatSeconds(s: number): string {
  const [value, unit] = s < 1e-3 ? [s * 1e6, 'µs'] : s < 1 ? [s * 1e3, 'ms'] : [s, 's'];
  return `${Number(value.toPrecision(3))} ${unit}`;
}

/** "1 candidate", "3 candidates". */
export const plural = (n: number, word: string): string => `${n} ${word}${n === 1 ? '' : 's'}`;
