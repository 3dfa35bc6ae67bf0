// The one failure of test preparation: the canonical solution could not be run, so a problem's candidates cannot be judged.

/** The canonical solution could not be run (it keeps killing its worker, the harness failed, no output at all). */
export class CanonicalError extends Error {
  override readonly name = 'CanonicalError';
}
