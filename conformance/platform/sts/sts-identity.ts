import type { PlatformServices } from '../service-handler.ts';
import { defaultIssuer, type StsIdentity } from './sts-directory.ts';

const cache = new WeakMap<PlatformServices['pki'], Promise<StsIdentity>>();

/**
 * The STS's signing identity on a running platform: a certificate the platform CA issued for
 * the `sts` role (kept in the data directory, so tokens survive restarts), and the issuer name.
 * The OIOIDWS services use the same to check token signatures.
 */
export function stsIdentity(platform: PlatformServices): Promise<StsIdentity> {
  let identity = cache.get(platform.pki);
  if (!identity) {
    identity = platform.pki.serviceCertificate('sts').then(({ certPem, keyPem }) => ({ issuer: defaultIssuer, certPem, keyPem }));
    cache.set(platform.pki, identity);
  }
  return identity;
}
