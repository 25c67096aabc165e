/**
 * An answer the JSON API gives instead of what was asked: a permanent code, the HTTP status and
 * a message that says what happened, why, and what to do (DESIGN.md §4.2).
 */
export class ApiError extends Error {
  override name = 'ApiError';
  readonly status: number;
  readonly code: string;
  readonly detail?: Record<string, unknown>;

  constructor(status: number, code: string, message: string, detail?: Record<string, unknown>) {
    super(message);
    this.status = status;
    this.code = code;
    if (detail) this.detail = detail;
  }

  toJSON(): Record<string, unknown> {
    return { code: this.code, message: this.message, ...this.detail };
  }
}

export const badRequest = (message: string) => new ApiError(400, 'api.bad-request', message);
export const notFound = (what: string) => new ApiError(404, 'api.not-found', `${what} does not exist on this server.`);
