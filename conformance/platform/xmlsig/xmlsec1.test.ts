import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { buildIssueRequest } from '../../clients/index.ts';
import { parseIssueResponse, type IssuedToken } from '../../clients/index.ts';
import { certificatePem, parseXml, selectOne, textOf } from '../../wire/index.ts';
import { startOioidwsWorld } from '../testing/platform-test-client.ts';
import { createPlatformModule as createOrganisationModule } from '../services/organisation/index.ts';
import { orgNs } from '../services/organisation/registrering-xml.ts';
import { platformModule as stsModule, stsPath } from '../sts/index.ts';
import { verifySignature } from './verify-signature.ts';
import { haveXmlsec1, samlAssertionIdAttribute, wsuIdAttributes, xmlsec1Verify } from './xmlsec1-cli.ts';

/**
 * The platform's signatures checked by xmlsec1, an implementation that shares no code with the
 * platform's or the clients' (both canonicalise with xml-crypto), so a canonicalisation or digest
 * bug common to both sides of the wire shows here.
 */
const xmlsec1 = haveXmlsec1();
const soap12 = 'http://www.w3.org/2003/05/soap-envelope';
const wsa = 'http://www.w3.org/2005/08/addressing';
const wsu = 'http://docs.oasis-open.org/wss/2004/01/oasis-200401-wss-wssecurity-utility-1.0.xsd';
const wsse = 'http://docs.oasis-open.org/wss/2004/01/oasis-200401-wss-wssecurity-secext-1.0.xsd';
const assertionId = samlAssertionIdAttribute;
const wsuIds = wsuIdAttributes;
const headerSignature = "/*/*[local-name()='Header']/*[local-name()='Security']/*[local-name()='Signature']";
const assertionSignature = "//*[local-name()='Assertion']/*[local-name()='Signature']";

describe.skipIf(!xmlsec1)('the platform signs what xmlsec1 verifies', () => {
  let world: Awaited<ReturnType<typeof startOioidwsWorld>>;
  let stsCertPem: string;
  let rstr: string;
  let token: IssuedToken;

  beforeAll(async () => {
    world = await startOioidwsWorld((catalog) => [stsModule, createOrganisationModule(catalog)], ['SF1500']);
    const rst = buildIssueRequest({
      certPem: world.tls.cert,
      keyPem: world.tls.key,
      entityId: world.entityIds.organisation,
      cvr: '11111111',
      to: `${world.platform.url}${stsPath}`,
    });
    rstr = (await world.post(stsPath, rst, 'application/soap+xml; charset=utf-8')).body;
    const parsed = parseIssueResponse(rstr);
    if (!parsed.ok) throw new Error(parsed.fault.reason);
    token = parsed.token;
    // The platform writes its role certificates when it first uses them.
    stsCertPem = readFileSync(join(world.platform.dataDir, 'roles', 'sts.crt'), 'utf8');
  });
  afterAll(async () => world?.stop());

  it("the STS token's own signature, in the RSTR and as a client puts it into its calls", () => {
    for (const xml of [rstr, token.assertionXml]) {
      const result = xmlsec1Verify(xml, stsCertPem, assertionSignature, assertionId);
      expect(result.output).toContain('SignedInfo References (ok/all): 1/1');
      expect(result.ok, result.output).toBe(true);
    }
  });

  it("the RSTR's signature over Body, Action, RelatesTo and Timestamp", () => {
    const result = xmlsec1Verify(
      rstr,
      stsCertPem,
      headerSignature,
      wsuIds(`${soap12}:Body`, `${wsa}:Action`, `${wsa}:RelatesTo`, `${wsu}:Timestamp`),
    );
    expect(result.output).toContain('SignedInfo References (ok/all): 4/4');
    expect(result.ok, result.output).toBe(true);
  });

  it("a service's signed answer (Organisation Bruger laes), with the certificate it carries", async () => {
    const action = 'http://kombit.dk/sts/organisation/bruger/laes';
    const body = `<b:LaesInput xmlns:b="${orgNs.bruger}"><sd:UUIDIdentifikator xmlns:sd="${orgNs.sd}">273e2e2b-8778-44c9-8a65-9af669655990</sd:UUIDIdentifikator></b:LaesInput>`;
    const reply = await world.call('/organisation/bruger/6/', action, body, token);
    expect(reply.status).toBe(200);
    const signer = certificatePem(
      textOf('/soap12:Envelope/soap12:Header/wsse:Security/wsse:BinarySecurityToken', parseXml(reply.body))!,
    );
    expect(signer).toBe(readFileSync(join(world.platform.dataDir, 'roles', 'organisation.crt'), 'utf8'));
    const result = xmlsec1Verify(
      reply.body,
      signer,
      headerSignature,
      wsuIds(`${soap12}:Body`, `${wsa}:Action`, `${wsa}:RelatesTo`, `${wsa}:MessageID`, `${wsu}:Timestamp`),
    );
    expect(result.output).toContain('SignedInfo References (ok/all): 5/5');
    expect(result.ok, result.output).toBe(true);
  });

  it('and xmlsec1 refuses a token changed after signing, or checked with another key (the check can fail)', () => {
    const changed = token.assertionXml.replace(
      '<AttributeValue>11111111</AttributeValue>',
      '<AttributeValue>29189846</AttributeValue>',
    );
    expect(changed).not.toBe(token.assertionXml);
    expect(xmlsec1Verify(changed, stsCertPem, assertionSignature, assertionId).ok).toBe(false);
    expect(xmlsec1Verify(token.assertionXml, world.tls.cert, assertionSignature, assertionId).ok).toBe(false);
  });

  it("the clients' signed Issue request verifies with xmlsec1 as with the platform (a third opinion on the clients' signer)", () => {
    const rst = buildIssueRequest({
      certPem: world.tls.cert,
      keyPem: world.tls.key,
      entityId: world.entityIds.organisation,
      cvr: '11111111',
      to: `${world.platform.url}${stsPath}`,
    });
    const ids = wsuIds(
      `${soap12}:Body`,
      `${wsa}:Action`,
      `${wsa}:MessageID`,
      `${wsa}:To`,
      `${wsa}:ReplyTo`,
      `${wsu}:Timestamp`,
      `${wsse}:BinarySecurityToken`,
    );
    const result = xmlsec1Verify(rst, world.tls.cert, headerSignature, ids);
    expect(result.output).toContain('SignedInfo References (ok/all): 7/7');
    expect(result.ok, result.output).toBe(true);
    expect(verifySignature(selectOne(headerSignature, parseXml(rst)), world.tls.cert).ok).toBe(true);
  });
});

// Without xmlsec1 the cross-check cannot run: skipped (and said so) on a developer's machine, a
// failure in CI, where .ci/run installs it and a skip would hide a broken set-up.
describe.skipIf(xmlsec1)('the platform signs what xmlsec1 verifies', () => {
  it('needs xmlsec1 (apt-get install xmlsec1)', (context) => {
    if (!process.env.CI) context.skip('xmlsec1 is not installed (apt-get install xmlsec1)');
    expect.fail('xmlsec1 is not installed, although .ci/run installs it');
  });
});
