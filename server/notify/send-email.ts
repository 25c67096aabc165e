/**
 * One attempt to deliver an event by e-mail through the configured SMTP server. A 4xx reply or
 * a broken connection is tried again after the back-off; a 5xx reply (the address does not
 * exist, the relay will not take it) is not.
 */
import type { Sender } from './dispatcher.ts';
import { emailMessage } from './email-message.ts';
import { sendMail, SmtpError, type SmtpConfig } from './smtp-client.ts';

export function emailSender(config: SmtpConfig, from: string): Sender {
  return async (due, now) => {
    try {
      const reply = await sendMail(config, { from, to: [due.subscription.target] }, emailMessage(due, from, now));
      return { ok: true, status: Number(reply.slice(0, 3)) };
    } catch (error) {
      if (!(error instanceof SmtpError)) throw error;
      return {
        ok: false,
        ...(error.code ? { status: error.code } : {}),
        error: error.message,
        ...(error.permanent ? { permanent: true } : {}),
      };
    }
  };
}
