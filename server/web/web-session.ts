/**
 * Sessions of the web front, held in a cookie and kept by no instance: the cookie carries the
 * hash of the API token the person signed in with, an expiry and an HMAC over both with a key
 * every instance on the database shares, so any instance behind a load balancer can check it and the identity is looked up in the
 * store on every request (a token KOMBIT no longer knows ends the session). The raw token never
 * leaves the sign-in request. The cookie is HttpOnly and SameSite=Strict; forms carry a CSRF
 * token that is an HMAC of the session, so a page of another site cannot make one.
 */
import { createHmac, hkdfSync, timingSafeEqual } from 'node:crypto';

export const sessionCookie = 'klarmeld_session';
/** A working day: a session ends this long after sign-in whatever happens. */
export const sessionSeconds = 8 * 3600;

export interface SessionKeys {
  mac: Buffer;
}

/** Keys derived from the secret every instance on the database shares (ServerStore.sharedSecret), so each accepts the others' sessions. */
export function sessionKeys(sharedSecret: Uint8Array): SessionKeys {
  return { mac: Buffer.from(hkdfSync('sha256', sharedSecret, 'klarmeld', 'web session and csrf', 32)) };
}

const mac = (keys: SessionKeys, purpose: string, text: string) =>
  createHmac('sha256', keys.mac).update(`${purpose}\u0000${text}`).digest('base64url');

function same(a: string, b: string): boolean {
  const x = Buffer.from(a);
  const y = Buffer.from(b);
  return x.length === y.length && timingSafeEqual(x, y);
}

/** The cookie value for a session of the identity with this token hash. */
export function sealSession(keys: SessionKeys, tokenHash: string, now: Date): string {
  const body = `${tokenHash}.${Math.floor(now.getTime() / 1000) + sessionSeconds}`;
  return `${body}.${mac(keys, 'session', body)}`;
}

/** The token hash of a genuine, unexpired session cookie; undefined otherwise. */
export function openSession(keys: SessionKeys, value: string | undefined, now: Date): string | undefined {
  const match = /^([0-9a-f]{64})\.(\d{1,12})\.([\w-]{43})$/.exec(value ?? '');
  if (!match) return undefined;
  const [, tokenHash, expires, tag] = match;
  if (!same(tag!, mac(keys, 'session', `${tokenHash}.${expires}`))) return undefined;
  return Number(expires) * 1000 > now.getTime() ? tokenHash : undefined;
}

/** The CSRF token the forms of this session carry. */
export const csrfToken = (keys: SessionKeys, session: string): string => mac(keys, 'csrf', session);

export const csrfMatches = (keys: SessionKeys, session: string, sent: string | undefined): boolean =>
  same(sent ?? '', csrfToken(keys, session));

/** Set-Cookie for a session; `secure` when the front is reached over HTTPS. */
export function sessionSetCookie(value: string, secure: boolean): string {
  return `${sessionCookie}=${value}; Path=/; HttpOnly; SameSite=Strict; Max-Age=${sessionSeconds}${secure ? '; Secure' : ''}`;
}

export const sessionClearCookie = (secure: boolean): string =>
  `${sessionCookie}=; Path=/; HttpOnly; SameSite=Strict; Max-Age=0${secure ? '; Secure' : ''}`;

/** One cookie's value from a Cookie header. */
export function cookieValue(header: string | undefined, name: string): string | undefined {
  for (const part of (header ?? '').split(';')) {
    const [key, ...rest] = part.trim().split('=');
    if (key === name) return rest.join('=');
  }
  return undefined;
}
