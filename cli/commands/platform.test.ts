import { execFile, spawn, type ChildProcess } from 'node:child_process';
import { mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { promisify } from 'node:util';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { personLookupAction, personLookupEnvelope } from '../../conformance/clients/cpr/person-lookup-envelope.ts';

const run = promisify(execFile);
const bin = fileURLToPath(new URL('../../bin/klarmeld.js', import.meta.url));
const klarmeld = async (...args: string[]) => JSON.parse((await run(process.execPath, [bin, ...args])).stdout);

/** The first-time user's path: start the platform, register a system, get an agreement, call it with curl. */
describe('klarmeld platform, as a new user', () => {
  const data = mkdtempSync(join(tmpdir(), 'klarmeld-cli-'));
  let server: ChildProcess;
  let url = '';

  beforeAll(async () => {
    server = spawn(process.execPath, [bin, 'platform', 'start', '--port', '0', '--data', data, '--json'], { stdio: ['ignore', 'pipe', 'inherit'] });
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

  it('answers a curl POST with the client certificate with person data; without one the TLS handshake fails; another system\'s agreement gives a ServiceplatformFault', async () => {
    const a = await klarmeld('platform', 'system', 'add', 'Curl System', '--supplier', '12345678', '--data', data, '--json');
    const b = await klarmeld('platform', 'system', 'add', 'Other System', '--data', data, '--json');
    const agreement = await klarmeld('platform', 'agreement', 'add', '--system', a.systemUuid, '--service', 'SF1520', '--municipality', '11111111', '--data', data, '--json');
    expect(agreement.status).toBe('approved');
    const envelope = (system: { systemUuid: string }) =>
      personLookupEnvelope({
        pnr: '0103701111',
        invocation: { serviceAgreementUuid: agreement.agreementUuid, userSystemUuid: system.systemUuid, userUuid: '0b7e4b2c-1d5a-4f8e-9c3d-2a6b8e0f1c4d', serviceUuid: agreement.serviceUuid },
      });
    const file = join(data, 'request.xml');
    const curl = (system: { cert: string; key: string } | undefined, body: string) => {
      writeFileSync(file, body);
      const auth = system ? ['--cert', system.cert, '--key', system.key] : [];
      return run('curl', ['-sS', '--max-time', '10', ...auth, '--cacert', a.ca, '-H', 'Content-Type: text/xml; charset=utf-8',
        '-H', `SOAPAction: "${personLookupAction}"`, '--data-binary', `@${file}`, `${url}/service/CPR/PersonBaseDataExtended/4`]);
    };

    // The envelope as a new user gets it: printed by the CLI with the system's own UUIDs.
    const printed = (await run(process.execPath, [bin, 'platform', 'example', 'person-lookup', '--system', 'Curl System', '--data', data])).stdout;
    const ok = await curl(a, printed);
    expect(ok.stdout).toContain('<fornavn>Anne</fornavn>');
    expect(ok.stdout).toContain('<personnummer>0103701111</personnummer>');

    await expect(curl(undefined, envelope(a))).rejects.toMatchObject({ code: expect.any(Number) });

    const refused = await curl(b, envelope(b));
    expect(refused.stdout).toContain('ServiceplatformFault');
    expect(refused.stdout).toContain('belongs to another it-system');

    // What the platform recorded, as the tester can look it up: each system sees its own calls.
    const recorded = await klarmeld('platform', 'exchanges', '--system', 'Curl System', '--data', data, '--json');
    expect(recorded.exchanges.map((e: { operation: string; status: number }) => [e.operation, e.status])).toEqual([['PersonLookup', 200]]);
    const other = await klarmeld('platform', 'exchanges', '--system', 'Other System', '--data', data, '--json');
    expect(other.exchanges[0].fault.code).toBe('ServiceAgreementNotValid');
  });

  it('approves a pending agreement with another municipality, and says what is wrong with an unknown one', async () => {
    const system = await klarmeld('platform', 'system', 'add', 'Viborg System', '--data', data, '--json');
    const pending = await klarmeld('platform', 'agreement', 'add', '--system', system.systemUuid, '--service', 'SF1520', '--municipality', '29189846', '--data', data, '--json');
    expect(pending.status).toBe('pending');
    const approved = await klarmeld('platform', 'agreement', 'approve', pending.agreementUuid, '--data', data, '--json');
    expect(approved).toMatchObject({ agreementUuid: pending.agreementUuid, status: 'approved', municipalityCvr: '29189846' });
    const listed = await klarmeld('platform', 'agreement', 'list', '--system', system.systemUuid, '--data', data, '--json');
    expect(listed.map((a: { status: string }) => a.status)).toEqual(['approved']);
    const unknown = await run(process.execPath, [bin, 'platform', 'agreement', 'approve', '7d2b6a1e-0000-4000-8000-000000000000', '--data', data]).catch((e: { code: number; stderr: string }) => e);
    expect(unknown).toMatchObject({ code: 1, stderr: expect.stringContaining('7d2b6a1e-0000-4000-8000-000000000000') });
  });

  it('writes PEM files that end with a newline, so cat cert.pem key.pem makes a valid bundle', async () => {
    const system = await klarmeld('platform', 'system', 'add', 'Bundle System', '--data', data, '--json');
    for (const file of [system.cert, system.key, system.ca]) expect(readFileSync(file, 'utf8').endsWith('-----\n')).toBe(true);
    const bundle = join(data, 'bundle.pem');
    writeFileSync(bundle, readFileSync(system.cert, 'utf8') + readFileSync(system.key, 'utf8'));
    // openssl reads both blocks of the bundle only when they are on lines of their own.
    await run('openssl', ['x509', '-in', bundle, '-noout', '-subject']);
    await run('openssl', ['pkey', '-in', bundle, '-noout']);
  });
});
