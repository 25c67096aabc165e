import { beforeAll, describe, expect, it } from 'vitest';
import { createTestPki, type KeyPairPem } from '../../platform/index.ts';
import { ns, parseXml, selectAll, selectOne, textOf } from '../../wire/index.ts';
import { buildOioidwsRequest, signOioidwsEnvelope } from './sign-oioidws-envelope.ts';
import { verifyXmlSignature } from './xmldsig.ts';

let holder: KeyPairPem;
beforeAll(async () => {
  holder = await (await createTestPki()).issue('CN=Fagsystem');
});

// The signer needs only the assertion's ID; the token's own signature is the STS's business.
const assertionXml = `<saml:Assertion xmlns:saml="${ns.saml}" ID="_token" Version="2.0"><saml:Issuer>sts</saml:Issuer></saml:Assertion>`;
const body = '<x:Input xmlns:x="urn:x">1</x:Input>';
const options = () => ({
  assertionXml,
  keyPem: holder.keyPem,
  action: 'urn:op?a=1&b=2',
  to: 'https://127.0.0.1/svc?x=1&y=2',
  now: new Date('2026-11-22T09:00:00Z'),
});

describe.each([
  ['1.2', ns.soap12, 'soap12'],
  ['1.1', ns.soap11, 'soap11'],
] as const)('an OIOIDWS request in SOAP %s', (soapVersion, envelopeNs, soap) => {
  const signed = () => parseXml(buildOioidwsRequest(body, { ...options(), soapVersion }));

  it('has its Header and Body, and every mustUnderstand, in the envelope namespace', () => {
    const envelope = signed().documentElement!;
    expect(envelope.namespaceURI).toBe(envelopeNs);
    const header = selectOne(`${soap}:Header`, envelope)!;
    expect(selectOne(`${soap}:Body/*`, envelope)?.localName).toBe('Input');
    const marked = selectAll('*[@*[local-name()="mustUnderstand"]]', header);
    expect(marked.map((e) => e.localName).sort()).toEqual(['Action', 'Security', 'To']);
    for (const element of marked) expect(element.getAttributeNS(envelopeNs, 'mustUnderstand')).toBe('1');
    // URLs with & and ? arrive as the caller wrote them.
    expect(textOf('wsa:To', header)).toBe('https://127.0.0.1/svc?x=1&y=2');
    expect(textOf('wsa:Action', header)).toBe('urn:op?a=1&b=2');
  });

  it('is signed by the holder-of-key over Body, the addressing headers, Timestamp, Framework and the token reference', () => {
    const security = selectOne(`/${soap}:Envelope/${soap}:Header/wsse:Security`, signed())!;
    const check = verifyXmlSignature(selectOne('ds:Signature', security)!, holder.certPem);
    expect(check.ok && [...check.signedIds].sort()).toEqual([
      'action',
      'body',
      'lib',
      'msgid',
      'replyto',
      'sec-str',
      'sec-ts',
      'to',
    ]);
  });

  it('signs an envelope a SOAP library already wrote, without a Header', () => {
    const envelope = `<e:Envelope xmlns:e="${envelopeNs}"><e:Body>${body}</e:Body></e:Envelope>`;
    const doc = parseXml(signOioidwsEnvelope(envelope, options()));
    expect(selectOne(`/${soap}:Envelope/${soap}:Header/wsse:Security/saml:Assertion`, doc)?.getAttribute('ID')).toBe(
      '_token',
    );
  });
});

describe('signOioidwsEnvelope', () => {
  it('refuses what is no SOAP envelope', () => {
    expect(() => signOioidwsEnvelope(`<Envelope xmlns="urn:other"><Body/></Envelope>`, options())).toThrow(
      'SOAP 1.2 or SOAP 1.1 envelope',
    );
  });
});
