import { execFile, spawn, type ChildProcess } from 'node:child_process';
import { mkdtempSync, writeFileSync } from 'node:fs';
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
});
