/** A refused administration request: a permanent code and a message saying what to do. */
export class PlatformAdminError extends Error {
  override name = 'PlatformAdminError';
  readonly code: string;
  constructor(code: string, message: string) {
    super(message);
    this.code = code;
  }
}
