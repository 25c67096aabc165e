import { describe, expect, it } from 'vitest';
import { verifyJwt } from './jwt.ts';

const part = (value: unknown) => Buffer.from(JSON.stringify(value)).toString('base64url');

describe('verifyJwt refuses what is not a JWT of objects (review finding 7: a null header answered 500)', () => {
  it('says the header or claims are not JSON objects, for null, a number and an array', () => {
    for (const [header, claims] of [
      [null, {}],
      [{ alg: 'RS256' }, null],
      [7, {}],
      [[], {}],
    ] as const) {
      expect(verifyJwt(`${part(header)}.${part(claims)}.c2ln`, 'unused')).toEqual({
        ok: false,
        reason: 'its header or claims are not JSON objects',
      });
    }
  });

  it('refuses alg none before any key is read', () => {
    expect(verifyJwt(`${part({ alg: 'none' })}.${part({})}.`, 'unused')).toMatchObject({ ok: false });
  });
});
