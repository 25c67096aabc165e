import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import { SignedXml } from 'xml-crypto';
import { loadCatalog } from '../../../catalog/index.ts';
import { buildIssueRequest } from '../../clients/index.ts';
import { parseIssueResponse } from '../../clients/index.ts';
import { certificateBase64, parseXml, selectOne, textOf, uri } from '../../wire/index.ts';
import { bstReference } from '../../clients/index.ts';
import { officialContractsDir } from '../services/organisation/official-xsd.ts';
import { issueSoap } from './issue-soap.ts';
import { createStsTestWorld, type StsTestWorld } from './sts-test-setup.ts';

const now = new Date('2026-11-22T09:00:00Z');
const to = 'https://127.0.0.1/runtime/services/kombittrust/14/certificatemixed';
let world: StsTestWorld;
let organisationEntityId: string;

beforeAll(async () => {
  world = await createStsTestWorld((await loadCatalog()).catalog);
  organisationEntityId = world.entityIds.organisation;
});

function rst(overrides: Partial<Parameters<typeof buildIssueRequest>[0]> = {}): string {
  return buildIssueRequest({ ...world.system, entityId: organisationEntityId, cvr: '11111111', to, now, ...overrides });
}

function issue(xml: string, tlsCert = world.system.certPem, at = now) {
  return issueSoap(xml, tlsCert, { directory: world.directory, identity: world.identity, now: at });
}

describe('SF1514 Issue over SOAP 1.2', () => {
  it('issues an 8 hour holder-of-key token for the entityID and CVR asked for, signed by the STS', () => {
    const reply = issue(rst());
    expect(reply.status).toBe(200);
    const parsed = parseIssueResponse(reply.body);
    if (!parsed.ok) throw new Error(parsed.fault.reason);
    const { token } = parsed;
    expect(token.audience).toBe(organisationEntityId);
    expect(token.notOnOrAfter.getTime() - token.notBefore.getTime()).toBe(8 * 3600_000);
    const assertion = parseXml(token.assertionXml).documentElement!;
    expect(textOf('saml:Issuer', assertion)).toBe(world.identity.issuer);
    expect(textOf('saml:Subject/saml:NameID', assertion)).toBe(
      'SERIALNUMBER=CVR:12345678-FID:10010001 + CN=Fagsystem (funktionscertifikat), O=Fagsystem A/S // CVR:12345678, C=DK',
    );
    expect(selectOne('saml:Subject/saml:SubjectConfirmation', assertion)?.getAttribute('Method')).toBe(
      'urn:oasis:names:tc:SAML:2.0:cm:holder-of-key',
    );
    expect(
      textOf(
        "saml:AttributeStatement/saml:Attribute[@Name='dk:gov:saml:attribute:CvrNumberIdentifier']/saml:AttributeValue",
        assertion,
      ),
    ).toBe('11111111');
    const privileges = textOf(
      "saml:AttributeStatement/saml:Attribute[@Name='dk:gov:saml:attribute:Privileges_intermediate']/saml:AttributeValue",
      assertion,
    )!;
    expect(Buffer.from(privileges, 'base64').toString()).toContain(
      'Scope="urn:dk:gov:saml:cvrNumberIdentifier:11111111"',
    );
    const sig = new SignedXml({ publicCert: world.identity.certPem, getCertFromKeyInfo: () => null });
    sig.loadSignature(selectOne('ds:Signature', assertion) as unknown as Node);
    expect(sig.checkSignature(token.assertionXml)).toBe(true);
  });

  it.each([
    ['another certificate on the TLS connection', () => issue(rst(), world.other.certPem), 'wst:FailedAuthentication'],
    ['a CVR changed after signing', () => issue(rst().replace('>11111111<', '>22222222<')), 'wsse:FailedCheck'],
    ['an entityID no service has', () => issue(rst({ entityId: 'http://example.org/unknown' })), 'wst:InvalidScope'],
    ['a municipality without an agreement', () => issue(rst({ cvr: '29189846' })), 'wst:RequestFailed'],
    [
      'a service without an agreement',
      () => issue(rst({ entityId: world.entityIds.sagDokumentIndeks })),
      'wst:RequestFailed',
    ],
    ['an unregistered system', () => issue(rst({ ...world.other }), world.other.certPem), 'wst:FailedAuthentication'],
    [
      'an expired request Timestamp',
      () => issue(rst(), undefined, new Date(now.getTime() + 10 * 60_000)),
      'wsse:MessageExpired',
    ],
    ['a DOCTYPE', () => issue(`<!DOCTYPE x [<!ENTITY a "b">]>${rst()}`), 'wst:InvalidRequest'],
    [
      'a SOAP 1.1 envelope',
      () =>
        issue(rst().replaceAll('http://www.w3.org/2003/05/soap-envelope', 'http://schemas.xmlsoap.org/soap/envelope/')),
      'wst:InvalidRequest',
    ],
  ])('answers %s with a SOAP 1.2 fault', (_name, call, subcode) => {
    const reply = call();
    expect(reply.status).toBe(500);
    const parsed = parseIssueResponse(reply.body);
    expect(parsed.ok).toBe(false);
    if (!parsed.ok) {
      expect(parsed.fault.code).toMatch(/:Sender$/);
      expect(parsed.fault.subcode).toBe(subcode);
      expect(parsed.fault.reason.length).toBeGreaterThan(10);
    }
  });
});

describe('SF1514 with the RST of the official SF1514 template (itk-dev SAMLTokenSoapTemplate.xml)', () => {
  const template = join(
    officialContractsDir,
    'itk-dev__serviceplatformen/src/Service/SF1514/SAMLTokenSoapTemplate.xml',
  );

  it.skipIf(!existsSync(template))(
    'issues a token for a request filled in and signed (by xml-crypto) the way the template prescribes',
    () => {
      const cert = certificateBase64(world.system.certPem);
      const filled = readFileSync(template, 'utf8')
        .replace(/<ds:Signature[\s\S]*<\/ds:Signature>/, '')
        .replace(
          '<To xmlns="http://www.w3.org/2005/08/addressing" xmlns:wsu="http://docs.oasis-open.org/wss/2004/01/oasis-200401-wss-wssecurity-utility-1.0.xsd" wsu:Id="to_id"></To>',
          `<To xmlns="http://www.w3.org/2005/08/addressing" xmlns:wsu="http://docs.oasis-open.org/wss/2004/01/oasis-200401-wss-wssecurity-utility-1.0.xsd" wsu:Id="to_id">${to}</To>`,
        )
        .replace('<wsu:Created></wsu:Created>', `<wsu:Created>${now.toISOString()}</wsu:Created>`)
        .replace(
          '<wsu:Expires></wsu:Expires>',
          `<wsu:Expires>${new Date(now.getTime() + 300_000).toISOString()}</wsu:Expires>`,
        )
        .replace(/(<wsse:BinarySecurityToken[^>]*>)(<\/wsse:BinarySecurityToken>)/g, `$1${cert}$2`)
        .replace(
          '<Value xmlns="http://docs.oasis-open.org/wsfed/authorization/200706"></Value>',
          '<Value xmlns="http://docs.oasis-open.org/wsfed/authorization/200706">11111111</Value>',
        );
      // Signed by xml-crypto, an implementation independent of the platform's own signer.
      const signer = new SignedXml({
        idMode: 'wssecurity',
        privateKey: world.system.keyPem,
        signatureAlgorithm: uri.rsaSha256,
        canonicalizationAlgorithm: uri.excC14n,
        getKeyInfoContent: () => bstReference('security_token_id'),
      });
      for (const id of [
        'timestamp_id',
        'body_id',
        'to_id',
        'reply_id',
        'message_id_id',
        'action_id',
        'security_token_id',
      ]) {
        signer.addReference({
          xpath: `//*[@*[local-name(.)='Id']='${id}']`,
          transforms: [uri.excC14n],
          digestAlgorithm: uri.sha256,
        });
      }
      signer.computeSignature(filled, {
        prefix: 'ds',
        location: { reference: "//*[local-name(.)='Security']", action: 'append' },
      });
      const signed = signer.getSignedXml();
      const reply = issue(signed);
      const parsed = parseIssueResponse(reply.body);
      expect(parsed.ok ? parsed.token.audience : parsed.fault.reason).toBe(organisationEntityId);
    },
  );
});
