import { ns, parseXml, selectOne, serializeXml, textOf } from '../../wire/index.ts';

/** A SAML 2.0 holder-of-key assertion as issued by the STS, with what a caller needs to use it. */
export interface IssuedToken {
  /** The saml:Assertion element, serialised; put it as is into an OIOIDWS Security header. */
  assertionXml: string;
  assertionId: string;
  audience: string;
  notBefore: Date;
  notOnOrAfter: Date;
}

/** A SOAP fault the STS answered with. */
export interface StsFault {
  code: string;
  subcode?: string;
  reason: string;
}

export type IssueResult = { ok: true; token: IssuedToken } | { ok: false; fault: StsFault };

/** Reads a WS-Trust RSTR (SOAP 1.2) or the SOAP fault the STS answered instead. */
export function parseIssueResponse(xml: string): IssueResult {
  const doc = parseXml(xml);
  const fault = selectOne('/soap12:Envelope/soap12:Body/soap12:Fault', doc);
  if (fault) {
    const subcode = textOf('soap12:Code/soap12:Subcode/soap12:Value', fault);
    return {
      ok: false,
      fault: {
        code: textOf('soap12:Code/soap12:Value', fault) ?? '',
        ...(subcode ? { subcode } : {}),
        reason: textOf('soap12:Reason/soap12:Text', fault) ?? '',
      },
    };
  }
  const assertion = selectOne('//wst:RequestedSecurityToken/saml:Assertion', doc);
  if (!assertion) throw new TypeError('The STS answer holds neither a RequestedSecurityToken/Assertion nor a fault');
  return { ok: true, token: tokenFromAssertion(serializeXml(assertion)) };
}

/** Reads the REST WS-Trust JSON answer; its `RequestedSecurityToken.Assertion` is base64 XML. */
export function parseRestIssueResponse(json: unknown): IssuedToken {
  const encoded = (json as { RequestedSecurityToken?: { Assertion?: unknown } })?.RequestedSecurityToken?.Assertion;
  if (typeof encoded !== 'string') throw new TypeError('The STS answer has no RequestedSecurityToken.Assertion');
  const xml = encoded.trimStart().startsWith('<') ? encoded : Buffer.from(encoded, 'base64').toString('utf8');
  return tokenFromAssertion(xml);
}

/** The facts of a serialised saml:Assertion: ID, audience and validity. */
export function tokenFromAssertion(assertionXml: string): IssuedToken {
  const assertion = parseXml(assertionXml).documentElement!;
  if (assertion.localName !== 'Assertion' || assertion.namespaceURI !== ns.saml) {
    throw new TypeError('Expected a SAML 2.0 Assertion element');
  }
  const conditions = selectOne('saml:Conditions', assertion);
  return {
    assertionXml,
    assertionId: assertion.getAttribute('ID') ?? '',
    audience: textOf('saml:Conditions/saml:AudienceRestriction/saml:Audience', assertion) ?? '',
    notBefore: new Date(conditions?.getAttribute('NotBefore') ?? NaN),
    notOnOrAfter: new Date(conditions?.getAttribute('NotOnOrAfter') ?? NaN),
  };
}
