import { readFileSync } from 'node:fs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { AddedSystem } from '../admin/platform-admin.ts';
import { personLookupAction, personLookupEnvelope } from '../../clients/index.ts';
import { buildIssueRequest } from '../../clients/index.ts';
import { stsPath } from '../sts/index.ts';
import { request, type Agent } from 'undici';
import { agentFor, startTestPlatform } from '../testing/test-platform.ts';
import { defaultLimits } from './limits.ts';
import type { RunningPlatform } from './start-platform.ts';

const soap11 = { 'content-type': 'text/xml; charset=utf-8', soapaction: `"${personLookupAction}"` };
const soap12 = { 'content-type': 'application/soap+xml; charset=utf-8' };
const nested = (levels: number) => `${'<a>'.repeat(levels)}${'</a>'.repeat(levels)}`;
const faultText = (body: string) =>
  /<spf:ErrorText>([^<]*)</.exec(body)?.[1] ?? /<(?:faultstring|env:Text[^>]*)>([^<]*)</.exec(body)?.[1] ?? '';

/**
 * XML that is small enough in bytes but costly to parse (issue 9): refused by the platform's own
 * MalformedRequest fault, in its own words, before a DOM is built; never a parser's message, never
 * a stack overflow. Bodies are under the default 2 MiB body limit, as an attacker's would be.
 */
describe('hostile XML under the body limit', () => {
  let platform: RunningPlatform;
  let system: AddedSystem;
  let agent: Agent;
  let agreement: { agreementUuid: string; serviceUuid?: string };
  const cprPath = '/service/CPR/PersonBaseDataExtended/4';
  const lookup = (pnr = '0103701111') =>
    personLookupEnvelope({
      pnr,
      invocation: {
        serviceAgreementUuid: agreement.agreementUuid,
        userSystemUuid: system.systemUuid,
        userUuid: '0b7e4b2c-1d5a-4f8e-9c3d-2a6b8e0f1c4d',
        serviceUuid: agreement.serviceUuid!,
      },
    });
  const inRequest = (inner: string) =>
    lookup().replace('</ns:PersonLookupRequest>', `${inner}</ns:PersonLookupRequest>`);
  /** `text` with `#` replaced by raw bytes that are not UTF-8. */
  const withBytes = (text: string, bytes: number[]) => {
    const [before, after] = text.split('#') as [string, string];
    return Buffer.concat([Buffer.from(before), Buffer.from(bytes), Buffer.from(after)]);
  };
  const post = async (body: string | Buffer, headers: Record<string, string> = soap11, path = cprPath) => {
    const res = await request(`${platform.url}${path}`, { method: 'POST', body, headers, dispatcher: agent });
    return { status: res.statusCode, body: await res.body.text() };
  };
  /** An SF1514 Issue request signed by the system, with `inner` added to its signed Body afterwards. */
  const signedRst = (inner: string) =>
    buildIssueRequest({
      certPem: readFileSync(system.cert, 'utf8'),
      keyPem: readFileSync(system.key, 'utf8'),
      entityId: 'http://stoettesystemerne.dk/service/organisation/3',
      cvr: '11111111',
      to: `${platform.url}${stsPath}`,
    }).replace('</soap:Body>', `${inner}</soap:Body>`);

  beforeAll(async () => {
    platform = await startTestPlatform();
    system = await platform.admin.addSystem({ name: 'Hostile XML' });
    agreement = platform.admin.addAgreement({ system: 'Hostile XML', service: 'SF1520', municipalityCvr: '11111111' });
    agent = agentFor(system);
  });
  afterAll(async () => {
    await agent?.close();
    await platform?.stop();
  });

  it('refuses 500,000 elements with a fault that names the limit, and records the refusal', async () => {
    const res = await post(inRequest('<a/>'.repeat(500_000)));
    expect(res.status).toBe(500);
    expect(res.body).toContain('<spf:ErrorCode>MalformedRequest</spf:ErrorCode>');
    expect(faultText(res.body)).toMatch(
      /^The request has too many elements: more than 10000 elements, attributes, .* \(passed at line 1, column \d+, after \d+ elements\)/,
    );
    const exchange = platform.recorder.exchanges({ systemUuid: system.systemUuid }).at(-1)!;
    expect(exchange).toMatchObject({
      path: cprPath,
      status: 500,
      fault: { code: 'MalformedRequest', text: expect.stringContaining('more than 10000') },
    });
  });

  it('refuses 100,000 levels of nesting as too deeply nested', async () => {
    const res = await post(inRequest(nested(100_000)));
    expect(res.status).toBe(500);
    expect(res.body).toContain('<spf:ErrorCode>MalformedRequest</spf:ErrorCode>');
    expect(faultText(res.body)).toMatch(
      /^The request is nested too deeply: its elements go more than 100 levels deep \(line 1, column \d+\)/,
    );
  });

  it('refuses a signed request nested 20,000 levels deep with the nesting fault, not a stack overflow', async () => {
    const res = await post(signedRst(nested(20_000)), soap12, stsPath);
    expect(res.status).toBe(500);
    expect(res.body).not.toMatch(/call stack|RangeError/i);
    expect(faultText(res.body)).toMatch(/^The request is nested too deeply/);
  });

  it('checks the signature of a request nested just under the limit like any other (canonicalisation does not overflow)', async () => {
    // Added after signing, so the digest of the Body no longer matches: the verifier had to canonicalise all of it.
    const res = await post(signedRst(nested(defaultLimits.maxXmlDepth - 3)), soap12, stsPath);
    expect(faultText(res.body)).toContain('the element with Id body was changed after signing (digest mismatch)');
    const deep = await post(inRequest(nested(defaultLimits.maxXmlDepth - 4)));
    expect(deep.status).toBe(200);
  });

  it('refuses bodies made of other costly nodes: references, comments, namespace declarations', async () => {
    const bodies = [
      inRequest(`<a>${'&amp;'.repeat(300_000)}</a>`),
      inRequest('<!---->'.repeat(200_000)),
      inRequest(`<a ${Array.from({ length: 50_000 }, (_, i) => `xmlns:p${i}="u:${i}"`).join(' ')}/>`),
    ];
    for (const body of bodies)
      expect(faultText((await post(body)).body)).toMatch(/^The request has too many elements: more than 10000/);
  });

  it('refuses a body that is not UTF-8, in an element name or in the PNR, instead of reading U+FFFD', async () => {
    const name = await post(withBytes(inRequest('<x#y/>'), [0xff]));
    expect(name.status).toBe(500);
    expect(name.body).toContain('<spf:ErrorCode>MalformedRequest</spf:ErrorCode>');
    expect(faultText(name.body)).toMatch(
      /^The request body is not valid UTF-8 \(the first invalid byte sequence starts at byte \d+\)/,
    );
    const pnr = await post(withBytes(lookup('0103#701111'), [0xff, 0xfe]), { ...soap11, 'content-type': 'text/xml' });
    expect(pnr.body).not.toContain('PersonNotFound');
    expect(faultText(pnr.body)).toMatch(/^The request body is not valid UTF-8/);
  });

  it('reads a UTF-8 body that starts with a byte order mark like one without', async () => {
    const res = await post(
      Buffer.concat([
        Buffer.from([0xef, 0xbb, 0xbf]),
        Buffer.from(lookup().replace('<?xml version="1.0" encoding="UTF-8"?>', '')),
      ]),
    );
    expect(res.status).toBe(200);
  });

  it("words a malformed body in the platform's own terms, with where it is, never the parser's", async () => {
    const res = await post(lookup().replace('</pnr:PNR>', '</pnr:PNX>'));
    expect(res.body).toContain('<spf:ErrorCode>MalformedRequest</spf:ErrorCode>');
    expect(faultText(res.body)).toMatch(
      /^The request is not well-formed XML \(line 1, column \d+\)\. Check that every element is closed/,
    );
    expect(res.body).not.toMatch(/Reporting|fatalError|caused|mismatch|xmldom/);
    const quoted = await post(lookup().replace('<pnr:PNR ', '<pnr:PNR a="<" '));
    expect(faultText(quoted.body)).toMatch(/^The request is not well-formed XML \(line 1, column \d+\)/);
  });

  it('still answers a good request', async () => {
    const res = await post(lookup());
    expect(res.status).toBe(200);
    expect(res.body).toContain('<efternavn>Hansen</efternavn>');
  });
});
