import { buildRstr } from './build-rstr.ts';
import { grantToken, type TokenGrant } from './issue-token.ts';
import { soap12FaultXml, type Soap12Fault } from './soap12-fault.ts';
import type { StsDirectory, StsIdentity } from './sts-directory.ts';
import { verifyIssueRequest } from './verify-issue-request.ts';

export interface StsReply {
  status: number;
  contentType: string;
  body: string;
  /** Set when a token was issued. */
  grant?: TokenGrant;
  /** Set when the answer is a fault. */
  fault?: Soap12Fault;
  /** The certificate whose signature over Body and Timestamp verified (PEM): who asked, even when refused after that. */
  signerCertPem?: string;
}

const soap12 = 'application/soap+xml; charset=utf-8';

/**
 * SF1514 over SOAP 1.2: an RST in, an RSTR (or a WS-Trust fault) out. `tlsCertPem` is undefined
 * on a connection without client certificate: the request's signature by its BinarySecurityToken
 * is then the only proof of the caller, and grantToken refuses a certificate of no registered,
 * unrevoked it-system.
 */
export function issueSoap(
  xml: string,
  tlsCertPem: string | undefined,
  deps: { directory: StsDirectory; identity: StsIdentity; now: Date },
): StsReply {
  const checked = verifyIssueRequest(xml, tlsCertPem, deps.now);
  if (!checked.ok) return stsFault(checked.fault);
  const signerCertPem = checked.request.certPem;
  const result = grantToken(checked.request, deps);
  if (!result.ok) return { ...stsFault(result.fault), signerCertPem };
  const { grant } = result;
  const body = buildRstr({
    assertionXml: grant.assertionXml,
    assertionId: grant.assertionId,
    entityId: grant.entityId,
    issuedAt: grant.issuedAt,
    lifetimeMs: grant.lifetimeMs,
    ...(checked.request.messageId ? { relatesTo: checked.request.messageId } : {}),
    ...(checked.request.context ? { context: checked.request.context } : {}),
    signer: deps.identity,
  });
  return { status: 200, contentType: soap12, body, grant, signerCertPem };
}

function stsFault(fault: Soap12Fault): StsReply {
  return { status: fault.httpStatus, contentType: soap12, body: soap12FaultXml(fault), fault };
}
