/** An SMTP server's refusal, or a failure to speak with it: `code` is the reply code (0 when none came). */
export class SmtpError extends Error {
  override name = 'SmtpError';
  readonly code: number;
  constructor(code: number, message: string) {
    super(message);
    this.code = code;
  }
  /** A 5xx reply: the same message will be refused again. */
  get permanent(): boolean {
    return this.code >= 500;
  }
}
