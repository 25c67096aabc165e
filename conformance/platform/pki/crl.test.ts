import { X509Certificate } from 'node:crypto';
import { mkdtempSync } from 'node:fs';
import { createServer } from 'node:https';
import type { AddressInfo } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { connect } from 'node:tls';
import { describe, expect, it } from 'vitest';
import { createCrl } from './crl.ts';
import { PlatformPkiStore } from './platform-pki.ts';

describe('createCrl', () => {
  it('makes OpenSSL refuse a revoked client certificate in the TLS handshake, and let the others in', async () => {
    const pki = await PlatformPkiStore.open(mkdtempSync(join(tmpdir(), 'crl-')));
    const server = await pki.serverCertificate('127.0.0.1');
    const revoked = await pki.issueSystemCertificate({
      uuid: '0f0e0d0c-0b0a-4909-8807-060504030201',
      name: 'Revoked',
      supplierCvr: '12345678',
    });
    const valid = await pki.issueSystemCertificate({
      uuid: '1f0e0d0c-0b0a-4909-8807-060504030201',
      name: 'Valid',
      supplierCvr: '12345678',
    });
    const crl = await createCrl(
      pki.ca,
      [{ serialNumber: new X509Certificate(revoked.certPem).serialNumber }],
      new Date(),
    );
    expect(crl).toMatch(/^-----BEGIN X509 CRL-----/);

    const admitted: string[] = [];
    const https = createServer(
      { key: server.keyPem, cert: server.certPem, ca: pki.caCertPem, crl, requestCert: true, rejectUnauthorized: true },
      (_req, res) => res.end('ok'),
    );
    https.on('secureConnection', (socket) =>
      admitted.push(String((socket.getPeerCertificate() as { subject?: { CN?: string } }).subject?.CN)),
    );
    https.on('tlsClientError', () => undefined);
    await new Promise<void>((resolve) => https.listen(0, '127.0.0.1', resolve));
    const port = (https.address() as AddressInfo).port;
    const call = (pair: { certPem: string; keyPem: string }) =>
      new Promise<string>((resolve) => {
        const socket = connect(
          { host: '127.0.0.1', port, ca: pki.caCertPem, cert: pair.certPem, key: pair.keyPem },
          () => socket.write('GET / HTTP/1.1\r\nHost: x\r\nConnection: close\r\n\r\n'),
        );
        let data = '';
        socket.on('data', (d) => (data += d));
        socket.on('error', () => resolve(data));
        socket.on('close', () => resolve(data));
      });
    expect(await call(valid)).toContain('200 OK');
    expect(await call(revoked)).toBe('');
    expect(admitted).toEqual(['Valid (funktionscertifikat)']);
    await new Promise((resolve) => https.close(resolve));
  });
});
