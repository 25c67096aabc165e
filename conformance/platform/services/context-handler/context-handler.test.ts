import { createSign, generateKeyPairSync, randomUUID } from 'node:crypto';
import { readFileSync } from 'node:fs';
import { inflateRawSync } from 'node:zlib';
import { Agent, request } from 'undici';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { AddedSystem } from '../../admin/platform-admin.ts';
import type { RunningPlatform } from '../../server/start-platform.ts';
import { agentFor, startTestPlatform } from '../../testing/test-platform.ts';
import { haveXmlsec1, xmlsec1Verify } from '../../xmlsig/xmlsec1-cli.ts';
import { deflateMessage } from './redirect-binding.ts';

const SSO = '/runtime/saml2/issue.idp';
const SP = 'https://fagsystem.example/saml';
const ACS = 'https://fagsystem.example/saml/acs';
const SLO = 'https://fagsystem.example/saml/slo';
const samlp = 'urn:oasis:names:tc:SAML:2.0:protocol';
const saml = 'urn:oasis:names:tc:SAML:2.0:assertion';

let platform: RunningPlatform;
let system: AddedSystem;
let browser: Agent;
let idpCert: string;

beforeAll(async () => {
  platform = await startTestPlatform();
  system = await platform.admin.addSystem({ name: 'Webfagsystem' });
  platform.admin.addAgreement({ system: system.systemUuid, service: 'SF1511', municipalityCvr: '11111111' });
  const mtls = agentFor(system);
  const registered = await request(`${platform.url}/klarmeld/context-handler/service-providers`, {
    method: 'POST',
    dispatcher: mtls,
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify({ entityId: SP, assertionConsumerService: ACS, singleLogoutService: SLO }),
  });
  expect(registered.statusCode).toBe(201);
  await registered.body.text();
  await mtls.close();
  // The user's browser: it trusts the platform's CA and has no client certificate.
  browser = new Agent({ connect: { ca: readFileSync(system.ca) } });
  const metadata = await (
    await request(`${platform.url}/klarmeld/context-handler/metadata`, { dispatcher: browser })
  ).body.text();
  const base64 = /<ds:X509Certificate>([^<]+)</.exec(metadata)![1]!;
  idpCert = `-----BEGIN CERTIFICATE-----\n${base64.replace(/(.{64})/g, '$1\n')}\n-----END CERTIFICATE-----\n`;
});
afterAll(async () => {
  await browser?.close();
  await platform?.stop();
});

function authnRequest(fields: { issuer?: string; destination?: string; instant?: Date } = {}) {
  const id = `_${randomUUID()}`;
  const xml = `<samlp:AuthnRequest xmlns:samlp="${samlp}" xmlns:saml="${saml}" ID="${id}" Version="2.0" IssueInstant="${(fields.instant ?? new Date()).toISOString()}" Destination="${fields.destination ?? platform.url + SSO}" AssertionConsumerServiceURL="${ACS}" ProtocolBinding="urn:oasis:names:tc:SAML:2.0:bindings:HTTP-POST"><saml:Issuer>${fields.issuer ?? SP}</saml:Issuer></samlp:AuthnRequest>`;
  return { id, xml };
}

/** The Redirect binding as a service provider sends it, signed with `keyPem` unless it is undefined. */
function redirect(kind: 'SAMLRequest', xml: string, keyPem: string | undefined, extra = '', relayState = 'page-7') {
  const parts = [`${kind}=${encodeURIComponent(deflateMessage(xml))}`, `RelayState=${encodeURIComponent(relayState)}`];
  if (keyPem) {
    parts.push(`SigAlg=${encodeURIComponent('http://www.w3.org/2001/04/xmldsig-more#rsa-sha256')}`);
    parts.push(`Signature=${encodeURIComponent(createSign('sha256').update(parts.join('&')).sign(keyPem, 'base64'))}`);
  }
  return `${platform.url}${SSO}?${parts.join('&')}${extra}`;
}

async function open(url: string) {
  const res = await request(url, { dispatcher: browser });
  const body = await res.body.text();
  const field = (name: string) => new RegExp(`name="${name}" value="([^"]*)"`).exec(body)?.[1];
  const posted = field('SAMLResponse');
  return {
    status: res.statusCode,
    body,
    location: res.headers.location as string | undefined,
    action: /action="([^"]+)"/.exec(body)?.[1],
    relayState: field('RelayState'),
    response: posted ? Buffer.from(posted, 'base64').toString('utf8') : undefined,
  };
}

const systemKey = () => readFileSync(system.key, 'utf8');
const statusOf = (xml: string) => [...xml.matchAll(/StatusCode Value="([^"]+)"/g)].map((m) => m[1]!.split(':').pop());

describe('the embedded Context Handler (SF1511 single sign-on)', () => {
  it('answers a signed AuthnRequest with a Response posted to the ACS, signed by the IdP (checked with xmlsec1)', async () => {
    const { id, xml } = authnRequest();
    const page = await open(redirect('SAMLRequest', xml, systemKey()));
    expect(page.status).toBe(200);
    expect(page.action).toBe(ACS);
    expect(page.relayState).toBe('page-7');
    const response = page.response!;
    expect(statusOf(response)).toEqual(['Success']);
    expect(response).toContain(`InResponseTo="${id}"`);
    expect(response).toContain(`<saml:Audience>${SP}</saml:Audience>`);
    expect(response).toContain(
      '<saml:Issuer>https://saml.adgangsstyring.eksterntest-stoettesystemerne.dk/</saml:Issuer>',
    );
    expect(response).toMatch(/Name="dk:gov:saml:attribute:CvrNumberIdentifier"[^>]*><saml:AttributeValue>11111111</);
    const privileges = /Privileges_intermediate"[^>]*><saml:AttributeValue>([^<]+)</.exec(response)![1]!;
    expect(Buffer.from(privileges, 'base64').toString('utf8')).toContain(
      'Scope="urn:dk:gov:saml:cvrNumberIdentifier:11111111"><Privilege>http://fagsystem.example/roles/servicesystemrole/sf1511/1</Privilege>',
    );
    if (haveXmlsec1()) {
      const idAttrs = ['--id-attr:ID', `${samlp}:Response`, '--id-attr:ID', `${saml}:Assertion`];
      const responseSig = "/*[local-name()='Response']/*[local-name()='Signature']";
      const assertionSig = "//*[local-name()='Assertion']/*[local-name()='Signature']";
      expect(xmlsec1Verify(response, idpCert, responseSig, idAttrs).ok).toBe(true);
      expect(xmlsec1Verify(response, idpCert, assertionSig, idAttrs).ok).toBe(true);
    }
  });

  it('answers an unsigned or wrongly signed AuthnRequest with status Requester/RequestDenied, saying why', async () => {
    const other = generateKeyPairSync('rsa', { modulusLength: 2048 }).privateKey.export({
      type: 'pkcs8',
      format: 'pem',
    });
    for (const key of [undefined, other.toString()]) {
      const page = await open(redirect('SAMLRequest', authnRequest().xml, key));
      expect(page.action).toBe(ACS);
      expect(statusOf(page.response!)).toEqual(['Requester', 'RequestDenied']);
      expect(page.response).not.toContain('<saml:Assertion');
      expect(page.response).toMatch(key ? /does not verify/ : /carries no Signature/);
    }
  });

  it('refuses a signed request that is not SAML 2.0 as the specifications write it: Version, ID, IssueInstant in UTC, RelayState ≤ 80 bytes (review finding 9)', async () => {
    const { xml } = authnRequest();
    const cases: [string, RegExp, string?][] = [
      [xml.replace('Version="2.0"', 'Version="1.0"'), /Version is 1.0/],
      [xml.replace(/ID="_[^"]+"/, 'ID="has space"'), /is not an xs:ID/],
      [xml.replace(/IssueInstant="[^"]+"/, `IssueInstant="${new Date().toString()}"`), /xs:dateTime in UTC/],
      [xml, /RelayState is 81 bytes/, 'x'.repeat(81)],
    ];
    for (const [request, reason, relayState] of cases) {
      const page = await open(redirect('SAMLRequest', request, systemKey(), '', relayState));
      expect(statusOf(page.response!)).toEqual(['Requester', 'RequestDenied']);
      expect(page.response).toMatch(reason);
    }
  });

  it('refuses a request for another Destination, or an old one, and an unknown service provider gets no Response', async () => {
    const wrongPlace = await open(
      redirect('SAMLRequest', authnRequest({ destination: 'https://idp.example/sso' }).xml, systemKey()),
    );
    expect(wrongPlace.response).toMatch(/Destination is https:\/\/idp.example\/sso/);
    const old = await open(
      redirect('SAMLRequest', authnRequest({ instant: new Date(Date.now() - 3_600_000) }).xml, systemKey()),
    );
    expect(old.response).toMatch(/more than five minutes/);
    const unknown = await open(
      redirect('SAMLRequest', authnRequest({ issuer: 'https://stranger.example' }).xml, systemKey()),
    );
    expect(unknown.status).toBe(403);
    expect(unknown.response).toBeUndefined();
    expect(unknown.body).toContain('Ukendt tjenesteudbyder');
  });

  it('issues the Responses a service provider must refuse when asked (klarmeld-defect)', async () => {
    const ask = async (defect: string) =>
      (await open(redirect('SAMLRequest', authnRequest().xml, systemKey(), `&klarmeld-defect=${defect}`))).response!;
    expect(await ask('unsigned')).not.toContain('Signature');
    const unknown = await open(redirect('SAMLRequest', authnRequest().xml, systemKey(), '&klarmeld-defect=late'));
    expect(unknown.status).toBe(400);
    expect(unknown.body).toContain('klarmeld-defect=late er ukendt');
    expect(await ask('other-audience')).toContain('<saml:Audience>https://another-system.example/saml</saml:Audience>');
    const expired = await ask('expired');
    const until = Date.parse(/Conditions NotBefore="[^"]+" NotOnOrAfter="([^"]+)"/.exec(expired)![1]!);
    expect(until).toBeLessThan(Date.now());
    if (haveXmlsec1()) {
      const sig = "/*[local-name()='Response']/*[local-name()='Signature']";
      const ids = ['--id-attr:ID', `${samlp}:Response`];
      expect(xmlsec1Verify(await ask('other-key'), idpCert, sig, ids).ok).toBe(false);
      expect(xmlsec1Verify(expired, idpCert, sig, ids).ok).toBe(true);
    }
  });
});

describe('the embedded Context Handler (SF1515 single logout)', () => {
  it("ends the session a signed LogoutRequest names and redirects a signed LogoutResponse to the system's logout address", async () => {
    const login = (await open(redirect('SAMLRequest', authnRequest().xml, systemKey()))).response!;
    const nameId = /<saml:NameID[^>]*>([^<]+)</.exec(login)![1]!;
    const sessionIndex = /SessionIndex="([^"]+)"/.exec(login)![1]!;
    const logout = (id: string) =>
      `<samlp:LogoutRequest xmlns:samlp="${samlp}" xmlns:saml="${saml}" ID="${id}" Version="2.0" IssueInstant="${new Date().toISOString()}" Destination="${platform.url}${SSO}"><saml:Issuer>${SP}</saml:Issuer><saml:NameID Format="urn:oasis:names:tc:SAML:1.1:nameid-format:X509SubjectName">${nameId}</saml:NameID><samlp:SessionIndex>${sessionIndex}</samlp:SessionIndex></samlp:LogoutRequest>`;
    const first = await open(redirect('SAMLRequest', logout('_l1'), systemKey()));
    expect(first.status).toBe(302);
    const url = new URL(first.location!);
    expect(`${url.origin}${url.pathname}`).toBe(SLO);
    const answer = inflateRawSync(Buffer.from(url.searchParams.get('SAMLResponse')!, 'base64')).toString('utf8');
    expect(answer).toContain('InResponseTo="_l1"');
    expect(statusOf(answer)).toEqual(['Success']);
    // The binding's signature over the query string, with the IdP's certificate from its metadata.
    const raw = first.location!.split('?')[1]!;
    const signed = raw.split('&Signature=')[0]!;
    const { createVerify } = await import('node:crypto');
    expect(
      createVerify('sha256')
        .update(signed)
        .verify(idpCert, Buffer.from(url.searchParams.get('Signature')!, 'base64')),
    ).toBe(true);
    const again = await open(redirect('SAMLRequest', logout('_l2'), systemKey()));
    const second = inflateRawSync(
      Buffer.from(new URL(again.location!).searchParams.get('SAMLResponse')!, 'base64'),
    ).toString('utf8');
    expect(statusOf(second)).toEqual(['Requester', 'UnknownPrincipal']);
  });
});
