import type { PlatformPki, PlatformServices } from '../service-handler.ts';
import { defaultIssuer, type StsIdentity } from './sts-directory.ts';

type RolePair = Awaited<ReturnType<PlatformPki['serviceCertificate']>>;
const cache = new WeakMap<PlatformPki, Map<string, Promise<RolePair>>>();

/**
 * A platform role certificate (issued by the platform CA, kept in the data directory), fetched
 * once per running platform: the PKI reads two files per call, and two first calls at once
 * must not issue two different certificates.
 */
export function roleCertificate(pki: PlatformPki, role: string): Promise<RolePair> {
  let roles = cache.get(pki);
  if (!roles) cache.set(pki, (roles = new Map()));
  let pair = roles.get(role);
  if (!pair) roles.set(role, (pair = pki.serviceCertificate(role)));
  return pair;
}

/**
 * The STS's signing identity on a running platform: the certificate of the `sts` role (the same
 * on every start, so tokens survive restarts), and the issuer name. The OIOIDWS services use the
 * same to check token signatures.
 */
export async function stsIdentity(platform: PlatformServices): Promise<StsIdentity> {
  const { certPem, keyPem } = await roleCertificate(platform.pki, 'sts');
  return { issuer: defaultIssuer, certPem, keyPem };
}
