import {
  buildIssueRequest,
  parseIssueResponse,
  sameCertificate,
  type IssueResult,
  type IssuedToken,
} from '../../clients/index.ts';
import { EnvironmentError } from '../../framework/index.ts';
import type { SuiteEnvironment } from './environment.ts';
import { callPlatform, serviceUrl } from './platform-call.ts';
import { selectOne } from '../../clients/index.ts';
import { tryParse } from './xml-checks.ts';

/** KOMBIT's STS issues tokens valid for eight hours (facts.md §3.3; the official token examples). */
export const tokenLifetimeSeconds = 8 * 3600;
export const holderOfKeyMethod = 'urn:oasis:names:tc:SAML:2.0:cm:holder-of-key';

/**
 * Asks the STS, as the system (its certificate, signed WS-Trust Issue request), for a token for
 * the service with this entityID. The STS's answer is the token or its fault; an answer that is
 * neither is the environment's problem.
 */
export async function requestToken(env: SuiteEnvironment, entityId: string): Promise<IssueResult> {
  const to = serviceUrl(env, 'sts');
  const body = buildIssueRequest({
    certPem: env.system.certPem,
    keyPem: env.system.keyPem,
    entityId,
    cvr: env.system.municipalityCvr,
    to,
  });
  const reply = await callPlatform(env, 'sts', {
    method: 'POST',
    body,
    headers: { 'content-type': 'application/soap+xml; charset=utf-8' },
  });
  try {
    return parseIssueResponse(reply.body);
  } catch (error) {
    throw new EnvironmentError(
      'sts-answer-unreadable',
      `The STS at ${to} answered HTTP ${reply.status} with neither a token nor a SOAP fault: ${reply.body.slice(0, 200)}`,
      { cause: error },
    );
  }
}

/**
 * What keeps an issued token from being the one KOMBIT's STS issues: an eight-hour lifetime
 * and a holder-of-key confirmation bound to the certificate that asked. Empty when it is right.
 * The lifetime counts from NotBefore, or from IssueInstant for an STS that backdates NotBefore
 * to allow for clock skew; a minute either way is tolerated.
 */
export function holderOfKeyProblems(token: IssuedToken, certPem: string): string[] {
  const assertion = tryParse(token.assertionXml)?.documentElement;
  if (!assertion) return ['the token is not a readable SAML assertion'];
  const problems: string[] = [];
  const until = token.notOnOrAfter.getTime();
  const starts = [token.notBefore.getTime(), Date.parse(assertion.getAttribute('IssueInstant') ?? '')].filter((t) =>
    Number.isFinite(t),
  );
  const hours = starts.map((from) => (until - from) / 3_600_000);
  if (
    !Number.isFinite(until) ||
    !starts.some((from) => Math.abs(until - from - tokenLifetimeSeconds * 1000) <= 60_000)
  ) {
    problems.push(
      `it is valid for ${hours.map((h) => `${h.toFixed(2)} h`).join(' / ') || 'an unknown time'} (Conditions NotBefore/IssueInstant to NotOnOrAfter), not 8 hours`,
    );
  }
  const confirmation = selectOne('saml:Subject/saml:SubjectConfirmation', assertion);
  const method = confirmation?.getAttribute('Method');
  if (method !== holderOfKeyMethod)
    problems.push(`its SubjectConfirmation Method is ${method ?? 'missing'}, not ${holderOfKeyMethod}`);
  const bound =
    confirmation &&
    selectOne('saml:SubjectConfirmationData/ds:KeyInfo/ds:X509Data/ds:X509Certificate', confirmation)?.textContent;
  if (!bound) problems.push('its SubjectConfirmationData carries no certificate, so it is bound to no key');
  else if (!sameCertificate(bound, certPem)) problems.push("it is bound to another certificate than the system's");
  return problems;
}
