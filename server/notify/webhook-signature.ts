/**
 * Webhook signatures as Standard Webhooks (standardwebhooks.com) writes them: HMAC-SHA256 with
 * the hook's own secret over "<webhook-id>.<webhook-timestamp>.<body>", sent as
 * `webhook-signature: v1,<base64>`, so a receiver checks it with a standard library (or ten lines).
 *
 * Why HMAC with a secret per hook and not Ed25519 with the server's key: that key signs evidence
 * (exchanges, judged runs); a signature by it must keep meaning "KOMBIT's platform judged this",
 * not "the server sent some JSON". A per-hook secret can be revoked with its hook, a leak touches
 * one receiver, and a receiver never needs the server's public key or an Ed25519 library.
 */
import { createHmac, randomBytes, timingSafeEqual } from 'node:crypto';

const prefix = 'whsec_';

/** A new secret, shown to the hook's owner once: `whsec_` and 32 random bytes in base64. */
export function newWebhookSecret(): string {
  return `${prefix}${randomBytes(32).toString('base64')}`;
}

function signature(secret: string, id: string, timestamp: number, body: string): string {
  const key = Buffer.from(secret.startsWith(prefix) ? secret.slice(prefix.length) : secret, 'base64');
  return createHmac('sha256', key).update(`${id}.${timestamp}.${body}`).digest('base64');
}

/** The three headers of a signed delivery; `timestamp` in Unix seconds. */
export function webhookHeaders(secret: string, id: string, timestamp: number, body: string): Record<string, string> {
  return {
    'webhook-id': id,
    'webhook-timestamp': String(timestamp),
    'webhook-signature': `v1,${signature(secret, id, timestamp, body)}`,
  };
}

/**
 * What a receiver does: true when one of the `v1,` signatures matches and the timestamp is
 * within `toleranceSeconds` of `now` (a replayed old delivery is refused).
 */
export function verifyWebhook(
  secret: string,
  headers: Record<string, string | undefined>,
  body: string,
  now: Date,
  toleranceSeconds = 300,
): boolean {
  const id = headers['webhook-id'];
  const timestamp = Number(headers['webhook-timestamp']);
  if (!id || !Number.isInteger(timestamp) || Math.abs(now.getTime() / 1000 - timestamp) > toleranceSeconds)
    return false;
  const expected = Buffer.from(signature(secret, id, timestamp, body));
  return (headers['webhook-signature'] ?? '').split(' ').some((entry) => {
    const [version, value] = entry.split(',', 2);
    const given = Buffer.from(value ?? '');
    return version === 'v1' && given.length === expected.length && timingSafeEqual(given, expected);
  });
}
