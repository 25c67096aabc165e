import { X509Certificate } from 'node:crypto';
import { DatabaseSync } from 'node:sqlite';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { loadCatalog } from '../../../catalog/index.ts';
import { fingerprintOf } from '../registry/fingerprint.ts';
import type { Caller } from '../service-handler.ts';
import { accessTokenStore, type AccessTokenStore } from './access-token-store.ts';
import { exchangeSamlToken } from './exchange-saml-token.ts';
import { grantToken } from './issue-token.ts';
import { x5tS256 } from './jwt.ts';
import { issueOAuth } from './oauth-issue.ts';
import { createStsTestWorld, type StsTestWorld } from './sts-test-setup.ts';
import { verifyRestToken } from './verify-rest-token.ts';

const now = new Date('2026-11-22T09:00:00Z');
let world: StsTestWorld;
let db: DatabaseSync;
let store: AccessTokenStore;

beforeAll(async () => {
  world = await createStsTestWorld((await loadCatalog()).catalog);
  db = new DatabaseSync(':memory:');
  store = accessTokenStore(db);
});
afterAll(() => db.close());

const callerOf = (certPem: string): Caller => {
  const certificate = new X509Certificate(certPem);
  return {
    systemUuid: 'system',
    systemName: 'Fagsystem',
    subject: certificate.subject,
    fingerprint: fingerprintOf(certificate),
    certificate,
  };
};
const deps = (at = now) => ({ directory: world.directory, identity: world.identity, now: at });
const form = (entityId: string, cvr = '11111111') =>
  new URLSearchParams({
    client_id: entityId,
    grant_type: 'client_credentials',
    scope: `entityid:${entityId},anvenderkontekst:${cvr}`,
  }).toString();
const claimsOf = (jwt: string) => JSON.parse(Buffer.from(jwt.split('.')[1]!, 'base64url').toString('utf8'));

describe("the STS's OAuth endpoint", () => {
  it('gives a JWT for the entity ID and CVR, bound (cnf x5t#S256) to the certificate of the call', () => {
    const reply = issueOAuth(
      form(world.entityIds.organisation),
      'application/x-www-form-urlencoded',
      world.system.certPem,
      deps(),
    );
    expect(reply.status).toBe(200);
    expect(reply.json).toMatchObject({ token_type: 'Holder-of-key', expires_in: 3600 });
    const claims = claimsOf(String(reply.json.access_token));
    expect(claims).toMatchObject({ aud: world.entityIds.organisation, cvr: '11111111', iss: world.identity.issuer });
    expect(claims.cnf['x5t#S256']).toBe(x5tS256(world.system.certPem));
    const expect_ = { entityId: world.entityIds.organisation, accepts: ['jwt'] as const };
    const header = `Holder-of-key ${String(reply.json.access_token)}`;
    expect(verifyRestToken(header, callerOf(world.system.certPem), expect_, { store, ...deps() })).toMatchObject({
      ok: true,
      cvr: '11111111',
    });
    // The same JWT over another certificate: Security Token Invalid.
    expect(verifyRestToken(header, callerOf(world.other.certPem), expect_, { store, ...deps() })).toMatchObject({
      ok: false,
      code: 'rest.token-certificate',
    });
    // And an hour and more later it has expired.
    const later = deps(new Date(now.getTime() + 3700_000 + 300_000));
    expect(verifyRestToken(header, callerOf(world.system.certPem), expect_, { store, ...later })).toMatchObject({
      ok: false,
      code: 'rest.token-expired',
    });
  });

  it("reads the JSON body KOMBIT's consumer sends as well as a form", () => {
    const body = JSON.stringify(Object.fromEntries(new URLSearchParams(form(world.entityIds.organisation))));
    expect(issueOAuth(body, 'application/json', world.system.certPem, deps()).status).toBe(200);
  });

  it.each([
    ['an empty client_id', form('').replace(/^client_id=/, 'client_id=&x='), 400, 'invalid_request'],
    ['no anvenderkontekst', 'client_id=e&grant_type=client_credentials&scope=entityid:e', 400, 'invalid_request'],
    [
      'another grant type',
      'client_id=e&grant_type=password&scope=entityid:e,anvenderkontekst:11111111',
      400,
      'unsupported_grant_type',
    ],
  ])('refuses %s with %s %s', (_, body, status, error) => {
    const reply = issueOAuth(body, 'application/x-www-form-urlencoded', world.system.certPem, deps());
    expect([reply.status, reply.json.error]).toEqual([status, error]);
    expect(String(reply.json.error_description)).not.toBe('');
  });

  it('refuses an unregistered system (invalid_client, 401) and a service without agreement (invalid_scope)', () => {
    expect(issueOAuth(form(world.entityIds.organisation), undefined, world.other.certPem, deps())).toMatchObject({
      status: 401,
      code: 'invalid_client',
    });
    expect(issueOAuth(form(world.entityIds.sagDokumentIndeks), undefined, world.system.certPem, deps())).toMatchObject({
      status: 400,
      code: 'invalid_scope',
    });
  });
});

describe("Serviceplatformen's AccessTokenService", () => {
  const samlToken = () => {
    const result = grantToken(
      { certPem: world.system.certPem, entityId: world.entityIds.organisation, cvr: '11111111' },
      deps(),
    );
    if (!result.ok) throw new Error(result.fault.reason);
    return Buffer.from(result.grant.assertionXml, 'utf8').toString('base64');
  };
  const body = (extra: Record<string, string> = {}) =>
    new URLSearchParams({ 'saml-token': samlToken(), ...extra }).toString();

  it('exchanges the STS token for an access token bound to the same certificate and entity ID', () => {
    const result = exchangeSamlToken(body(), callerOf(world.system.certPem), {
      identity: world.identity,
      now,
      knowsEntityId: () => true,
    });
    if (!result.ok) throw new Error(result.description);
    store.put(result.grant);
    const header = `Holder-of-key ${result.grant.token}`;
    const expect_ = { entityId: world.entityIds.organisation, accepts: ['access-token'] as const };
    expect(verifyRestToken(header, callerOf(world.system.certPem), expect_, { store, ...deps() })).toMatchObject({
      ok: true,
      kind: 'access-token',
    });
    expect(verifyRestToken(header, callerOf(world.other.certPem), expect_, { store, ...deps() })).toMatchObject({
      code: 'rest.token-certificate',
    });
    expect(
      verifyRestToken(
        header,
        callerOf(world.system.certPem),
        { ...expect_, entityId: 'http://other' },
        { store, ...deps() },
      ),
    ).toMatchObject({ code: 'rest.token-audience' });
    expect(
      verifyRestToken(`Basic ${result.grant.token}`, callerOf(world.system.certPem), expect_, { store, ...deps() }),
    ).toMatchObject({ code: 'rest.no-token' });
    // A JWT is not what this service takes.
    expect(
      verifyRestToken('Holder-of-key a.b.c', callerOf(world.system.certPem), expect_, { store, ...deps() }),
    ).toMatchObject({ code: 'rest.token-kind' });
  });

  it('refuses the token over another certificate, a half datarekvirent pair, and a token not the STS’s', () => {
    const exchange = (b: string, certPem = world.system.certPem) =>
      exchangeSamlToken(b, callerOf(certPem), { identity: world.identity, now, knowsEntityId: () => true });
    expect(exchange(body(), world.other.certPem)).toMatchObject({ ok: false, status: 401, error: 'invalid_grant' });
    expect(exchange(body({ 'datarekvirent-type': 'CPR' }))).toMatchObject({
      ok: false,
      status: 400,
      error: 'invalid_request',
    });
    expect(exchange(body({ 'datarekvirent-type': 'CPR', 'datarekvirent-identifier': '0101011234' }))).toMatchObject({
      ok: true,
    });
    const tampered = Buffer.from(
      Buffer.from(samlToken(), 'base64').toString('utf8').replace('11111111', '22222222'),
    ).toString('base64');
    expect(exchange(new URLSearchParams({ 'saml-token': tampered }).toString())).toMatchObject({
      ok: false,
      error: 'invalid_grant',
    });
    expect(exchange('')).toMatchObject({ ok: false, error: 'invalid_request' });
  });

  it('refuses a hostile saml-token (huge, or deeply nested) before building a document of it (review finding 3)', () => {
    const exchange = (xml: string) =>
      exchangeSamlToken(
        new URLSearchParams({ 'saml-token': Buffer.from(xml).toString('base64') }).toString(),
        callerOf(world.system.certPem),
        { identity: world.identity, now, knowsEntityId: () => true },
      );
    expect(exchange(`<a>${'<b/>'.repeat(300_000)}</a>`)).toMatchObject({
      ok: false,
      status: 400,
      description: expect.stringMatching(/far below 65536/),
    });
    expect(exchange(`${'<b>'.repeat(40)}${'</b>'.repeat(40)}`)).toMatchObject({
      ok: false,
      description: expect.stringMatching(/too-deep/),
    });
    expect(exchange(`<a>${'<b/>'.repeat(3000)}</a>`)).toMatchObject({
      ok: false,
      description: expect.stringMatching(/too-many-nodes/),
    });
  });
});
