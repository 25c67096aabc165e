import { createPrivateKey, X509Certificate } from 'node:crypto';
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

  it('gives each certificate its own key, the one in its key file, and keeps the server certificate of a data folder that has one', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'pki-'));
    const pki = await PlatformPkiStore.open(dir);
    const [server, system, role] = await Promise.all([
      pki.serverCertificate('127.0.0.1'),
      pki.issueSystemCertificate({ uuid: '0f0e0d0c-0b0a-4909-8807-060504030201', name: 'A', supplierCvr: '12345678' }),
      pki.serviceCertificate('sts'),
    ]);
    const keys = [server, system, role].map((pair) => {
      const cert = new X509Certificate(pair.certPem);
      expect(cert.checkPrivateKey(createPrivateKey(pair.keyPem))).toBe(true);
      return cert.publicKey.export({ format: 'pem', type: 'spki' });
    });
    keys.push(new X509Certificate(pki.caCertPem).publicKey.export({ format: 'pem', type: 'spki' }));
    expect(new Set(keys).size).toBe(4);

    const reopened = await PlatformPkiStore.open(dir);
    expect((await reopened.serverCertificate('127.0.0.1')).certPem).toBe(server.certPem);
    // Another host: a new certificate, with a new key.
    const moved = await reopened.serverCertificate('10.0.0.7');
    expect(new X509Certificate(moved.certPem).checkIP('10.0.0.7')).toBe('10.0.0.7');
    expect(new X509Certificate(moved.certPem).checkPrivateKey(createPrivateKey(moved.keyPem))).toBe(true);
    expect(moved.keyPem).not.toBe(server.keyPem);
  });
});
