import type { webcrypto } from 'node:crypto';
import { existsSync } from 'node:fs';
import { mkdir, readFile, writeFile } from 'node:fs/promises';
import { isIP } from 'node:net';
import { join } from 'node:path';
import type { PlatformPki } from '../service-handler.ts';
import { ensureSecretFile, tightenPlatformKeys, writeSecretFile } from '../store/secret-file.ts';
import { fidOf, focesSubject } from './foces-subject.ts';
import { issueCertificate, type CertificateRequest } from './issue-certificate.ts';
import { newKeyPair } from './pem.ts';
import { loadOrCreateCa, type TestCa } from './test-ca.ts';

export interface KeyPairFiles {
  certPem: string;
  keyPem: string;
  certPath: string;
  keyPath: string;
  serialNumber?: string;
}

export interface SystemCertificateFiles extends KeyPairFiles {
  caPath: string;
}

/**
 * Everything certificate-shaped of the platform, kept in the data directory:
 * `ca/ca.crt` (give it to clients as --cacert), `server/` (the HTTPS server, SAN 127.0.0.1,
 * ::1, localhost and the host it listens on), `roles/<role>` (the platform's own signing and
 * client certificates), `systems/<uuid>/` (the it-systems' FOCES-like certificates).
 */
export class PlatformPkiStore implements PlatformPki {
  readonly ca: TestCa;
  readonly dataDir: string;
  readonly clock: () => Date;

  /** The server certificate's key pair, started by open() when the data folder has none. */
  private serverKeys: Promise<webcrypto.CryptoKeyPair> | undefined;

  private constructor(ca: TestCa, dataDir: string, clock: () => Date, serverKeys?: Promise<webcrypto.CryptoKeyPair>) {
    this.ca = ca;
    this.dataDir = dataDir;
    this.clock = clock;
    this.serverKeys = serverKeys;
  }

  static async open(dataDir: string, clock: () => Date = () => new Date()): Promise<PlatformPkiStore> {
    // A new data folder needs a server certificate (the platform asks for it as it starts): its
    // key does not depend on the CA's, so it is made on another thread while the CA's is, and
    // while the platform opens its database and modules (a fresh `klarmeld test` platform each run).
    const serverDir = join(dataDir, 'server');
    const serverKeys =
      existsSync(join(serverDir, 'server.crt')) && existsSync(join(serverDir, 'server.key')) ? undefined : newKeyPair();
    // Handled here, so a failed CA load does not leave it rejected unseen; serverCertificate awaits it.
    serverKeys?.catch(() => undefined);
    const ca = await loadOrCreateCa(dataDir, clock());
    tightenPlatformKeys(dataDir);
    return new PlatformPkiStore(ca, dataDir, clock, serverKeys);
  }

  get caCertPem(): string {
    return this.ca.certPem;
  }

  get caCertPath(): string {
    return this.ca.certPath;
  }

  /** The server certificate; reissued when the listening host is not among its names. */
  async serverCertificate(host: string): Promise<KeyPairFiles> {
    const names = new Set(['localhost', '127.0.0.1', '::1', host].filter((h) => h && h !== '0.0.0.0' && h !== '::'));
    const tag = [...names].sort().join(',');
    const dir = join(this.dataDir, 'server');
    const existing = await this.readPair(dir, 'server');
    if (existing && (await readFile(join(dir, 'names'), 'utf8').catch(() => '')) === tag) return existing;
    const ips = [...names].filter((n) => isIP(n));
    const dnsNames = [...names].filter((n) => !isIP(n));
    const keys = this.serverKeys;
    this.serverKeys = undefined;
    const pair = await this.writePair(
      dir,
      'server',
      { subject: 'CN=localhost, O=klarmeld test platform, C=DK', kind: 'server', ips, dnsNames, now: this.clock() },
      keys,
    );
    await writeFile(join(dir, 'names'), tag);
    return pair;
  }

  async serviceCertificate(role: string): Promise<KeyPairFiles> {
    if (!/^[a-z0-9-]+$/.test(role)) throw new Error(`Role name ${role} must be lower-case letters, digits and dashes.`);
    const dir = join(this.dataDir, 'roles');
    return (
      (await this.readPair(dir, role)) ??
      this.writePair(dir, role, {
        subject: `CN=klarmeld ${role} (funktionscertifikat), O=klarmeld test platform // CVR:11111111, C=DK`,
        kind: 'signing',
        now: this.clock(),
      })
    );
  }

  /** A new FOCES-like certificate and key for an it-system (each call issues a fresh one). */
  async issueSystemCertificate(system: {
    uuid: string;
    name: string;
    supplierCvr: string;
  }): Promise<SystemCertificateFiles> {
    const dir = join(this.dataDir, 'systems', system.uuid);
    const subject = focesSubject({ systemName: system.name, supplierCvr: system.supplierCvr, fid: fidOf(system.uuid) });
    const pair = await this.writePair(dir, 'system', { subject, kind: 'client', now: this.clock() });
    return { ...pair, caPath: this.caCertPath };
  }

  private async readPair(dir: string, name: string): Promise<KeyPairFiles | undefined> {
    const certPath = join(dir, `${name}.crt`);
    const keyPath = join(dir, `${name}.key`);
    if (!existsSync(certPath) || !existsSync(keyPath)) return undefined;
    ensureSecretFile(keyPath);
    return { certPem: await readFile(certPath, 'utf8'), keyPem: await readFile(keyPath, 'utf8'), certPath, keyPath };
  }

  private async writePair(
    dir: string,
    name: string,
    request: CertificateRequest,
    keys?: Promise<webcrypto.CryptoKeyPair>,
  ): Promise<KeyPairFiles> {
    await mkdir(dir, { recursive: true, mode: 0o700 });
    const issued = await issueCertificate(this.ca, request, keys);
    const certPath = join(dir, `${name}.crt`);
    const keyPath = join(dir, `${name}.key`);
    await writeSecretFile(keyPath, issued.keyPem);
    await writeFile(certPath, issued.certPem);
    return { certPem: issued.certPem, keyPem: issued.keyPem, certPath, keyPath, serialNumber: issued.serialNumber };
  }
}
