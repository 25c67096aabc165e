/**
 * Thrown by a command when its arguments cannot be understood. `main` prints the
 * message (which says what was wrong and what to type instead) and exits with 2.
 */
export class UsageError extends Error {
  override name = 'UsageError';
}
