// Compensated (Neumaier) summation and the mean built on it, so pooled metrics over thousands of solutions don't drift.

/** Sum of `values` with Neumaier compensation; exact to within one rounding for typical inputs. */
export function sumCompensated(values: Iterable<number>): number {
  let sum = 0;
  let compensation = 0;
  for (const value of values) {
    const next = sum + value;
    // Recover the low-order bits lost by whichever operand is smaller in magnitude.
    if (Math.abs(sum) >= Math.abs(value)) compensation += sum - next + value;
    else compensation += value - next + sum;
    sum = next;
  }
  return sum + compensation;
}

/** Arithmetic mean; NaN for an empty list (callers decide what an empty mean means). */
export function meanOf(values: readonly number[]): number {
  if (values.length === 0) return Number.NaN;
  return sumCompensated(values) / values.length;
}
