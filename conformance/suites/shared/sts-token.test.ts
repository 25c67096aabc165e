import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { certificatePem, tokenFromAssertion } from '../../clients/index.ts';
import { parseXml, selectOne, serializeXml, textOf } from '../../clients/index.ts';
import { holderOfKeyProblems } from './sts-token.ts';

// KOMBIT's own examples (tokenservice_oioidws-net): a holder-of-key token its external test STS
// issued, and the bearer token of the STS's official response example.
const examples = new URL('../../../../shared/contracts/kombit__tokenservice_oioidws-net/Misc/', import.meta.url);
const read = (path: string) => readFileSync(new URL(path, examples), 'utf8').replace(/^\uFEFF?<\?xml[^>]*\?>\s*/, '');
const holderOfKeyXml = read('Token examples/STS token - Signature scenario.xml');
const bearerXml = serializeXml(
  selectOne('//saml:Assertion', parseXml(read('SOAP examples/OioWsTrust/Official examples from STS/Response.xml'))),
);

const assertion = parseXml(holderOfKeyXml);
/** The certificate the example token is bound to (the caller's), and the STS's signing certificate. */
const boundPem = certificatePem(
  textOf('//saml:SubjectConfirmationData/ds:KeyInfo/ds:X509Data/ds:X509Certificate', assertion)!,
);
const stsPem = certificatePem(
  textOf('/saml:Assertion/ds:Signature/ds:KeyInfo/ds:X509Data/ds:X509Certificate', assertion)!,
);

describe('holderOfKeyProblems: is a token the 8-hour holder-of-key token KOMBIT issues', () => {
  it("accepts KOMBIT's own holder-of-key token for the certificate it is bound to", () => {
    expect(holderOfKeyProblems(tokenFromAssertion(holderOfKeyXml), boundPem)).toEqual([]);
  });

  it('names a token bound to another certificate than the one that asked', () => {
    expect(holderOfKeyProblems(tokenFromAssertion(holderOfKeyXml), stsPem)).toEqual([
      "it is bound to another certificate than the system's",
    ]);
  });

  it('names a bearer token: wrong SubjectConfirmation method and no bound certificate', () => {
    const problems = holderOfKeyProblems(tokenFromAssertion(bearerXml), boundPem);
    expect(problems).toContain(
      'its SubjectConfirmation Method is urn:oasis:names:tc:SAML:2.0:cm:bearer, not urn:oasis:names:tc:SAML:2.0:cm:holder-of-key',
    );
    expect(problems).toContain('its SubjectConfirmationData carries no certificate, so it is bound to no key');
  });

  it('names a token valid for one hour instead of eight', () => {
    const oneHour = holderOfKeyXml.replace(
      'NotOnOrAfter="2022-11-28T10:09:36.932Z">',
      'NotOnOrAfter="2022-11-28T03:09:36.932Z">',
    );
    expect(oneHour).not.toBe(holderOfKeyXml);
    expect(holderOfKeyProblems(tokenFromAssertion(oneHour), boundPem)).toEqual([
      'it is valid for 1.00 h / 1.00 h (Conditions NotBefore/IssueInstant to NotOnOrAfter), not 8 hours',
    ]);
  });

  it('counts from IssueInstant when the STS backdates NotBefore for clock skew', () => {
    const backdated = holderOfKeyXml.replace(
      '<Conditions NotBefore="2022-11-28T02:09:36.932Z"',
      '<Conditions NotBefore="2022-11-28T02:04:36.932Z"',
    );
    expect(backdated).not.toBe(holderOfKeyXml);
    expect(holderOfKeyProblems(tokenFromAssertion(backdated), boundPem)).toEqual([]);
  });
});
