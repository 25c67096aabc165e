/**
 * Bearer tokens: 32 random bytes, base64url, with a prefix that says what they are (so one found
 * in a log is recognised). Only their sha256 is stored: a copy of the database is no key.
 */
import { createHash, randomBytes } from 'node:crypto';

export const tokenPrefix = 'kmt_';

export function newToken(): string {
  return `${tokenPrefix}${randomBytes(32).toString('base64url')}`;
}

export function hashToken(token: string): string {
  return createHash('sha256').update(token, 'utf8').digest('hex');
}
