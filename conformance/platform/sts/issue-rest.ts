import { X509Certificate } from 'node:crypto';
import { certificatePem, sameCertificate, uri } from '../../wire/index.ts';
import { grantToken, type TokenGrant } from './issue-token.ts';
import type { Soap12Fault } from './soap12-fault.ts';
import type { StsDirectory, StsIdentity } from './sts-directory.ts';

export interface RestStsReply {
  status: number;
  json: unknown;
  grant?: TokenGrant;
  /** Our permanent code when refused. */
  code?: string;
}

/**
 * SF1514 REST WS-Trust (`POST /runtime/api/rest/wstrust/v1/issue`): the JSON request itk-dev's
 * and other public clients send; the TLS client certificate is the proof of possession, so
 * UseKey must be that certificate. The answer carries the assertion base64 encoded at
 * `RequestedSecurityToken.Assertion` and `Lifetime` as `MM/dd/yyyy HH:mm:ss` (UTC), the two
 * fields public clients read. Neither the statuses nor the error body of the real service's
 * refusals are public; the project's contract (catalog/contracts/SF1514/1/sts-rest-issue.openapi.json)
 * documents two, and every refusal is one of them, with the body `{ code, message }`:
 * 401 when the call carries no usable client identity (no certificate, a certificate of no
 * registered it-system, a UseKey that is not the TLS certificate), 400 for everything else.
 */
export function issueRest(
  input: unknown,
  tlsCertPem: string | undefined,
  deps: { directory: StsDirectory; identity: StsIdentity; now: Date },
): RestStsReply {
  const request = input as {
    TokenType?: unknown;
    RequestType?: unknown;
    AnvenderKontekst?: { Cvr?: unknown };
    UseKey?: unknown;
    AppliesTo?: { EndpointReference?: { Address?: unknown } };
  } | null;
  const cvr = request?.AnvenderKontekst?.Cvr;
  const entityId = request?.AppliesTo?.EndpointReference?.Address;
  const useKey = request?.UseKey;
  if (typeof cvr !== 'string' || !/^\d{8}$/.test(cvr))
    return refuse(400, 'sts.no-cvr-claim', "AnvenderKontekst.Cvr must be the municipality's 8-digit CVR");
  if (typeof entityId !== 'string' || entityId === '')
    return refuse(400, 'sts.no-applies-to', 'AppliesTo.EndpointReference.Address must be the entityID of the service');
  if (request?.RequestType !== undefined && request.RequestType !== uri.issueRequestType)
    return refuse(400, 'sts.request-type', `RequestType must be ${uri.issueRequestType}`);
  if (request?.TokenType !== undefined && request.TokenType !== uri.samlTokenType)
    return refuse(400, 'sts.token-type', `TokenType must be ${uri.samlTokenType}`);
  if (!tlsCertPem)
    return refuse(401, 'sts.no-client-certificate', 'The REST STS needs the system certificate on the TLS connection');
  if (typeof useKey === 'string' && useKey !== '') {
    const useKeyPem = certificatePem(useKey.replace(/-----(BEGIN|END) CERTIFICATE-----/g, ''));
    if (!isCertificate(useKeyPem))
      return refuse(400, 'sts.use-key', 'UseKey must be the base64 DER (or PEM) of the system certificate');
    if (!sameCertificate(useKeyPem, tlsCertPem))
      return refuse(401, 'sts.certificate-mismatch', 'UseKey must be the certificate of the TLS connection');
  }
  const result = grantToken({ certPem: tlsCertPem, entityId, cvr }, deps);
  if (!result.ok) return refuse(statusOf(result.fault), result.fault.code, result.fault.reason);
  const { grant } = result;
  return {
    status: 200,
    grant,
    json: {
      RequestedSecurityToken: { Assertion: Buffer.from(grant.assertionXml, 'utf8').toString('base64') },
      AppliesTo: { EndpointReference: { Address: grant.entityId } },
      Lifetime: usDateTime(new Date(grant.issuedAt.getTime() + grant.lifetimeMs)),
      TokenType: uri.samlTokenType,
      RequestType: uri.issueRequestType,
      KeyType: uri.publicKeyType,
    },
  };
}

/**
 * The SOAP variant's fault subcode tells who is at fault: wst:FailedAuthentication means the
 * certificate belongs to no registered it-system (no usable identity, 401); InvalidScope and
 * RequestFailed mean the request asks for a service or municipality the system may not have (400).
 */
function statusOf(fault: Soap12Fault): 400 | 401 {
  return fault.subcode === 'wst:FailedAuthentication' ? 401 : 400;
}

function isCertificate(pem: string): boolean {
  try {
    new X509Certificate(pem);
    return true;
  } catch {
    return false;
  }
}

function refuse(status: 400 | 401, code: string, message: string): RestStsReply {
  return { status, code, json: { code, message } };
}

function usDateTime(date: Date): string {
  const two = (n: number) => String(n).padStart(2, '0');
  return `${two(date.getUTCMonth() + 1)}/${two(date.getUTCDate())}/${date.getUTCFullYear()} ${two(date.getUTCHours())}:${two(date.getUTCMinutes())}:${two(date.getUTCSeconds())}`;
}
