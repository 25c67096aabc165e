import type { Element } from '@xmldom/xmldom';
import { platformErrors, type PlatformError } from '../faults/index.ts';
import type { Registry, ServiceAgreement } from '../registry/registry-types.ts';
import type { Caller } from '../service-handler.ts';
import { authorityContextNs, invocationContextNs } from './context-namespaces.ts';
import { child, childText } from './xml-children.ts';

export interface ContextService {
  integration: string;
  serviceUuid: string;
}

export type ContextResult =
  | { ok: true; model: 'InvocationContext' | 'AuthorityContext'; agreement: ServiceAgreement; municipalityCvr: string }
  | { ok: false; errors: PlatformError[] };

const uuidPattern = /^[a-f0-9]{8}-[a-f0-9]{4}-[a-f0-9]{4}-[a-f0-9]{4}-[a-f0-9]{12}$/;
const cvrPattern = /^[0-9]{8}$/;
const required = ['ServiceAgreementUUID', 'UserSystemUUID', 'UserUUID', 'ServiceUUID'] as const;
const optional = ['OnBehalfOfUser', 'CallersServiceCallIdentifier', 'AccountingInfo'] as const;

/**
 * Serviceplatformen's context security model: the request element carries an InvocationContext
 * (which agreement, which it-system, which user, which service) or an AuthorityContext (which
 * municipality). Checked against the client certificate's it-system and the registry's
 * agreements, collecting every problem of the context at once.
 */
export function checkContext(
  request: Element,
  caller: Caller,
  service: ContextService,
  registry: Registry,
): ContextResult {
  const invocation = child(request, invocationContextNs, 'InvocationContext');
  if (invocation) return checkInvocation(invocation, caller, service, registry);
  const authority = child(request, authorityContextNs, 'AuthorityContext');
  if (authority) return checkAuthority(authority, caller, service, registry);
  return { ok: false, errors: [platformErrors.securityModelMissing(['InvocationContext', 'AuthorityContext'])] };
}

function checkInvocation(ctx: Element, caller: Caller, service: ContextService, registry: Registry): ContextResult {
  const errors: PlatformError[] = [];
  const values: Record<string, string> = {};
  for (const field of required) {
    const value = childText(ctx, invocationContextNs, field);
    if (value === undefined || value === '')
      errors.push(platformErrors.contextFieldMissing('InvocationContext', field));
    else if (!uuidPattern.test(value)) {
      const why = uuidPattern.test(value.toLowerCase()) ? 'UUIDs must be written in lower case' : 'it is not a UUID';
      errors.push(platformErrors.contextFieldInvalid('InvocationContext', field, `${value}: ${why}.`));
    } else values[field] = value;
  }
  for (const field of optional) {
    const value = childText(ctx, invocationContextNs, field);
    if (value !== undefined && value.length > 255)
      errors.push(platformErrors.contextFieldInvalid('InvocationContext', field, 'longer than 255 characters.'));
  }
  if (errors.length > 0) return { ok: false, errors };
  if (values.UserSystemUUID !== caller.systemUuid)
    errors.push(platformErrors.userSystemMismatch(values.UserSystemUUID!));
  if (values.ServiceUUID !== service.serviceUuid)
    errors.push(platformErrors.serviceUuidMismatch(values.ServiceUUID!, service.serviceUuid));
  const agreementUuid = values.ServiceAgreementUUID!;
  const agreement = registry.agreement(agreementUuid);
  if (!agreement) errors.push(platformErrors.agreementUnknown(agreementUuid));
  else {
    if (agreement.systemUuid !== caller.systemUuid) errors.push(platformErrors.agreementOfOtherSystem(agreementUuid));
    const covers = agreement.serviceUuid
      ? agreement.serviceUuid === service.serviceUuid
      : agreement.integration === service.integration;
    if (!covers) errors.push(platformErrors.agreementOtherService(agreementUuid));
    if (agreement.status !== 'approved') errors.push(platformErrors.agreementNotApproved(agreementUuid));
  }
  if (errors.length > 0 || !agreement) return { ok: false, errors };
  return { ok: true, model: 'InvocationContext', agreement, municipalityCvr: agreement.municipalityCvr };
}

function checkAuthority(ctx: Element, caller: Caller, service: ContextService, registry: Registry): ContextResult {
  const cvr = childText(ctx, authorityContextNs, 'MunicipalityCVR');
  if (cvr === undefined || cvr === '')
    return { ok: false, errors: [platformErrors.contextFieldMissing('AuthorityContext', 'MunicipalityCVR')] };
  if (!cvrPattern.test(cvr))
    return {
      ok: false,
      errors: [platformErrors.contextFieldInvalid('AuthorityContext', 'MunicipalityCVR', `${cvr} is not 8 digits.`)],
    };
  const agreement = registry.approvedAgreement({
    systemUuid: caller.systemUuid,
    serviceUuid: service.serviceUuid,
    municipalityCvr: cvr,
  });
  if (!agreement) return { ok: false, errors: [platformErrors.noAgreementForMunicipality(cvr)] };
  return { ok: true, model: 'AuthorityContext', agreement, municipalityCvr: cvr };
}
