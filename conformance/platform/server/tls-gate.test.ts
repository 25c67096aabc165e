import { readFileSync } from 'node:fs';
import { connect } from 'node:tls';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { AddedSystem } from '../admin/platform-admin.ts';
import { startTestPlatform } from '../testing/test-platform.ts';
import type { RunningPlatform } from './start-platform.ts';

/** What the platform sends back to a raw TLS connection that asks for the exchanges: '' when it never answers over HTTP. */
function answerTo(
  platform: RunningPlatform,
  tls: { cert?: Buffer; key?: Buffer },
): Promise<{ data: string; certificateShown: boolean }> {
  return new Promise((resolve) => {
    // The platform's own certificate is, like the system's, not valid yet by the machine's clock: trust it anyway.
    const socket = connect({ host: platform.host, port: platform.port, rejectUnauthorized: false, ...tls }, () => {
      socket.write('GET /klarmeld/exchanges HTTP/1.1\r\nHost: x\r\nConnection: close\r\n\r\n');
    });
    let data = '';
    socket.on('data', (d) => (data += d));
    socket.on('error', () => undefined);
    socket.on('close', () => resolve({ data, certificateShown: tls.cert !== undefined }));
  });
}

describe('the TLS gate, now that the handshake no longer refuses a certificate by itself', () => {
  let platform: RunningPlatform;
  let system: AddedSystem;

  beforeAll(async () => {
    // A platform whose clock is two days ahead issues certificates that are not valid yet by the
    // machine's clock, which OpenSSL checks: the certificate is registered, but does not verify.
    platform = await startTestPlatform({ clock: () => new Date(Date.now() + 2 * 24 * 3600_000) });
    system = await platform.admin.addSystem({ name: 'Fagsystem fra fremtiden' });
  });
  afterAll(async () => platform?.stop());

  it('refuses a registered certificate that does not verify against the platform CA (socket.authorized), before any HTTP answer', async () => {
    const shown = await answerTo(platform, { cert: readFileSync(system.cert), key: readFileSync(system.key) });
    expect(shown.data).toBe('');
    // The same request without a certificate is answered: the refusal above is the certificate's.
    const anonymous = await answerTo(platform, {});
    expect(anonymous.data).toMatch(/^HTTP\/1.1 401/);
  });
});
