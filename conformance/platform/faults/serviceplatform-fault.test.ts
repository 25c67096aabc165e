import { execFileSync } from 'node:child_process';
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { DOMParser } from '@xmldom/xmldom';
import { describe, expect, it } from 'vitest';
import { platformErrors, serviceplatformFault } from './index.ts';

const officialXsd = new URL(
  '../../../../shared/contracts/itk-dev__serviceplatformen/resources/person-base-data-extended-service-contract/sp/ServiceplatformFault_1.xsd',
  import.meta.url,
).pathname;

function detailOf(body: string): string {
  const doc = new DOMParser().parseFromString(body, 'text/xml');
  const el = doc.getElementsByTagNameNS(
    'http://serviceplatformen.dk/xml/schemas/ServiceplatformFault/1/',
    'ServiceplatformFault',
  )[0];
  if (!el) throw new Error('no ServiceplatformFault in the fault');
  return el.toString();
}

describe('serviceplatformFault', () => {
  it('answers a SOAP 1.1 fault whose detail validates against the official ServiceplatformFault_1.xsd', () => {
    const reply = serviceplatformFault('1.1', [
      platformErrors.securityModelMissing(['InvocationContext', 'AuthorityContext']),
    ]);
    expect(reply.status).toBe(500);
    expect(reply.contentType).toMatch(/^text\/xml/);
    expect(reply.body).toContain('<faultcode>soap:Client</faultcode>');
    expect(reply.body).toContain(
      'Security model for the called operation was not provided. The following are supported: InvocationContext, AuthorityContext',
    );
    const dir = mkdtempSync(join(tmpdir(), 'spf-'));
    const file = join(dir, 'detail.xml');
    writeFileSync(file, detailOf(reply.body));
    execFileSync('xmllint', ['--noout', '--schema', officialXsd, file], { stdio: 'pipe' });
  });

  it('answers SOAP 1.2 with env:Sender and the same detail, and escapes text', () => {
    const reply = serviceplatformFault('1.2', [{ code: 'X', text: 'a < b & "c"' }]);
    expect(reply.contentType).toMatch(/^application\/soap\+xml/);
    expect(reply.body).toContain('<env:Value>env:Sender</env:Value>');
    expect(detailOf(reply.body)).toContain('a &lt; b &amp; "c"');
    expect(reply.fault).toEqual({ code: 'X', text: 'a < b & "c"' });
  });
});
