import {
  certificatePem,
  idOf,
  ns,
  sameCertificate,
  selectAll,
  selectOne,
  textOf,
  uri,
  type XmlNode,
} from '../../wire/index.ts';
import { senderFault, type Soap12Fault } from '../sts/soap12-fault.ts';
import { verifySignature } from '../sts/wss-verify.ts';

/** What a verified OIOIDWS call tells the service about its caller. */
export interface TokenClaims {
  assertionId: string;
  /** CVR of the municipality the token was issued for (dk:gov:saml:attribute:CvrNumberIdentifier). */
  cvr: string;
  subject: string;
  audience: string;
  notOnOrAfter: Date;
  /** wsa:Action of the request (the operation's soapAction). */
  action: string;
  /** The certificate the token is bound to and the message was signed with (PEM): who called. */
  holderCertPem: string;
}

export interface OioidwsExpectations {
  /** The raw request body (signatures are checked on the bytes received). */
  xml: string;
  /** The parsed envelope (the core's parse of the same body). */
  document: unknown;
  /**
   * Certificate of the TLS connection: the token must be bound to it (holder-of-key). Undefined
   * on a connection without one: the message signature by the token's certificate is then the only
   * proof, and the caller must look that certificate up itself (`claims.holderCertPem`).
   */
  tlsCertPem: string | undefined;
  /** entityID of the called service: the token's audience must be this. */
  audience: string;
  /** The platform STS's signing certificate and issuer name. */
  sts: { certPem: string; issuer: string };
  now: Date;
}

export type OioidwsCheck = { ok: true; claims: TokenClaims } | { ok: false; fault: Soap12Fault };

/** Clock skew tolerated on timestamps and token validity (WCF's and CXF's default). */
const skewMs = 5 * 60_000;
const addressingHeaders = ['Action', 'MessageID', 'ReplyTo', 'To'] as const;

/**
 * Verifies an OIOIDWS (WS-Security) call to a Støttesystem service, in the order a
 * WS-Security stack does: header present, token signed by our STS, audience, lifetime, bound to
 * the TLS certificate (when the connection has one), message signature by the token's certificate over Body, the WS-Addressing
 * headers and the Timestamp, and a fresh Timestamp. Each refusal says which check failed. The
 * envelope is SOAP 1.2, or SOAP 1.1 where an endpoint also accepts it: Header and Body are read in
 * the envelope's own namespace (the platform core has already checked it is one the endpoint speaks).
 */
export function verifyOioidws(expect: OioidwsExpectations): OioidwsCheck {
  const envelope = (expect.document as { documentElement: XmlNode }).documentElement;
  const soap = envelope.namespaceURI === ns.soap11 ? 'soap11' : 'soap12';
  const header = selectOne(`${soap}:Header`, envelope);
  const security = header && selectOne('wsse:Security', header);
  if (!header || !security)
    return fail(
      'oioidws.no-security',
      'wsse:InvalidSecurity',
      'The request has no wsse:Security header; Støttesystem services need an OIOIDWS request with the STS token (SF1514)',
    );
  const assertion = selectOne('saml:Assertion', security);
  if (!assertion)
    return fail(
      'oioidws.no-token',
      'wsse:InvalidSecurityToken',
      'The wsse:Security header holds no SAML 2.0 assertion; get one from the STS and put it in the header',
    );
  const timestamp = selectOne('wsu:Timestamp', security);
  const signature = selectOne('ds:Signature', security);
  if (!timestamp || !signature)
    return fail(
      'oioidws.unsigned',
      'wsse:InvalidSecurity',
      'The wsse:Security header needs a Timestamp and a signature made with the key of the certificate the token is bound to',
    );

  const assertionId = assertion.getAttribute('ID') ?? '';
  const tokenSignature = selectOne('ds:Signature', assertion);
  const tokenCheck = tokenSignature && verifySignature(tokenSignature, expect.sts.certPem);
  if (!tokenCheck || !tokenCheck.ok || !tokenCheck.signedIds.has(assertionId)) {
    const why = tokenCheck && !tokenCheck.ok ? `: ${tokenCheck.reason}` : '';
    return fail(
      'oioidws.token-signature',
      'wsse:InvalidSecurityToken',
      `The SAML assertion is not signed by the platform STS${why}; use a token exactly as the STS issued it`,
    );
  }
  if (textOf('saml:Issuer', assertion) !== expect.sts.issuer)
    return fail('oioidws.token-issuer', 'wsse:InvalidSecurityToken', `The token issuer must be ${expect.sts.issuer}`);
  const audience = textOf('saml:Conditions/saml:AudienceRestriction/saml:Audience', assertion) ?? '';
  if (audience !== expect.audience) {
    return fail(
      'oioidws.audience',
      'wsse:InvalidSecurityToken',
      `The token is for ${audience || '(no audience)'}, this service is ${expect.audience}; ask the STS for a token with AppliesTo ${expect.audience}`,
    );
  }
  const conditions = selectOne('saml:Conditions', assertion)!;
  const notBefore = Date.parse(conditions.getAttribute('NotBefore') ?? '');
  const notOnOrAfter = Date.parse(conditions.getAttribute('NotOnOrAfter') ?? '');
  const now = expect.now.getTime();
  if (!(notBefore - skewMs <= now && now < notOnOrAfter + skewMs)) {
    return fail(
      'oioidws.token-expired',
      'wsse:InvalidSecurityToken',
      `The token is valid from ${new Date(notBefore).toISOString()} to ${new Date(notOnOrAfter).toISOString()}, not now (${expect.now.toISOString()}); get a new token from the STS`,
    );
  }
  const holderCert = textOf(
    'saml:Subject/saml:SubjectConfirmation/saml:SubjectConfirmationData/ds:KeyInfo/ds:X509Data/ds:X509Certificate',
    assertion,
  );
  if (!holderCert)
    return fail(
      'oioidws.holder-of-key',
      'wsse:InvalidSecurityToken',
      'The token names no certificate in its SubjectConfirmationData; use a holder-of-key token exactly as the STS issued it',
    );
  if (expect.tlsCertPem !== undefined && !sameCertificate(holderCert, expect.tlsCertPem)) {
    return fail(
      'oioidws.holder-of-key',
      'wsse:InvalidSecurityToken',
      'The token is bound to another certificate than the one of this TLS connection; call with the certificate the token was issued to',
    );
  }

  const keyRef = textOf('ds:KeyInfo/wsse:SecurityTokenReference/wsse:KeyIdentifier', signature);
  if (keyRef !== assertionId)
    return fail(
      'oioidws.key-reference',
      'wsse:InvalidSecurity',
      'The message signature must name the SAML assertion in KeyInfo/SecurityTokenReference/KeyIdentifier (ValueType #SAMLID)',
    );
  const messageCheck = verifySignature(signature, certificatePem(holderCert));
  if (!messageCheck.ok)
    return fail(
      'oioidws.signature-invalid',
      'wsse:FailedCheck',
      `The message signature does not verify with the token's certificate: ${messageCheck.reason}`,
    );
  const parts: [string, XmlNode | undefined][] = [
    ['Body', selectOne(`${soap}:Body`, envelope)],
    ['Timestamp', timestamp],
    ...addressingHeaders.map(
      (name) => [`wsa:${name}`, selectOne(`wsa:${name}`, header)] as [string, XmlNode | undefined],
    ),
  ];
  for (const [name, node] of parts) {
    if (!node)
      return fail(
        'oioidws.addressing',
        'wsse:InvalidSecurity',
        `The ${name} header is required (WS-Addressing is mandatory in the OIOIDWS policy)`,
      );
    const id = idOf(node);
    if (!id || !messageCheck.signedIds.has(id))
      return fail('oioidws.part-unsigned', 'wsse:FailedCheck', `The ${name} must be covered by the message signature`);
  }
  if (selectAll('wsse:Security', header).length > 1)
    return fail('oioidws.security-twice', 'wsse:InvalidSecurity', 'Only one wsse:Security header is allowed');

  const created = Date.parse(textOf('wsu:Created', timestamp) ?? '');
  const expires = Date.parse(textOf('wsu:Expires', timestamp) ?? '');
  if (Number.isNaN(created) || Number.isNaN(expires) || created > now + skewMs || expires <= now) {
    return fail(
      'oioidws.message-expired',
      'wsse:MessageExpired',
      `The message Timestamp (${textOf('wsu:Created', timestamp)} to ${textOf('wsu:Expires', timestamp)}) is not valid now (${expect.now.toISOString()})`,
    );
  }
  return {
    ok: true,
    claims: {
      assertionId,
      cvr:
        textOf(`saml:AttributeStatement/saml:Attribute[@Name='${uri.cvrClaim}']/saml:AttributeValue`, assertion) ?? '',
      subject: textOf('saml:Subject/saml:NameID', assertion) ?? '',
      audience,
      notOnOrAfter: new Date(notOnOrAfter),
      action: textOf('wsa:Action', header) ?? '',
      holderCertPem: certificatePem(holderCert),
    },
  };
}

function fail(code: string, subcode: string, reason: string): OioidwsCheck {
  return { ok: false, fault: senderFault(code, subcode, reason) };
}
