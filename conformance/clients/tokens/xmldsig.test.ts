import { beforeAll, describe, expect, it } from 'vitest';
import { SignedXml } from 'xml-crypto';
import { createTestPki, type KeyPairPem } from '../../platform/index.ts';
import { ns, parseXml, selectOne, serializeXml, uri } from '../../wire/index.ts';
import { signXml, verifyXmlSignature } from './xmldsig.ts';

let pair: KeyPairPem;
beforeAll(async () => {
  pair = await (await createTestPki()).issue('CN=signer');
});

const envelope = `<s:Envelope xmlns:s="${ns.soap12}" xmlns:u="${ns.wsu}"><s:Header><o:Security xmlns:o="${ns.wsse}"><u:Timestamp u:Id="ts"><u:Created>2026-11-22T09:00:00Z</u:Created></u:Timestamp></o:Security></s:Header><s:Body u:Id="body"><x xmlns="urn:x" a="1">text &amp; more</x></s:Body></s:Envelope>`;

function signature(xml: string) {
  const doc = parseXml(xml);
  return { doc, sig: selectOne('//ds:Signature', doc)! };
}

describe('lean XML-DSig', () => {
  it('verifies what xml-crypto signs, and xml-crypto verifies what it signs', () => {
    const other = new SignedXml({
      idMode: 'wssecurity',
      privateKey: pair.keyPem,
      signatureAlgorithm: uri.rsaSha256,
      canonicalizationAlgorithm: uri.excC14n,
    });
    for (const id of ['ts', 'body'])
      other.addReference({
        xpath: `//*[@*[local-name(.)='Id']='${id}']`,
        transforms: [uri.excC14n],
        digestAlgorithm: uri.sha256,
      });
    other.computeSignature(envelope, {
      prefix: 'ds',
      location: { reference: "//*[local-name(.)='Security']", action: 'append' },
    });
    const theirs = signature(other.getSignedXml());
    const check = verifyXmlSignature(theirs.sig, pair.certPem);
    expect(check.ok && [...check.signedIds]).toEqual(['ts', 'body']);

    const doc = parseXml(envelope);
    signXml(doc as never, {
      keyPem: pair.keyPem,
      ids: ['body', 'ts'],
      keyInfoXml: '<ds:KeyName>k</ds:KeyName>',
      parent: selectOne('//wsse:Security', doc)!,
    });
    const ours = serializeXml(doc);
    const verifier = new SignedXml({ publicCert: pair.certPem, getCertFromKeyInfo: () => null });
    verifier.loadSignature(selectOne('//ds:Signature', parseXml(ours)) as unknown as Node);
    expect(verifier.checkSignature(ours)).toBe(true);
  });

  it('refuses a changed element, a duplicated Id (signature wrapping) and another key', async () => {
    const doc = parseXml(envelope);
    signXml(doc as never, {
      keyPem: pair.keyPem,
      ids: ['body'],
      keyInfoXml: '<ds:KeyName>k</ds:KeyName>',
      parent: selectOne('//wsse:Security', doc)!,
    });
    const signed = serializeXml(doc);
    const changed = signature(signed.replace('text &amp; more', 'other'));
    expect(verifyXmlSignature(changed.sig, pair.certPem)).toMatchObject({
      ok: false,
      reason: expect.stringMatching(/changed after signing/),
    });
    const wrapped = signature(signed.replace('<s:Header>', `<s:Header><w u:Id="body" xmlns="urn:w"/>`));
    expect(verifyXmlSignature(wrapped.sig, pair.certPem)).toMatchObject({
      ok: false,
      reason: expect.stringMatching(/more than one element/),
    });
    const other = await (await createTestPki()).issue('CN=other');
    expect(verifyXmlSignature(signature(signed).sig, other.certPem)).toMatchObject({
      ok: false,
      reason: expect.stringMatching(/does not verify/),
    });
  });
});
