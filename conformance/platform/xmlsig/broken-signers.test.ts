import { createHash, sign } from 'node:crypto';
import { DOMParser, XMLSerializer } from '@xmldom/xmldom';
import { beforeAll, describe, expect, it } from 'vitest';
import { C14nCanonicalization, ExclusiveCanonicalization } from 'xml-crypto';
import { createTestPki, type KeyPairPem } from '../sts/test-pki.ts';
import { idIndex } from './id-index.ts';
import { verifySignature } from './verify-signature.ts';
import { haveXmlsec1, wsuIdAttributes, xmlsec1Verify } from './xmlsec1-cli.ts';

/**
 * Signers with the mistakes an XML-signature implementation makes (canonicalisation, digest,
 * SignedInfo, enveloped signature, algorithms). The platform's verifier must refuse what each of
 * them signs, whatever the signer itself would accept: that is what keeps a bug of the clients'
 * signer from being mirrored on the platform's side. The faultless signer is the control: its
 * signature is accepted, by the platform and by xmlsec1.
 */
const ns = {
  s: 'http://www.w3.org/2003/05/soap-envelope',
  wsse: 'http://docs.oasis-open.org/wss/2004/01/oasis-200401-wss-wssecurity-secext-1.0.xsd',
  wsu: 'http://docs.oasis-open.org/wss/2004/01/oasis-200401-wss-wssecurity-utility-1.0.xsd',
  ds: 'http://www.w3.org/2000/09/xmldsig#',
};
const alg = {
  excC14n: 'http://www.w3.org/2001/10/xml-exc-c14n#',
  enveloped: 'http://www.w3.org/2000/09/xmldsig#enveloped-signature',
  rsaSha256: 'http://www.w3.org/2001/04/xmldsig-more#rsa-sha256',
  rsaSha1: 'http://www.w3.org/2000/09/xmldsig#rsa-sha1',
  sha256: 'http://www.w3.org/2001/04/xmlenc#sha256',
  sha1: 'http://www.w3.org/2000/09/xmldsig#sha1',
};
// An unused namespace on the Envelope, attributes out of order and an empty element: what tells
// exclusive canonicalisation from inclusive c14n and from a plain serialisation.
const message = `<s:Envelope xmlns:s="${ns.s}" xmlns:wsu="${ns.wsu}" xmlns:unused="urn:example:unused"><s:Header><wsse:Security xmlns:wsse="${ns.wsse}"><wsu:Timestamp wsu:Id="ts"><wsu:Created>2026-11-22T09:00:00Z</wsu:Created><wsu:Expires>2026-11-22T09:05:00Z</wsu:Expires></wsu:Timestamp></wsse:Security></s:Header><s:Body wsu:Id="body"><m:Ping xmlns:m="urn:example:ping" b="2" a="1"><m:Empty/></m:Ping></s:Body></s:Envelope>`;

type Element = ReturnType<DOMParser['parseFromString']>['documentElement'] & {};

interface Flaws {
  /** The octets the signer digests for a referenced element (faultless: exclusive c14n). */
  digestInput?: (element: Element) => string;
  /** The digest it writes for those octets (faultless: SHA-256 of them). */
  digest?: (octets: string) => string;
  digestMethod?: string;
  signatureMethod?: string;
  /** The octets it signs for SignedInfo (faultless: exclusive c14n of SignedInfo in place). */
  signedInfoOctets?: (signedInfo: Element, text: string) => string;
}

const excC14n = (element: Element) =>
  new ExclusiveCanonicalization().process(element.cloneNode(true) as never, {}).toString();
const sha256 = (octets: string) => createHash('sha256').update(octets, 'utf8').digest('base64');

/** Signs Body and Timestamp of `message` into its Security header, making the given mistakes. */
function signWith(key: KeyPairPem, flaws: Flaws = {}): string {
  const doc = new DOMParser().parseFromString(message, 'text/xml');
  const ids = idIndex(doc);
  const references = ['body', 'ts']
    .map((id) => {
      const octets = (flaws.digestInput ?? excC14n)(ids.get(id) as unknown as Element);
      return `<ds:Reference URI="#${id}"><ds:Transforms><ds:Transform Algorithm="${alg.excC14n}"/></ds:Transforms><ds:DigestMethod Algorithm="${flaws.digestMethod ?? alg.sha256}"/><ds:DigestValue>${(flaws.digest ?? sha256)(octets)}</ds:DigestValue></ds:Reference>`;
    })
    .join('');
  const signedInfoText = `<ds:SignedInfo><ds:CanonicalizationMethod Algorithm="${alg.excC14n}"/><ds:SignatureMethod Algorithm="${flaws.signatureMethod ?? alg.rsaSha256}"/>${references}</ds:SignedInfo>`;
  const signature = new DOMParser().parseFromString(
    `<ds:Signature xmlns:ds="${ns.ds}">${signedInfoText}<ds:SignatureValue/></ds:Signature>`,
    'text/xml',
  ).documentElement!;
  const placed = doc.importNode(signature, true);
  doc.getElementsByTagNameNS(ns.wsse, 'Security')[0]!.appendChild(placed);
  const signedInfo = placed.firstChild as Element;
  const octets = (flaws.signedInfoOctets ?? ((element) => excC14n(element)))(signedInfo, signedInfoText);
  const value = sign(
    flaws.signatureMethod === alg.rsaSha1 ? 'sha1' : 'sha256',
    Buffer.from(octets, 'utf8'),
    key.keyPem,
  ).toString('base64');
  (placed.lastChild as Element).appendChild(doc.createTextNode(value));
  return new XMLSerializer().serializeToString(doc);
}

const verify = (xml: string, certPem: string) => {
  const doc = new DOMParser().parseFromString(xml, 'text/xml');
  return verifySignature(doc.getElementsByTagNameNS(ns.ds, 'Signature')[0], certPem);
};
const headerSignature = "/*/*[local-name()='Header']/*[local-name()='Security']/*[local-name()='Signature']";
const xmlsec1 = haveXmlsec1();
const xmlsec1Accepts = (xml: string, certPem: string) =>
  xmlsec1Verify(xml, certPem, headerSignature, wsuIdAttributes(`${ns.s}:Body`, `${ns.wsu}:Timestamp`)).ok;

let key: KeyPairPem;
beforeAll(async () => {
  key = await (await createTestPki()).issue('CN=Signer, O=Test, C=DK');
});

describe("the platform's verifier against signers with a bug", () => {
  it('accepts the faultless signer (the control), as xmlsec1 does', () => {
    const xml = signWith(key);
    expect(verify(xml, key.certPem)).toEqual({ ok: true, signedIds: new Set(['body', 'ts']) });
    if (xmlsec1) expect(xmlsec1Accepts(xml, key.certPem)).toBe(true);
  });

  it.each<[string, Flaws, RegExp]>([
    [
      'digests a plain serialisation instead of the exclusive canonical form',
      { digestInput: (e) => new XMLSerializer().serializeToString(e) },
      /Id body was changed after signing/,
    ],
    [
      'canonicalises inclusively (ancestor namespaces) while it names exclusive c14n',
      {
        digestInput: (e) =>
          new C14nCanonicalization()
            .process(e.cloneNode(true) as never, {
              ancestorNamespaces: [
                { prefix: 'unused', namespaceURI: 'urn:example:unused' },
                { prefix: 's', namespaceURI: ns.s },
                { prefix: 'wsu', namespaceURI: ns.wsu },
              ],
            })
            .toString(),
      },
      /Id body was changed after signing/,
    ],
    [
      'writes a wrong digest (SHA-1 bytes under a SHA-256 DigestMethod)',
      { digest: (octets) => createHash('sha1').update(octets).digest('base64') },
      /Id body was changed after signing/,
    ],
    [
      'writes the digest as hex instead of base64',
      { digest: (octets) => createHash('sha256').update(octets).digest('hex') },
      /Id body was changed after signing/,
    ],
    [
      'signs SignedInfo as written, not canonicalised in place (no ds namespace)',
      { signedInfoOctets: (_e, text) => text },
      /SignatureValue does not verify/,
    ],
    [
      "signs SignedInfo canonicalised with the Envelope's namespaces (inclusive c14n)",
      {
        signedInfoOctets: (e) =>
          new C14nCanonicalization()
            .process(e.cloneNode(true) as never, {
              ancestorNamespaces: [{ prefix: 'unused', namespaceURI: 'urn:example:unused' }],
            })
            .toString(),
      },
      /SignatureValue does not verify/,
    ],
    [
      'uses SHA-1 digests',
      { digest: (octets) => createHash('sha1').update(octets).digest('base64'), digestMethod: alg.sha1 },
      /digest method .*sha1 is not accepted/,
    ],
    ['signs with RSA-SHA1', { signatureMethod: alg.rsaSha1 }, /signature method .*rsa-sha1 is not accepted/],
  ])('refuses a signer that %s', (_name, flaws, reason) => {
    const xml = signWith(key, flaws);
    const check = verify(xml, key.certPem);
    expect(check).toMatchObject({ ok: false, reason: expect.stringMatching(reason) });
  });

  it('refuses a faultless signature when a second element carries a signed Id (signature wrapping)', () => {
    const wrapped = signWith(key).replace(
      '<wsu:Timestamp',
      `<m:Decoy xmlns:m="urn:example:ping" wsu:Id="body"/><wsu:Timestamp`,
    );
    expect(verify(wrapped, key.certPem)).toMatchObject({
      ok: false,
      reason: expect.stringMatching(/Id body is used by more than one element/),
    });
  });

  it('refuses the faultless signature checked with another certificate', async () => {
    const other = await (await createTestPki()).issue('CN=Other, O=Test, C=DK');
    expect(verify(signWith(key), other.certPem)).toMatchObject({
      ok: false,
      reason: expect.stringMatching(/does not verify/),
    });
  });

  it.skipIf(!xmlsec1)('and xmlsec1 refuses the same broken signatures (they are broken, not merely unusual)', () => {
    for (const flaws of [
      { digestInput: (e: Element) => new XMLSerializer().serializeToString(e) },
      { signedInfoOctets: (_e: Element, text: string) => text },
    ]) {
      expect(xmlsec1Accepts(signWith(key, flaws), key.certPem)).toBe(false);
    }
  });
});

describe('the platform verifier against an enveloped signature (a SAML assertion signing itself)', () => {
  const assertion = `<Assertion xmlns="urn:oasis:names:tc:SAML:2.0:assertion" ID="_a1" Version="2.0"><Issuer>sts</Issuer><Subject><NameID>x</NameID></Subject></Assertion>`;

  /** Digests the assertion before the signature is in it; `declareEnveloped` says whether SignedInfo admits it. */
  function signAssertion(declareEnveloped: boolean): string {
    const doc = new DOMParser().parseFromString(assertion, 'text/xml');
    const root = doc.documentElement!;
    const digest = sha256(excC14n(root as unknown as Element));
    const transforms = `${declareEnveloped ? `<ds:Transform Algorithm="${alg.enveloped}"/>` : ''}<ds:Transform Algorithm="${alg.excC14n}"/>`;
    const signature = new DOMParser().parseFromString(
      `<ds:Signature xmlns:ds="${ns.ds}"><ds:SignedInfo><ds:CanonicalizationMethod Algorithm="${alg.excC14n}"/><ds:SignatureMethod Algorithm="${alg.rsaSha256}"/><ds:Reference URI="#_a1"><ds:Transforms>${transforms}</ds:Transforms><ds:DigestMethod Algorithm="${alg.sha256}"/><ds:DigestValue>${digest}</ds:DigestValue></ds:Reference></ds:SignedInfo><ds:SignatureValue/></ds:Signature>`,
      'text/xml',
    ).documentElement!;
    const placed = doc.importNode(signature, true);
    root.insertBefore(placed, root.firstChild!.nextSibling);
    const value = sign('sha256', Buffer.from(excC14n(placed.firstChild as Element), 'utf8'), key.keyPem).toString(
      'base64',
    );
    (placed.lastChild as Element).appendChild(doc.createTextNode(value));
    return new XMLSerializer().serializeToString(doc);
  }

  it('accepts it with the enveloped-signature transform declared, and refuses a signer that leaves the transform out', () => {
    expect(verify(signAssertion(true), key.certPem)).toEqual({ ok: true, signedIds: new Set(['_a1']) });
    expect(verify(signAssertion(false), key.certPem)).toMatchObject({
      ok: false,
      reason: expect.stringMatching(/Id _a1 was changed after signing/),
    });
  });
});
