import { X509Certificate } from 'node:crypto';
import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { PlatformPkiStore } from './platform-pki.ts';

describe('PlatformPkiStore', () => {
  it('creates the CA once, issues a server certificate for 127.0.0.1 and localhost, and FOCES-like system certificates', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'pki-'));
    const pki = await PlatformPkiStore.open(dir);
    const again = await PlatformPkiStore.open(dir);
    expect(again.caCertPem).toBe(pki.caCertPem);
    const ca = new X509Certificate(pki.caCertPem);

    const server = await pki.serverCertificate('127.0.0.1');
    const serverCert = new X509Certificate(server.certPem);
    expect(serverCert.checkIssued(ca)).toBe(true);
    expect(serverCert.checkIP('127.0.0.1')).toBe('127.0.0.1');
    expect(serverCert.checkHost('localhost')).toBe('localhost');
    expect((await pki.serverCertificate('127.0.0.1')).certPem).toBe(server.certPem);

    const system = await pki.issueSystemCertificate({
      uuid: '0f0e0d0c-0b0a-4909-8807-060504030201',
      name: 'Fagsystem A',
      supplierCvr: '12345678',
    });
    const cert = new X509Certificate(system.certPem);
    expect(cert.checkIssued(ca)).toBe(true);
    expect(cert.verify(ca.publicKey)).toBe(true);
    expect(cert.subject).toContain('CN=Fagsystem A (funktionscertifikat)');
    expect(cert.subject).toMatch(/serialNumber=CVR:12345678-FID:\d{8}(?!\d)/);
    expect(system.caPath).toBe(pki.caCertPath);
  });
});
