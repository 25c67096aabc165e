import { uri } from '../../clients/tokens/namespaces.ts';
import { certificatePem, sameCertificate } from '../../clients/tokens/pem.ts';
import { grantToken, type TokenGrant } from './issue-token.ts';
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
 * fields public clients read. The error body shape of the real service is not public: ours is
 * `{ code, message }` with HTTP 400 (bad request) or 403 (refused).
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
  if (typeof cvr !== 'string' || !/^\d{8}$/.test(cvr)) return refuse(400, 'sts.no-cvr-claim', 'AnvenderKontekst.Cvr must be the municipality\'s 8-digit CVR');
  if (typeof entityId !== 'string' || entityId === '') return refuse(400, 'sts.no-applies-to', 'AppliesTo.EndpointReference.Address must be the entityID of the service');
  if (request?.RequestType !== undefined && request.RequestType !== uri.issueRequestType) return refuse(400, 'sts.request-type', `RequestType must be ${uri.issueRequestType}`);
  if (request?.TokenType !== undefined && request.TokenType !== uri.samlTokenType) return refuse(400, 'sts.token-type', `TokenType must be ${uri.samlTokenType}`);
  if (!tlsCertPem) return refuse(403, 'sts.no-client-certificate', 'The REST STS needs the system certificate on the TLS connection');
  let certPem = tlsCertPem;
  if (typeof useKey === 'string' && useKey !== '') {
    certPem = certificatePem(useKey.replace(/-----(BEGIN|END) CERTIFICATE-----/g, ''));
    try {
      if (!sameCertificate(certPem, tlsCertPem)) return refuse(403, 'sts.certificate-mismatch', 'UseKey must be the certificate of the TLS connection');
    } catch {
      return refuse(400, 'sts.use-key', 'UseKey must be the base64 DER (or PEM) of the system certificate');
    }
  }
  const result = grantToken({ certPem: tlsCertPem, entityId, cvr }, deps);
  if (!result.ok) return refuse(403, result.fault.code, result.fault.reason);
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

function refuse(status: number, code: string, message: string): RestStsReply {
  return { status, code, json: { code, message } };
}

function usDateTime(date: Date): string {
  const two = (n: number) => String(n).padStart(2, '0');
  return `${two(date.getUTCMonth() + 1)}/${two(date.getUTCDate())}/${date.getUTCFullYear()} ${two(date.getUTCHours())}:${two(date.getUTCMinutes())}:${two(date.getUTCSeconds())}`;
}
