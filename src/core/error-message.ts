// The readable text of any thrown value: one rule for every message the app and the CLI show.

/** The message of an Error, or the thrown value as a string. */
export function errorMessage(error: unknown): string {
  return error instanceof Error ? error.message : String(error);
}
