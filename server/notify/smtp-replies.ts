/**
 * The SMTP client's side of reading: whole replies (a multi-line one ends at its "NNN " line),
 * one at a time, each with a deadline; a reply with an unexpected code, a closed or broken
 * connection, or no reply in time is an SmtpError that says which.
 */
import type { Socket } from 'node:net';
import type { SmtpConfig } from './smtp-client.ts';
import { SmtpError } from './smtp-error.ts';

/** Reads whole replies (multi-line ones end at "NNN "), one at a time, with a deadline for each. */
export function replyReader(socket: Socket, config: SmtpConfig) {
  let buffer = '';
  let failure: Error | undefined;
  let wake: (() => void) | undefined;
  const onData = (chunk: Buffer) => {
    buffer += chunk.toString('utf8');
    wake?.();
  };
  const fail = (error: Error) => {
    failure ??= error;
    wake?.();
  };
  const onError = (error: NodeJS.ErrnoException) =>
    fail(
      new SmtpError(
        0,
        `Could not talk to the SMTP server ${config.host}:${config.port}: ${error.code ?? error.message}.`,
      ),
    );
  const onClose = () => fail(new SmtpError(0, `The SMTP server ${config.host}:${config.port} closed the connection.`));
  socket.on('data', onData);
  socket.on('error', onError);
  socket.on('close', onClose);
  const take = (): string | undefined => {
    const match = /^(?:\d{3}-[^\n]*\n)*\d{3}(?: [^\n]*)?\r?\n/.exec(buffer);
    if (!match) return undefined;
    buffer = buffer.slice(match[0].length);
    return match[0];
  };
  return {
    async next(expect: number[], what: string): Promise<string> {
      const deadline = Date.now() + config.timeoutMs;
      for (;;) {
        const reply = take();
        if (reply) {
          const code = Number(reply.slice(0, 3));
          if (expect.includes(code)) return reply;
          throw new SmtpError(
            code,
            `The SMTP server ${config.host}:${config.port} answered ${what} with "${reply.trim().replaceAll(/\r?\n/g, ' ')}".`,
          );
        }
        if (failure) throw failure;
        const left = deadline - Date.now();
        if (left <= 0)
          throw new SmtpError(
            0,
            `The SMTP server ${config.host}:${config.port} gave no answer to ${what} within ${config.timeoutMs / 1000} s.`,
          );
        await new Promise<void>((resolve) => {
          const timer = setTimeout(resolve, left);
          wake = () => {
            clearTimeout(timer);
            resolve();
          };
        });
        wake = undefined;
      }
    },
    /** Stops reading this socket (before TLS takes it over, or at the end). */
    detach() {
      socket.removeListener('data', onData);
      socket.removeListener('error', onError);
      socket.removeListener('close', onClose);
      socket.on('error', () => undefined);
      wake?.();
    },
  };
}
