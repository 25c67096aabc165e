import { X509Certificate, createPublicKey, verify } from 'node:crypto';
import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { PlatformPkiStore } from '../pki/platform-pki.ts';
import { openDatabase } from '../store/open-database.ts';
import { loadOrCreateSigner } from '../store/signing-key.ts';
import { fingerprintOf } from './fingerprint.ts';
import { SqliteRegistry } from './sqlite-registry.ts';

describe('SqliteRegistry', () => {
  it('keeps systems, certificates, agreements and the signing key across a restart', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'registry-'));
    const pki = await PlatformPkiStore.open(dir);
    let db = openDatabase(dir);
    let registry = new SqliteRegistry(db);
    const system = registry.addSystem({ name: 'Fagsystem A', supplierCvr: '12345678' });
    const issued = await pki.issueSystemCertificate(system);
    const cert = new X509Certificate(issued.certPem);
    registry.addCertificate({
      fingerprint: fingerprintOf(cert),
      systemUuid: system.uuid,
      subject: cert.subject,
      serialNumber: cert.serialNumber,
      certPem: issued.certPem,
    });
    const approved = registry.addAgreement({
      systemUuid: system.uuid,
      integration: 'SF1520',
      service: 'PersonBaseDataExtendedService',
      serviceUuid: 'e6be2436-bf35-4df2-83fe-925142825dc2',
      municipalityCvr: '11111111',
      status: 'approved',
    });
    const pending = registry.addAgreement({
      systemUuid: system.uuid,
      integration: 'SF1520',
      service: 'PersonBaseDataExtendedService',
      serviceUuid: 'e6be2436-bf35-4df2-83fe-925142825dc2',
      municipalityCvr: '29189846',
      status: 'pending',
    });
    const publicKey = loadOrCreateSigner(db).publicKeyPem;
    db.close();

    db = openDatabase(dir);
    registry = new SqliteRegistry(db);
    expect(registry.systemByCertificate(cert)?.uuid).toBe(system.uuid);
    expect(registry.findSystem('Fagsystem A')?.uuid).toBe(system.uuid);
    const query = { systemUuid: system.uuid, serviceUuid: 'e6be2436-bf35-4df2-83fe-925142825dc2' };
    expect(registry.approvedAgreement({ ...query, municipalityCvr: '11111111' })?.uuid).toBe(approved.uuid);
    expect(registry.approvedAgreement({ ...query, municipalityCvr: '29189846' })).toBeUndefined();
    expect(
      registry.approvedAgreement({ systemUuid: system.uuid, integration: 'SF1520', municipalityCvr: '11111111' })?.uuid,
    ).toBe(approved.uuid);
    expect(registry.approveAgreement(pending.uuid)?.status).toBe('approved');
    expect(registry.approvedAgreement({ ...query, municipalityCvr: '29189846' })?.uuid).toBe(pending.uuid);

    const signer = loadOrCreateSigner(db);
    expect(signer.publicKeyPem).toBe(publicKey);
    expect(
      verify(null, Buffer.from('digest'), createPublicKey(publicKey), Buffer.from(signer.sign('digest'), 'base64')),
    ).toBe(true);

    expect(registry.revokeSystem(system.uuid)).toBe(1);
    expect(registry.systemByCertificate(cert)).toBeUndefined();
    expect(registry.isRevoked(fingerprintOf(cert))).toBe(true);
    db.close();
  });
});
