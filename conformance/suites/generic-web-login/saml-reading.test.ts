import { createSign, generateKeyPairSync } from 'node:crypto';
import { deflateRawSync } from 'node:zlib';
import { describe, expect, it } from 'vitest';
import { messageFields, postFormOf, readRedirectUrl, redirectSignatureProblem } from './saml-reading.ts';

const { privateKey, publicKey } = generateKeyPairSync('rsa', { modulusLength: 2048 });
const other = generateKeyPairSync('rsa', { modulusLength: 2048 }).privateKey;

const request = `<samlp:AuthnRequest xmlns:samlp="urn:oasis:names:tc:SAML:2.0:protocol" xmlns:saml="urn:oasis:names:tc:SAML:2.0:assertion" ID="_a1" Version="2.0" IssueInstant="2026-12-02T10:00:00Z" Destination="https://idp.example/sso"><saml:Issuer>https://sp.example</saml:Issuer></samlp:AuthnRequest>`;

function url(sign: typeof privateKey | undefined, tamper = false) {
  const parts = [`SAMLRequest=${encodeURIComponent(deflateRawSync(request).toString('base64'))}`, 'RelayState=%2Fhome'];
  if (sign) {
    parts.push(`SigAlg=${encodeURIComponent('http://www.w3.org/2001/04/xmldsig-more#rsa-sha256')}`);
    parts.push(`Signature=${encodeURIComponent(createSign('sha256').update(parts.join('&')).sign(sign, 'base64'))}`);
  }
  const query = parts.join('&');
  // A changed RelayState after signing: the signature covers it (bindings §3.4.4.1).
  return `https://idp.example/sso?${tamper ? query.replace('RelayState=%2Fhome', 'RelayState=%2Fadmin') : query}`;
}

// The suites pass the system certificate's PEM; a public key PEM takes the same path (createPublicKey).
const check = (u: string) => {
  const read = readRedirectUrl(u, 'SAMLRequest');
  if (typeof read === 'string') throw new Error(read);
  return redirectSignatureProblem(read, publicKey.export({ type: 'spki', format: 'pem' }).toString());
};

describe("the web-login suite's reading of what the system sends", () => {
  it('reads the Redirect binding: the request, its RelayState and its fields', () => {
    const read = readRedirectUrl(url(privateKey), 'SAMLRequest');
    expect(typeof read).not.toBe('string');
    if (typeof read === 'string') return;
    expect(read.endpoint).toBe('https://idp.example/sso');
    expect(read.relayState).toBe('/home');
    expect(messageFields(read.xml)).toMatchObject({
      name: 'AuthnRequest',
      issuer: 'https://sp.example',
      attributes: { ID: '_a1', Destination: 'https://idp.example/sso' },
    });
    expect(readRedirectUrl('https://idp.example/sso?SAMLRequest=not-deflate', 'SAMLRequest')).toMatch(
      /not base64-encoded DEFLATE/,
    );
  });

  it('holds a good signature and fails a missing one, another key, and a changed query string', () => {
    expect(check(url(privateKey))).toBeUndefined();
    expect(check(url(undefined))).toMatch(/not signed/);
    expect(check(url(other))).toMatch(/does not verify/);
    expect(check(url(privateKey, true))).toMatch(/does not verify/);
  });

  it("reads the IdP's POST form with its escaped values", () => {
    const form = postFormOf(
      '<form method="post" action="https://sp.example/acs?a=1&amp;b=2"><input type="hidden" name="SAMLResponse" value="PHg+"/><input type="hidden" name="RelayState" value="&quot;x&quot;"/></form>',
    );
    expect(form).toEqual({
      action: 'https://sp.example/acs?a=1&b=2',
      fields: { SAMLResponse: 'PHg+', RelayState: '"x"' },
    });
    expect(postFormOf('<p>Ukendt tjenesteudbyder</p>')).toBeUndefined();
  });
});
