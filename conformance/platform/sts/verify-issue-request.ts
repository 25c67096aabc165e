import { certificatePem, idOf, ns, parseXml, sameCertificate, selectOne, textOf, uri } from '../../wire/index.ts';
import { senderFault, type Soap12Fault } from './soap12-fault.ts';
import { verifySignature } from './wss-verify.ts';

/** What a valid WS-Trust Issue request asks for. */
export interface IssueRequest {
  /** The signing certificate (= BinarySecurityToken = TLS client certificate), PEM. */
  certPem: string;
  entityId: string;
  cvr: string;
  messageId?: string;
  context?: string;
}

export type IssueRequestCheck =
  { ok: true; request: IssueRequest } | { ok: false; fault: Soap12Fault; messageId?: string };

/** Clock skew tolerated on the request Timestamp, as WCF does by default. */
const skewMs = 5 * 60_000;

/**
 * Checks an SF1514 Issue request the way the STS does: SOAP 1.2, a WS-Security header whose
 * signature (by the BinarySecurityToken, which must be the TLS client certificate) covers the
 * Body and Timestamp, a fresh Timestamp, RequestType Issue, an AppliesTo and the CVR claim.
 */
export function verifyIssueRequest(xml: string, tlsCertPem: string | undefined, now: Date): IssueRequestCheck {
  let doc;
  try {
    doc = parseXml(xml);
  } catch (error) {
    return fail('sts.malformed', 'wst:InvalidRequest', (error as Error).message);
  }
  const envelope = doc.documentElement!;
  if (envelope.namespaceURI !== ns.soap12 || envelope.localName !== 'Envelope') {
    return fail(
      'sts.not-soap12',
      'wst:InvalidRequest',
      'The STS speaks SOAP 1.2 (namespace http://www.w3.org/2003/05/soap-envelope); send the RST in a SOAP 1.2 envelope',
    );
  }
  const messageId = textOf('soap12:Header/wsa:MessageID', envelope);
  const failWith = (code: string, subcode: string, reason: string): IssueRequestCheck =>
    ({ ...fail(code, subcode, reason), ...(messageId ? { messageId } : {}) }) as IssueRequestCheck;
  const body = selectOne('soap12:Body', envelope);
  const rst = body && selectOne('wst:RequestSecurityToken', body);
  if (!body || !rst)
    return failWith(
      'sts.no-rst',
      'wst:InvalidRequest',
      'The Body holds no wst:RequestSecurityToken (WS-Trust 1.3 namespace http://docs.oasis-open.org/ws-sx/ws-trust/200512)',
    );

  const security = selectOne('soap12:Header/wsse:Security', envelope);
  const bst = security && selectOne('wsse:BinarySecurityToken', security);
  const signature = security && selectOne('ds:Signature', security);
  if (!security || !bst || !signature) {
    return failWith(
      'sts.unsigned',
      'wsse:InvalidSecurity',
      'The request must carry a wsse:Security header with the system certificate as BinarySecurityToken and a signature made with its key',
    );
  }
  const certPem = certificatePem(bst.textContent ?? '');
  if (tlsCertPem && !sameCertificate(certPem, tlsCertPem)) {
    return failWith(
      'sts.certificate-mismatch',
      'wst:FailedAuthentication',
      'The BinarySecurityToken is not the certificate used for the TLS connection; sign the request with the same system certificate you connect with',
    );
  }
  const check = verifySignature(signature, certPem);
  if (!check.ok)
    return failWith(
      'sts.signature-invalid',
      'wsse:FailedCheck',
      `The request signature does not verify with the BinarySecurityToken: ${check.reason}`,
    );
  const timestamp = selectOne('wsu:Timestamp', security);
  for (const [name, node] of [
    ['Body', body],
    ['Timestamp', timestamp],
  ] as const) {
    const id = node && idOf(node);
    if (!id || !check.signedIds.has(id))
      return failWith('sts.part-unsigned', 'wsse:FailedCheck', `The ${name} must be signed`);
  }
  const created = Date.parse(textOf('wsu:Created', timestamp!) ?? '');
  const expires = Date.parse(textOf('wsu:Expires', timestamp!) ?? '');
  if (Number.isNaN(created) || Number.isNaN(expires))
    return failWith('sts.timestamp', 'wsse:InvalidSecurity', 'The Timestamp needs Created and Expires');
  if (expires <= now.getTime() || created > now.getTime() + skewMs) {
    return failWith(
      'sts.message-expired',
      'wsse:MessageExpired',
      `The request Timestamp (${new Date(created).toISOString()} to ${new Date(expires).toISOString()}) is not valid now (${now.toISOString()}); check the clock`,
    );
  }

  if (textOf('wst:RequestType', rst) !== uri.issueRequestType) {
    return failWith('sts.request-type', 'wst:InvalidRequest', `RequestType must be ${uri.issueRequestType}`);
  }
  const tokenType = textOf('wst:TokenType', rst);
  if (tokenType && tokenType !== uri.samlTokenType)
    return failWith('sts.token-type', 'wst:InvalidRequest', `TokenType must be ${uri.samlTokenType}`);
  const entityId = textOf('wsp:AppliesTo/wsa:EndpointReference/wsa:Address', rst);
  if (!entityId)
    return failWith(
      'sts.no-applies-to',
      'wst:InvalidRequest',
      'AppliesTo/EndpointReference/Address must name the entityID of the service the token is for',
    );
  const cvr = textOf(`wst:Claims/auth:ClaimType[@Uri='${uri.cvrClaim}']/auth:Value`, rst);
  if (!cvr || !/^\d{8}$/.test(cvr)) {
    return failWith(
      'sts.no-cvr-claim',
      'wst:InvalidRequest',
      `The Claims must hold a ClaimType Uri="${uri.cvrClaim}" with the municipality's 8-digit CVR as Value`,
    );
  }
  const useKey = selectOne('wst:UseKey/wsse:BinarySecurityToken', rst);
  if (useKey && !sameCertificate(certificatePem(useKey.textContent ?? ''), certPem)) {
    return failWith(
      'sts.use-key-mismatch',
      'wst:InvalidRequest',
      'UseKey must be the certificate that signs the request (holder-of-key)',
    );
  }
  const context = rst.getAttribute('Context') || undefined;
  return {
    ok: true,
    request: { certPem, entityId, cvr, ...(messageId ? { messageId } : {}), ...(context ? { context } : {}) },
  };
}

function fail(code: string, subcode: string, reason: string): IssueRequestCheck {
  return { ok: false, fault: senderFault(code, subcode, reason) };
}
