import { randomUUID } from 'node:crypto';
import type { Element } from '@xmldom/xmldom';
import { certificateBase64, escapeXml, ns, selectOne, textOf, uri, type XmlNode } from '../../wire/index.ts';
import type { Caller, PlatformRequest, PlatformServices, SignedCallerReply } from '../service-handler.ts';
import { callerOfCertificate } from '../server/certificate-caller.ts';
import { soapContentType, soapEnvelopeNs } from '../faults/index.ts';
import { senderFault, type Soap12Fault } from '../sts/soap12-fault.ts';
import { roleCertificate, stsIdentity } from '../sts/sts-identity.ts';
import { binaryTokenReference, signWsSecurity } from '../xmlsig/index.ts';
import { oioidwsFaultReply } from './oioidws-fault.ts';
import { verifyOioidws, type TokenClaims } from './verify-oioidws.ts';

/** One operation of an OIOIDWS service: its name, soapAction and request element. */
export interface OioidwsOperation {
  name: string;
  soapAction: string;
  /** Local name and namespace of the request element in the Body. */
  input: { local: string; namespace: string };
}

/**
 * What an operation answers: the response element, its StandardRetur status, findings about the
 * request (recorded with the exchange), or a fault to answer instead (the caller is proven by then).
 */
export interface OioidwsResult {
  outputXml: string;
  statusKode?: number;
  findings?: SignedCallerReply['findings'];
  fault?: Soap12Fault;
}

export interface OioidwsService {
  entityId: string;
  /** Role of the platform certificate that signs this service's answers (e.g. `organisation`). */
  signingRole: string;
  operations: OioidwsOperation[];
  /** Runs one operation for a verified caller; returns the response element of the Body. */
  run(
    operation: OioidwsOperation,
    input: Element,
    claims: TokenClaims,
    platform: PlatformServices,
    /** The it-system whose certificate holds the token (found before run is called). */
    caller: Caller,
  ): Promise<OioidwsResult>;
}

/**
 * The common frame of every Støttesystem service the platform serves: find the operation from the
 * request element (and check the soapAction), verify the OIOIDWS security, run the operation and
 * answer with WS-Addressing RelatesTo, the echoed KOMBIT RequestHeader, a Timestamp and the
 * service's signature (with its certificate as BinarySecurityToken), as the OIOIDWS policy of the
 * official WSDLs prescribes. Answers and faults are in the request's SOAP version (1.2, or 1.1 on an
 * endpoint that also accepts it).
 *
 * A holder-of-key endpoint: on a connection without client certificate the caller is the
 * registered it-system of the certificate the token is bound to, which signed the message; a
 * certificate revoked since the token was issued (or of no registered system) is refused with a
 * FailedAuthentication fault. The reply names that caller, so the exchange is recorded as its.
 */
export async function serveOioidws(
  request: PlatformRequest<Caller | undefined>,
  platform: PlatformServices,
  service: OioidwsService,
): Promise<SignedCallerReply> {
  const version = request.soapVersion;
  const faultReply = (fault: Soap12Fault, operation: string) => oioidwsFaultReply(fault, operation, version);
  const body = request.bodyElement;
  const operation = service.operations.find(
    (op) => op.input.local === body?.localName && op.input.namespace === body?.namespaceURI,
  );
  if (!body || !operation) {
    const known = service.operations.map((op) => `${op.input.local} (${op.name})`).join(', ');
    return faultReply(
      senderFault(
        'oioidws.unknown-operation',
        'wsa:ActionNotSupported',
        `The request element ${body?.localName ?? '(none)'} is not an operation of this service; it offers ${known}`,
      ),
      'unknown',
    );
  }
  const envelope = (request.document as unknown as { documentElement: XmlNode }).documentElement;
  const header = selectOne(version === '1.1' ? 'soap11:Header' : 'soap12:Header', envelope);
  const wsaAction = header ? textOf('wsa:Action', header) : undefined;
  for (const action of [request.soapAction, wsaAction]) {
    if (action && action !== operation.soapAction) {
      return faultReply(
        senderFault(
          'oioidws.action-mismatch',
          'wsa:ActionMismatch',
          `The action ${action} does not match the request element ${operation.input.local}; expected ${operation.soapAction}`,
        ),
        operation.name,
      );
    }
  }
  const sts = await stsIdentity(platform);
  const now = platform.clock();
  const check = verifyOioidws({
    xml: request.body,
    document: request.document,
    tlsCertPem: request.caller?.certificate.toString(),
    audience: service.entityId,
    sts: { certPem: sts.certPem, issuer: sts.issuer },
    now,
  });
  if (!check.ok) return faultReply(check.fault, operation.name);
  // With a certificate on the connection the token is bound to it (checked above) and the TLS gate found its system.
  const caller = request.caller ?? callerOfCertificate(platform.registry, check.claims.holderCertPem);
  if (!caller) {
    return faultReply(
      senderFault(
        'oioidws.holder-unknown',
        'wsse:FailedAuthentication',
        'The certificate the token is bound to, which signed this message, is revoked or belongs to no registered it-system; call with the certificate of a registered system (`klarmeld platform system add`) and a token issued to it',
      ),
      operation.name,
    );
  }
  const result = await service.run(operation, body, check.claims, platform, caller);
  if (result.fault) {
    const reply = faultReply(result.fault, operation.name);
    return { ...reply, findings: [...(result.findings ?? []), ...reply.findings], caller };
  }
  const messageId = header ? textOf('wsa:MessageID', header) : undefined;
  const transactionUuid = header
    ? textOf("*[local-name()='RequestHeader']/*[local-name()='TransactionUUID']", header)
    : undefined;
  const created = now.toISOString();
  const expires = new Date(now.getTime() + 5 * 60_000).toISOString();
  const signer = await roleCertificate(platform.pki, service.signingRole);
  // The OIOIDWS policy's recipient token: the service signs its answer and includes its certificate.
  const unsigned =
    `<s:Envelope xmlns:s="${soapEnvelopeNs[version]}" xmlns:a="${ns.wsa}" xmlns:u="${ns.wsu}"><s:Header>` +
    `<a:Action s:mustUnderstand="1" u:Id="_2">${operation.soapAction}Response</a:Action>` +
    (messageId ? `<a:RelatesTo u:Id="_3">${escapeXml(messageId)}</a:RelatesTo>` : '') +
    `<a:MessageID u:Id="_4">urn:uuid:${randomUUID()}</a:MessageID>` +
    `<h:RequestHeader xmlns:h="${ns.requestHeader}"><h:TransactionUUID>${escapeXml(transactionUuid ?? randomUUID())}</h:TransactionUUID></h:RequestHeader>` +
    `<o:Security s:mustUnderstand="1" xmlns:o="${ns.wsse}"><u:Timestamp u:Id="_0"><u:Created>${created}</u:Created><u:Expires>${expires}</u:Expires></u:Timestamp>` +
    `<o:BinarySecurityToken u:Id="_5" EncodingType="${uri.base64Binary}" ValueType="${uri.x509v3}">${certificateBase64(signer.certPem)}</o:BinarySecurityToken></o:Security>` +
    `</s:Header><s:Body u:Id="_1">${result.outputXml}</s:Body></s:Envelope>`;
  const xml = `<?xml version="1.0" encoding="UTF-8"?>${signWsSecurity(unsigned, { keyPem: signer.keyPem, ids: ['_1', '_2', ...(messageId ? ['_3'] : []), '_4', '_0'], keyInfoXml: binaryTokenReference('_5') })}`;
  const findings: SignedCallerReply['findings'] = [...(result.findings ?? [])];
  if (result.statusKode !== undefined && result.statusKode !== 20) {
    findings.push({
      severity: 'warning',
      code: `standardretur.${result.statusKode}`,
      message: `StandardRetur StatusKode ${result.statusKode}`,
    });
  }
  if (!transactionUuid) {
    findings.push({
      severity: 'warning',
      code: 'oioidws.no-request-header',
      message:
        'The request has no RequestHeader/TransactionUUID header, which the contract declares; KOMBIT uses it to trace the call',
    });
  }
  return { status: 200, contentType: soapContentType[version], body: xml, operation: operation.name, findings, caller };
}
