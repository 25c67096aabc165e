import { beforeAll, describe, expect, it } from 'vitest';
import { loadCatalog } from '../../../catalog/index.ts';
import { buildOioidwsRequest } from '../../clients/index.ts';
import { parseXml, sameCertificate } from '../../wire/index.ts';
import { grantToken } from '../sts/issue-token.ts';
import { createStsTestWorld, type StsTestWorld } from '../sts/sts-test-setup.ts';
import { verifyOioidws } from './verify-oioidws.ts';

const issuedAt = new Date('2026-11-22T09:00:00Z');
const to = 'https://127.0.0.1/organisation/bruger/6/';
const action = 'http://kombit.dk/sts/organisation/bruger/laes';
const body =
  '<LaesInput xmlns="http://stoettesystemerne.dk/organisation/bruger/6/"><UUIDIdentifikator xmlns="urn:oio:sagdok:3.0.0">0b0a1d2e-0000-4000-8000-000000000001</UUIDIdentifikator></LaesInput>';
let world: StsTestWorld;
let organisationEntityId: string;
let assertionXml: string;

beforeAll(async () => {
  world = await createStsTestWorld((await loadCatalog()).catalog);
  organisationEntityId = world.entityIds.organisation;
  const result = grantToken(
    { certPem: world.system.certPem, entityId: organisationEntityId, cvr: '11111111' },
    { directory: world.directory, identity: world.identity, now: issuedAt },
  );
  if (!result.ok) throw new Error(result.fault.reason);
  assertionXml = result.grant.assertionXml;
});

function call(
  options: {
    xml?: string;
    at?: Date;
    tlsCertPem?: string | null;
    audience?: string;
    keyPem?: string;
    signedAt?: Date;
  } = {},
) {
  const xml =
    options.xml ??
    buildOioidwsRequest(body, {
      assertionXml,
      keyPem: options.keyPem ?? world.system.keyPem,
      action,
      to,
      now: options.signedAt ?? options.at ?? issuedAt,
    });
  return verifyOioidws({
    xml,
    document: parseXml(xml),
    // null: a connection without client certificate.
    tlsCertPem: options.tlsCertPem === null ? undefined : (options.tlsCertPem ?? world.system.certPem),
    audience: options.audience ?? organisationEntityId,
    sts: { certPem: world.identity.certPem, issuer: world.identity.issuer },
    now: options.at ?? issuedAt,
  });
}

describe('OIOIDWS verification', () => {
  it('accepts a request signed with the token holder key and gives the service the CVR and action', () => {
    const result = call({ at: new Date(issuedAt.getTime() + 60_000) });
    expect(result.ok).toBe(true);
    if (result.ok) {
      expect(result.claims.cvr).toBe('11111111');
      expect(result.claims.action).toBe(action);
      expect(result.claims.audience).toBe(organisationEntityId);
    }
  });

  it('accepts the same request in SOAP 1.1, signed by the client library (an endpoint that also accepts 1.1)', () => {
    const xml = buildOioidwsRequest(body, {
      assertionXml,
      keyPem: world.system.keyPem,
      action,
      to,
      now: issuedAt,
      soapVersion: '1.1',
    });
    expect(parseXml(xml).documentElement?.namespaceURI).toBe('http://schemas.xmlsoap.org/soap/envelope/');
    expect(call({ xml }).ok).toBe(true);
  });

  it('accepts a request on a connection without client certificate, proven by the signature, and names the certificate that signed', () => {
    const result = call({ tlsCertPem: null });
    expect(result.ok).toBe(true);
    if (result.ok) expect(sameCertificate(result.claims.holderCertPem, world.system.certPem)).toBe(true);
  });

  it("without client certificate still refuses a message not signed by the token's certificate", () => {
    const result = call({ tlsCertPem: null, keyPem: world.other.keyPem });
    expect(result.ok).toBe(false);
    if (!result.ok) expect(result.fault.code).toBe('oioidws.signature-invalid');
  });

  const signed = () =>
    buildOioidwsRequest(body, { assertionXml, keyPem: world.system.keyPem, action, to, now: issuedAt });

  it.each([
    [
      'no Security header',
      () =>
        call({
          xml: `<s:Envelope xmlns:s="http://www.w3.org/2003/05/soap-envelope"><s:Body>${body}</s:Body></s:Envelope>`,
        }),
      'oioidws.no-security',
    ],
    [
      'a token used after its 8 hours',
      () => call({ at: new Date(issuedAt.getTime() + 9 * 3600_000) }),
      'oioidws.token-expired',
    ],
    ['a token for another service', () => call({ audience: world.entityIds.sagDokumentIndeks }), 'oioidws.audience'],
    [
      'another certificate on the TLS connection',
      () => call({ tlsCertPem: world.other.certPem }),
      'oioidws.holder-of-key',
    ],
    ['a message signed with another key', () => call({ keyPem: world.other.keyPem }), 'oioidws.signature-invalid'],
    [
      'a Body changed after signing',
      () => call({ xml: signed().replace('000000000001<', '000000000002<') }),
      'oioidws.signature-invalid',
    ],
    [
      'a token changed after the STS signed it',
      () => call({ xml: signed().replace('<AttributeValue>11111111<', '<AttributeValue>29189846<') }),
      'oioidws.token-signature',
    ],
    [
      'a stale Timestamp',
      () => call({ at: new Date(issuedAt.getTime() + 3600_000), signedAt: issuedAt }),
      'oioidws.message-expired',
    ],
  ])('refuses %s with a clear SOAP 1.2 fault', (_name, run, code) => {
    const result = run();
    expect(result.ok).toBe(false);
    if (!result.ok) {
      expect(result.fault.code).toBe(code);
      expect(result.fault.reason).not.toMatch(/^Error/);
    }
  });
});
