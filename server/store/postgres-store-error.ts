/** What can go wrong when the server opens or upgrades its PostgreSQL database; `code` is permanent. */
export type PostgresStoreErrorCode =
  'database-unreachable' | 'database-newer' | 'migration-changed' | 'migration-failed';

export class PostgresStoreError extends Error {
  override name = 'PostgresStoreError';
  readonly code: PostgresStoreErrorCode;

  constructor(code: PostgresStoreErrorCode, message: string, options?: { cause?: unknown }) {
    super(message, options);
    this.code = code;
  }
}
