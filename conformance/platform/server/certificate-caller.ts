import { X509Certificate } from 'node:crypto';
import { fingerprintOf } from '../registry/fingerprint.ts';
import type { Registry } from '../registry/registry-types.ts';
import type { Caller } from '../service-handler.ts';

/**
 * The registered it-system behind a certificate, as a request's `Caller`: the one of a TLS client
 * certificate, or of the certificate that signed a message on a connection without one. Looked up
 * by fingerprint, so only a certificate the platform issued to a system and has not revoked is
 * anyone; a certificate from elsewhere (or text that is no certificate) is nobody.
 */
export function callerOfCertificate(registry: Registry, certificate: X509Certificate | string): Caller | undefined {
  let x509: X509Certificate;
  try {
    x509 = typeof certificate === 'string' ? new X509Certificate(certificate) : certificate;
  } catch {
    return undefined;
  }
  const fingerprint = fingerprintOf(x509);
  const system = registry.systemByFingerprint(fingerprint);
  return system
    ? { systemUuid: system.uuid, systemName: system.name, subject: x509.subject, fingerprint, certificate: x509 }
    : undefined;
}
