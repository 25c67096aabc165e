import { execFile, spawn, type ChildProcess } from 'node:child_process';
import { mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { promisify } from 'node:util';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { loadCatalog } from '../../catalog/index.ts';
import { personLookupAction, personLookupEnvelope } from '../../conformance/clients/index.ts';
import { buildIssueRequest, buildOioidwsRequest, parseIssueResponse } from '../../conformance/clients/index.ts';
import { servedService } from '../../conformance/platform/index.ts';
import { stsPath } from '../../conformance/platform/index.ts';

const run = promisify(execFile);
const bin = fileURLToPath(new URL('../../bin/klarmeld.js', import.meta.url));
const klarmeld = async (...args: string[]) => JSON.parse((await run(process.execPath, [bin, ...args])).stdout);

/** The first-time user's path: start the platform, register a system, get an agreement, call it with curl. */
describe('klarmeld platform, as a new user', () => {
  const data = mkdtempSync(join(tmpdir(), 'klarmeld-cli-'));
  let server: ChildProcess;
  let url = '';

  beforeAll(async () => {
    server = spawn(process.execPath, [bin, 'platform', 'start', '--port', '0', '--data', data, '--json'], {
      stdio: ['ignore', 'pipe', 'inherit'],
    });
    url = await new Promise<string>((resolve, reject) => {
      let out = '';
      server.stdout!.on('data', (d) => {
        out += d;
        const line = out.split('\n').find((l) => l.startsWith('{'));
        if (line) resolve(JSON.parse(line).url);
      });
      server.once('exit', (code) => reject(new Error(`platform start exited with ${code}`)));
    });
  });

  afterAll(async () => {
    if (server.exitCode === null) {
      const exited = new Promise((resolve) => server.once('exit', resolve));
      server.kill('SIGTERM');
      await exited;
    }
  });

  it("answers a curl POST with the client certificate with person data; without one a fault that says a certificate is required; another system's agreement gives a ServiceplatformFault", async () => {
    const a = await klarmeld(
      'platform',
      'system',
      'add',
      'Curl System',
      '--supplier',
      '12345678',
      '--data',
      data,
      '--json',
    );
    const b = await klarmeld('platform', 'system', 'add', 'Other System', '--data', data, '--json');
    const agreement = await klarmeld(
      'platform',
      'agreement',
      'add',
      '--system',
      a.systemUuid,
      '--service',
      'SF1520',
      '--municipality',
      '11111111',
      '--data',
      data,
      '--json',
    );
    expect(agreement.status).toBe('approved');
    const envelope = (system: { systemUuid: string }) =>
      personLookupEnvelope({
        pnr: '0103701111',
        invocation: {
          serviceAgreementUuid: agreement.agreementUuid,
          userSystemUuid: system.systemUuid,
          userUuid: '0b7e4b2c-1d5a-4f8e-9c3d-2a6b8e0f1c4d',
          serviceUuid: agreement.serviceUuid,
        },
      });
    const file = join(data, 'request.xml');
    const curl = (system: { cert: string; key: string } | undefined, body: string) => {
      writeFileSync(file, body);
      const auth = system ? ['--cert', system.cert, '--key', system.key] : [];
      return run('curl', [
        '-sS',
        '--max-time',
        '10',
        ...auth,
        '--cacert',
        a.ca,
        '-H',
        'Content-Type: text/xml; charset=utf-8',
        '-H',
        `SOAPAction: "${personLookupAction}"`,
        '-w',
        '\n%{http_code}',
        '--data-binary',
        `@${file}`,
        `${url}/service/CPR/PersonBaseDataExtended/4`,
      ]);
    };

    // The envelope as a new user gets it: printed by the CLI with the system's own UUIDs.
    const printed = (
      await run(process.execPath, [
        bin,
        'platform',
        'example',
        'person-lookup',
        '--system',
        'Curl System',
        '--data',
        data,
      ])
    ).stdout;
    const ok = await curl(a, printed);
    expect(ok.stdout).toContain('<fornavn>Anne</fornavn>');
    expect(ok.stdout).toContain('<personnummer>0103701111</personnummer>');

    // Before, the TLS handshake failed and curl showed only an alert. SF1520 knows its caller by the certificate alone.
    const anonymous = await curl(undefined, envelope(a));
    expect(anonymous.stdout).toMatch(/\n403$/);
    expect(anonymous.stdout).toContain('<spf:ErrorCode>ClientCertificateRequired</spf:ErrorCode>');

    const refused = await curl(b, envelope(b));
    expect(refused.stdout).toContain('ServiceplatformFault');
    expect(refused.stdout).toContain('belongs to another it-system');

    // What the platform recorded, as the tester can look it up: each system sees its own calls.
    const recorded = await klarmeld('platform', 'exchanges', '--system', 'Curl System', '--data', data, '--json');
    expect(recorded.exchanges.map((e: { operation: string; status: number }) => [e.operation, e.status])).toEqual([
      ['PersonLookup', 200],
    ]);
    const other = await klarmeld('platform', 'exchanges', '--system', 'Other System', '--data', data, '--json');
    expect(other.exchanges[0].fault.code).toBe('ServiceAgreementNotValid');
  });

  it("lets curl reach the STS, SF1500 and SF1470 without a client certificate: a fault for a missing signature, an answer for a request signed by a registered system, recorded as that system's", async () => {
    const system = await klarmeld('platform', 'system', 'add', 'Holder System', '--data', data, '--json');
    for (const service of ['SF1500', 'SF1470'])
      await klarmeld(
        'platform',
        'agreement',
        'add',
        '--system',
        system.systemUuid,
        '--service',
        service,
        '--municipality',
        '11111111',
        '--data',
        data,
        '--json',
      );
    const { catalog } = await loadCatalog();
    const organisation = servedService(catalog, 'SF1500', 'Bruger', ['laes']);
    const sdi = servedService(catalog, 'SF1470', 'SagDokumentIndeks', ['fremsoeg']);
    const file = join(data, 'hok-request.xml');
    /** curl with no --cert: only the platform CA. Prints the body, then the HTTP status on a line of its own. */
    const curl = async (path: string, body: string, contentType: string) => {
      writeFileSync(file, body);
      const { stdout } = await run('curl', [
        '-sS',
        '--max-time',
        '10',
        '--cacert',
        system.ca,
        '-H',
        `Content-Type: ${contentType}`,
        '-w',
        '\n%{http_code}',
        '--data-binary',
        `@${file}`,
        `${url}${path}`,
      ]);
      const cut = stdout.lastIndexOf('\n');
      return { body: stdout.slice(0, cut), status: Number(stdout.slice(cut + 1)) };
    };
    const soap12 = (action: string) => `application/soap+xml; charset=utf-8; action="${action}"`;
    const unsigned = (body: string) =>
      `<s:Envelope xmlns:s="http://www.w3.org/2003/05/soap-envelope"><s:Header/><s:Body>${body}</s:Body></s:Envelope>`;
    const laesAction = organisation.soapActions.laes!;
    const laes =
      '<b:LaesInput xmlns:b="http://stoettesystemerne.dk/organisation/bruger/6/"><sd:UUIDIdentifikator xmlns:sd="urn:oio:sagdok:3.0.0">273e2e2b-8778-44c9-8a65-9af669655990</sd:UUIDIdentifikator></b:LaesInput>';
    const fremsoegAction = sdi.soapActions.fremsoeg!;
    const fremsoeg =
      '<sdi:FremsoegSagDokumentIndeksInput xmlns:sdi="urn:oio:sts:sagdok:sagdokumentindeks:6"><sdi:SagUuid>753e0265-9a96-480f-b22c-a6bbbb8b5859</sdi:SagUuid></sdi:FremsoegSagDokumentIndeksInput>';
    const rstBody =
      '<wst:RequestSecurityToken xmlns:wst="http://docs.oasis-open.org/ws-sx/ws-trust/200512"><wst:RequestType>http://docs.oasis-open.org/ws-sx/ws-trust/200512/Issue</wst:RequestType></wst:RequestSecurityToken>';

    // Unsigned: the real SOAP fault, where before curl got a TLS alert ("certificate required").
    const refusedSts = await curl(
      stsPath,
      unsigned(rstBody),
      soap12('http://docs.oasis-open.org/ws-sx/ws-trust/200512/RST/Issue'),
    );
    expect(refusedSts).toMatchObject({
      status: 500,
      body: expect.stringContaining('must carry a wsse:Security header'),
    });
    const refusedOrg = await curl(organisation.path, unsigned(laes), soap12(laesAction));
    expect(refusedOrg).toMatchObject({ status: 500, body: expect.stringContaining('no wsse:Security header') });
    const refusedSdi = await curl(sdi.path, unsigned(fremsoeg), soap12(fremsoegAction));
    expect(refusedSdi).toMatchObject({ status: 500, body: expect.stringContaining('no wsse:Security header') });

    // Signed by the registered system's certificate, the token bound to it: answered, with no client certificate.
    const certPem = readFileSync(system.cert, 'utf8');
    const keyPem = readFileSync(system.key, 'utf8');
    const token = async (entityId: string) => {
      const reply = await curl(
        stsPath,
        buildIssueRequest({ certPem, keyPem, entityId, cvr: '11111111', to: `${url}${stsPath}`, now: new Date() }),
        soap12('http://docs.oasis-open.org/ws-sx/ws-trust/200512/RST/Issue'),
      );
      const parsed = parseIssueResponse(reply.body);
      if (!parsed.ok) throw new Error(`STS refused: ${parsed.fault.reason}`);
      return parsed.token.assertionXml;
    };
    const signed = (body: string, assertionXml: string, action: string, path: string) =>
      buildOioidwsRequest(body, { assertionXml, keyPem, action, to: `${url}${path}`, now: new Date() });
    const read = await curl(
      organisation.path,
      signed(laes, await token(organisation.entityId), laesAction, organisation.path),
      soap12(laesAction),
    );
    expect(read.status).toBe(200);
    expect(read.body).toContain('Ulla');
    const found = await curl(
      sdi.path,
      signed(fremsoeg, await token(sdi.entityId), fremsoegAction, sdi.path),
      soap12(fremsoegAction),
    );
    expect(found.status).toBe(200);
    expect(found.body).toContain('Byggetilladelse til carport');

    // Recorded as the exchanges of the system whose certificate signed; the unsigned calls proved no system and are nobody's.
    const recorded = await klarmeld('platform', 'exchanges', '--system', 'Holder System', '--data', data, '--json');
    expect(
      recorded.exchanges.map((e: { integration: string; operation: string; status: number }) => [
        e.integration,
        e.operation,
        e.status,
      ]),
    ).toEqual([
      ['SF1514', 'Trust13Issue', 200],
      ['SF1500', 'laes', 200],
      ['SF1514', 'Trust13Issue', 200],
      ['SF1470', 'fremsoeg', 200],
    ]);

    // The platform's own routes know the caller by the certificate only: a 401 that says so.
    const exchanges = await run('curl', [
      '-sS',
      '--max-time',
      '10',
      '--cacert',
      system.ca,
      '-w',
      '\n%{http_code}',
      `${url}/klarmeld/exchanges`,
    ]);
    expect(exchanges.stdout).toMatch(/"code":"ClientCertificateRequired".*\n401$/s);
  });

  it('approves a pending agreement with another municipality, and says what is wrong with an unknown one', async () => {
    const system = await klarmeld('platform', 'system', 'add', 'Viborg System', '--data', data, '--json');
    const pending = await klarmeld(
      'platform',
      'agreement',
      'add',
      '--system',
      system.systemUuid,
      '--service',
      'SF1520',
      '--municipality',
      '29189846',
      '--data',
      data,
      '--json',
    );
    expect(pending.status).toBe('pending');
    const approved = await klarmeld(
      'platform',
      'agreement',
      'approve',
      pending.agreementUuid,
      '--data',
      data,
      '--json',
    );
    expect(approved).toMatchObject({
      agreementUuid: pending.agreementUuid,
      status: 'approved',
      municipalityCvr: '29189846',
    });
    const listed = await klarmeld(
      'platform',
      'agreement',
      'list',
      '--system',
      system.systemUuid,
      '--data',
      data,
      '--json',
    );
    expect(listed.map((a: { status: string }) => a.status)).toEqual(['approved']);
    const unknown = await run(process.execPath, [
      bin,
      'platform',
      'agreement',
      'approve',
      '7d2b6a1e-0000-4000-8000-000000000000',
      '--data',
      data,
    ]).catch((e: { code: number; stderr: string }) => e);
    expect(unknown).toMatchObject({ code: 1, stderr: expect.stringContaining('7d2b6a1e-0000-4000-8000-000000000000') });
  });

  it('writes PEM files that end with a newline, so cat cert.pem key.pem makes a valid bundle', async () => {
    const system = await klarmeld('platform', 'system', 'add', 'Bundle System', '--data', data, '--json');
    for (const file of [system.cert, system.key, system.ca])
      expect(readFileSync(file, 'utf8').endsWith('-----\n')).toBe(true);
    const bundle = join(data, 'bundle.pem');
    writeFileSync(bundle, readFileSync(system.cert, 'utf8') + readFileSync(system.key, 'utf8'));
    // openssl reads both blocks of the bundle only when they are on lines of their own.
    await run('openssl', ['x509', '-in', bundle, '-noout', '-subject']);
    await run('openssl', ['pkey', '-in', bundle, '-noout']);
  });
});
