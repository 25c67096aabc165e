import { randomUUID } from 'node:crypto';
import { buildAssertion } from './build-assertion.ts';
import { senderFault, type Soap12Fault } from './soap12-fault.ts';
import { tokenLifetimeMs, type StsDirectory, type StsIdentity } from './sts-directory.ts';

export interface TokenGrant {
  assertionXml: string;
  assertionId: string;
  entityId: string;
  cvr: string;
  systemUuid: string;
  agreementUuid: string;
  issuedAt: Date;
  lifetimeMs: number;
}

export type GrantResult = { ok: true; grant: TokenGrant } | { ok: false; fault: Soap12Fault };

/**
 * Decides whether a verified request gets a token (shared by the SOAP and REST variants): the
 * entityID must belong to a catalogue service, the certificate to a registered it-system, and
 * that system needs an approved agreement for the service and the municipality.
 */
export function grantToken(
  request: { certPem: string; entityId: string; cvr: string },
  deps: { directory: StsDirectory; identity: StsIdentity; now: Date },
): GrantResult {
  const service = deps.directory.serviceForEntityId(request.entityId);
  if (!service) {
    return deny(
      'sts.unknown-entity',
      'wst:InvalidScope',
      `AppliesTo ${request.entityId} is not the entityID of any service the platform knows; use the entityID the catalogue gives for the service`,
    );
  }
  const system = deps.directory.systemForCertificate(request.certPem);
  if (!system) {
    return deny(
      'sts.unknown-system',
      'wst:FailedAuthentication',
      'The certificate belongs to no registered it-system (or it was revoked); register the system with `klarmeld platform system add`',
    );
  }
  const agreement = deps.directory.agreementFor(system.systemUuid, service, request.cvr);
  if (!agreement.ok) {
    return deny(
      'sts.no-agreement',
      'wst:RequestFailed',
      `It-system ${system.name} (${system.systemUuid}) has no approved service agreement for ${service.integration} ${service.service} with municipality ${request.cvr}: ${agreement.reason}`,
    );
  }
  const assertionId = `_${randomUUID()}`;
  const assertionXml = buildAssertion({
    id: assertionId,
    issuer: deps.identity.issuer,
    holderCertPem: request.certPem,
    entityId: request.entityId,
    cvr: request.cvr,
    privileges: agreement.privileges,
    issuedAt: deps.now,
    lifetimeMs: tokenLifetimeMs,
    signer: deps.identity,
  });
  return {
    ok: true,
    grant: {
      assertionXml,
      assertionId,
      entityId: request.entityId,
      cvr: request.cvr,
      systemUuid: system.systemUuid,
      agreementUuid: agreement.agreementUuid,
      issuedAt: deps.now,
      lifetimeMs: tokenLifetimeMs,
    },
  };
}

function deny(code: string, subcode: string, reason: string): GrantResult {
  return { ok: false, fault: senderFault(code, subcode, reason) };
}
