import type { Element } from '@xmldom/xmldom';
import { parseSafeXml } from '../../server/safe-xml.ts';
import { SAML, SAMLP } from './saml-messages.ts';

/** A SAML request as the Context Handler reads it from the Redirect binding. */
export interface SamlRequest {
  kind: 'AuthnRequest' | 'LogoutRequest';
  version?: string;
  id?: string;
  issuer?: string;
  issueInstant?: string;
  destination?: string;
  assertionConsumerServiceUrl?: string;
  nameId?: string;
  sessionIndex?: string;
}

const child = (parent: Element, ns: string, local: string) =>
  Array.from(parent.childNodes).find(
    (n): n is Element => n.nodeType === 1 && (n as Element).namespaceURI === ns && (n as Element).localName === local,
  );

/** Reads an AuthnRequest or LogoutRequest (no DOCTYPE, no entities); a string says why it is none. */
export function readRequest(xml: string): SamlRequest | string {
  const parsed = parseSafeXml(xml, { maxDepth: 32, maxNodes: 2000 });
  if ('problem' in parsed) return `the SAMLRequest is not well-formed XML (${parsed.problem})`;
  const root = parsed.document.documentElement!;
  if (root.namespaceURI !== SAMLP || (root.localName !== 'AuthnRequest' && root.localName !== 'LogoutRequest'))
    return `the SAMLRequest is a {${root.namespaceURI ?? ''}}${root.localName}, not a SAML 2.0 AuthnRequest or LogoutRequest`;
  const attr = (name: string) => root.getAttribute(name) || undefined;
  const text = (ns: string, local: string) => child(root, ns, local)?.textContent?.trim() || undefined;
  return {
    kind: root.localName,
    ...(attr('Version') && { version: attr('Version') }),
    ...(attr('ID') && { id: attr('ID') }),
    ...(text(SAML, 'Issuer') && { issuer: text(SAML, 'Issuer') }),
    ...(attr('IssueInstant') && { issueInstant: attr('IssueInstant') }),
    ...(attr('Destination') && { destination: attr('Destination') }),
    ...(attr('AssertionConsumerServiceURL') && { assertionConsumerServiceUrl: attr('AssertionConsumerServiceURL') }),
    ...(text(SAML, 'NameID') && { nameId: text(SAML, 'NameID') }),
    ...(text(SAMLP, 'SessionIndex') && { sessionIndex: text(SAMLP, 'SessionIndex') }),
  };
}

const xsId = /^[A-Za-z_][\w.-]*$/;
const utcDateTime = /^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}(\.\d+)?Z$/;

/**
 * What SAML core and bindings require of a request the IdP is to act on, beyond its signature:
 * Version 2.0, an ID that is an xs:ID, an IssueInstant in UTC within five minutes of now (klarmeld's allowance for clock skew; the
 * sources give none), a Destination that is the location it was sent to (bindings §3.4.5.2: a
 * signed message must carry it), and an AssertionConsumerServiceURL, when given, that is the one
 * registered for the service provider (profiles §4.1.4.1).
 */
export function requestProblems(
  request: SamlRequest,
  expected: { destination: string; assertionConsumerService?: string; now: Date },
): string[] {
  const problems: string[] = [];
  if (request.version !== '2.0')
    problems.push(`Version is ${request.version ?? 'missing'}; SAML 2.0 requests say "2.0"`);
  if (!request.id) problems.push('the request has no ID');
  else if (!xsId.test(request.id))
    problems.push(`ID ${request.id} is not an xs:ID (a name: a letter or _ first, no spaces or colons)`);
  // Date.parse reads many formats; SAML core §1.3.3 allows xs:dateTime in UTC only.
  const instant =
    request.issueInstant && utcDateTime.test(request.issueInstant) ? Date.parse(request.issueInstant) : NaN;
  if (Number.isNaN(instant))
    problems.push(
      `IssueInstant is ${request.issueInstant ?? 'missing'}; SAML wants an xs:dateTime in UTC (2026-12-02T15:13:25Z)`,
    );
  else if (Math.abs(instant - expected.now.getTime()) > 5 * 60_000)
    problems.push(
      `IssueInstant ${request.issueInstant} is more than five minutes from the IdP's clock (${expected.now.toISOString()})`,
    );
  if (request.destination !== expected.destination)
    problems.push(
      `Destination is ${request.destination ?? 'missing'}; a signed request names where it is sent: ${expected.destination}`,
    );
  if (
    request.kind === 'AuthnRequest' &&
    request.assertionConsumerServiceUrl !== undefined &&
    request.assertionConsumerServiceUrl !== expected.assertionConsumerService
  )
    problems.push(
      `AssertionConsumerServiceURL ${request.assertionConsumerServiceUrl} is not the one registered for the service provider (${expected.assertionConsumerService})`,
    );
  if (request.kind === 'LogoutRequest' && (!request.nameId || !request.sessionIndex))
    problems.push('the LogoutRequest names no NameID and SessionIndex of the session to end');
  return problems;
}
