// Errors raised when metric inputs break the metrics' preconditions.

/** A prediction, ground score or rank is not a finite number, or a split has no solutions. */
export class MetricInputError extends Error {
  override readonly name = 'MetricInputError';
}
