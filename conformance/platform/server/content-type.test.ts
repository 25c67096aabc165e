import { readFileSync } from 'node:fs';
import { request } from 'node:https';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { AddedSystem } from '../admin/platform-admin.ts';
import { approvedPersonLookup, startTestPlatform } from '../testing/test-platform.ts';
import { soapHttpInfo } from './content-type.ts';
import type { RunningPlatform } from './start-platform.ts';

describe('soapHttpInfo', () => {
  it('reads no Content-Type as text/xml only where the endpoint speaks SOAP 1.1', () => {
    expect(soapHttpInfo({}, true)).toMatchObject({ version: '1.1', mediaType: 'text/xml', soapAction: undefined });
    expect(soapHttpInfo({}, false).version).toBeUndefined();
    expect(soapHttpInfo({ 'content-type': 'application/json' }, true).version).toBeUndefined();
  });

  it('reads the action without one pair of enclosing quotes, from the SOAPAction header or the SOAP 1.2 parameter', () => {
    const action11 = (soapaction: string) => soapHttpInfo({ 'content-type': 'text/xml; charset=utf-8', soapaction });
    expect(action11(' "urn:a#Op" ')).toMatchObject({ version: '1.1', mediaType: 'text/xml', soapAction: 'urn:a#Op' });
    expect(action11('urn:a#Op').soapAction).toBe('urn:a#Op');
    expect(action11('""').soapAction).toBe('');
    expect(action11('"').soapAction).toBe('"');
    expect(action11('"urn:a"x').soapAction).toBe('"urn:a"x');
    expect(action11('""urn:a""').soapAction).toBe('"urn:a"');
    expect(soapHttpInfo({ 'content-type': ' Text/XML ' }).version).toBe('1.1');
    const action12 = (contentType: string) => soapHttpInfo({ 'content-type': contentType });
    expect(action12('application/soap+xml; charset=utf-8; action="urn:b#Op"')).toMatchObject({
      version: '1.2',
      mediaType: 'application/soap+xml',
      soapAction: 'urn:b#Op',
    });
    expect(action12('Application/SOAP+XML;Action=urn:c').soapAction).toBe('urn:c');
    expect(action12('application/soap+xml').soapAction).toBeUndefined();
  });

  it('reads a quoted SOAP 1.2 action whole, and never one from inside another parameter’s quoted value', () => {
    // A ';' inside a quoted-string does not end the parameter (RFC 9110 §5.6.6); action is a URI, which may hold one.
    const action12 = (contentType: string) => soapHttpInfo({ 'content-type': contentType }).soapAction;
    expect(action12('application/soap+xml; action="urn:x;v=1"; charset=utf-8')).toBe('urn:x;v=1');
    expect(action12('application/soap+xml; note="a;action=urn:other"; action="urn:b#Op"')).toBe('urn:b#Op');
    expect(action12('application/soap+xml; note="a;action=urn:other"')).toBeUndefined();
    expect(action12('application/soap+xml; action="urn:open')).toBe('"urn:open');
  });
});

/** Posts with exactly these headers: node:https adds no Content-Type of its own (undici and curl do). */
function post(
  url: string,
  system: AddedSystem,
  body: string,
  headers: Record<string, string>,
): Promise<{ status: number; body: string }> {
  return new Promise((resolve, reject) => {
    const req = request(
      url,
      {
        method: 'POST',
        headers: { 'content-length': String(Buffer.byteLength(body)), ...headers },
        ca: readFileSync(system.ca),
        cert: readFileSync(system.cert),
        key: readFileSync(system.key),
      },
      (res) => {
        let text = '';
        res
          .setEncoding('utf8')
          .on('data', (d: string) => (text += d))
          .on('end', () => resolve({ status: res.statusCode ?? 0, body: text }));
      },
    );
    req.on('error', reject).end(body);
  });
}

describe('a SOAP 1.1 client that sends neither Content-Type nor SOAPAction', () => {
  let platform: RunningPlatform;
  let system: AddedSystem;
  let envelope: string;
  beforeAll(async () => {
    platform = await startTestPlatform();
    system = await platform.admin.addSystem({ name: 'Gammel klient' });
    envelope = approvedPersonLookup(platform, system);
  });
  afterAll(async () => platform?.stop());

  it('gets the person data from PersonLookup', async () => {
    const reply = await post(`${platform.url}/service/CPR/PersonBaseDataExtended/4`, system, envelope, {});
    expect(reply.status).toBe(200);
    expect(reply.body).toContain('<fornavn>Anne</fornavn>');
  });

  it('still gets a 415 fault when its Content-Type names something that is not SOAP', async () => {
    const reply = await post(`${platform.url}/service/CPR/PersonBaseDataExtended/4`, system, envelope, {
      'content-type': 'application/json',
    });
    expect(reply.status).toBe(415);
    expect(reply.body).toContain('Fault');
  });
});
