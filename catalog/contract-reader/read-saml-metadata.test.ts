import { readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { tempDirs } from '../test-fixtures/temp-dirs.ts';
import { officialContractsDir } from './official-contracts.ts';
import { isSamlMetadata, readSamlMetadata } from './read-saml-metadata.ts';

const metadataFile = join(
  officialContractsDir(),
  'ctthang__kombit-web-net/Kombit.Samples.CH.WebsiteDemo/metadata/metadata.xml',
);
const { make } = tempDirs();

describe('readSamlMetadata on the Context Handler metadata', () => {
  it("reads the external test Context Handler's entityID, bindings, NameID format and attributes", () => {
    const m = readSamlMetadata(metadataFile);
    expect(m.entityId).toBe('https://saml.adgangsstyring.eksterntest-stoettesystemerne.dk/');
    expect(m.wantAuthnRequestsSigned).toBe(true);
    expect(m.singleSignOn.map((e) => e.binding.split(':').pop())).toEqual(['HTTP-Redirect', 'HTTP-POST']);
    expect(m.singleSignOn[0]!.location).toBe(
      'https://adgangsstyring.eksterntest-stoettesystemerne.dk/runtime/saml2/issue.idp',
    );
    expect(m.singleLogout.map((e) => e.binding.split(':').pop())).toEqual(['HTTP-Redirect', 'HTTP-POST', 'SOAP']);
    expect(m.singleLogout[0]!.responseLocation).toBe(
      'https://adgangsstyring.eksterntest-stoettesystemerne.dk/runtime/saml2/signoff.idp',
    );
    expect(m.nameIdFormats).toEqual(['urn:oasis:names:tc:SAML:1.1:nameid-format:X509SubjectName']);
    expect(m.attributes.map((a) => a.name.replace('dk:gov:saml:attribute:', ''))).toEqual([
      'KombitSpecVer',
      'AssuranceLevel',
      'SpecVer',
      'CvrNumberIdentifier',
      'Privileges_intermediate',
    ]);
    expect(m.attributes[1]!.values).toEqual(['2', '3']);
    expect(m.signingCertificate?.subject).toContain('KOMBIT Støttesystemer-T');
  });

  it("checks the metadata's own signature: it holds as published and fails once a location is changed", async () => {
    expect(readSamlMetadata(metadataFile).signature).toEqual({
      algorithm: 'http://www.w3.org/2000/09/xmldsig#rsa-sha1',
      valid: true,
    });
    const dir = await make('klarmeld-saml-');
    const tampered = join(dir, 'metadata.xml');
    writeFileSync(tampered, readFileSync(metadataFile, 'utf8').replace('/runtime/saml2/issue.idp', '/evil/issue.idp'));
    expect(readSamlMetadata(tampered).signature?.valid).toBe(false);
  });

  it('tells SAML metadata from a WSDL, and refuses a file that is no IdP metadata with the reason', async () => {
    expect(isSamlMetadata(readFileSync(metadataFile, 'utf8'))).toBe(true);
    expect(isSamlMetadata('<definitions xmlns="http://schemas.xmlsoap.org/wsdl/"/>')).toBe(false);
    const dir = await make('klarmeld-saml-');
    const sp = join(dir, 'sp.xml');
    writeFileSync(
      sp,
      '<EntityDescriptor xmlns="urn:oasis:names:tc:SAML:2.0:metadata" entityID="x"><SPSSODescriptor/></EntityDescriptor>',
    );
    expect(() => readSamlMetadata(sp)).toThrow(expect.objectContaining({ code: 'contract.not-a-contract' }));
  });
});
