import type { Exchange } from './environment.ts';
import { fail } from './steps.ts';
import { assertionIdOf, namespaces, soapVersionOf, textIn, upperCaseUuidsInBody } from './xml-checks.ts';

/**
 * Checks of one recorded request that several suites make in the same words. Each ends the
 * test with `fail` when the system's request is wrong.
 */

/** Every UUID in the request's SOAP Body is lower case; a request without a Body fails, it does not pass on nothing. */
export function expectLowerCaseUuids(exchange: Exchange, rule = ''): void {
  const upper = upperCaseUuidsInBody(exchange.requestBody);
  if (!upper)
    fail(
      'There is no request body to inspect: the platform recorded no SOAP envelope with a Body in the request (empty, not XML, or no soap:Body)',
    );
  if (upper.length > 0)
    fail(`These UUIDs are written with upper-case letters: ${upper.join(', ')}${rule ? `. ${rule}` : ''}`);
}

/** What is wrong with the request's SOAP version (the envelope's namespace) and content type, or undefined. */
export function soapVersionProblem(exchange: Exchange, expected: '1.1' | '1.2'): string | undefined {
  const contentType = expected === '1.1' ? 'text/xml' : 'application/soap+xml';
  const version = soapVersionOf(exchange.requestBody);
  if (version !== expected)
    return `The request was a SOAP ${version ?? 'unknown'} envelope (content type ${exchange.contentType ?? 'none'}), not SOAP ${expected} (${contentType})`;
  if (!exchange.contentType?.startsWith(contentType))
    return `The request had content type ${exchange.contentType ?? 'none'}; SOAP ${expected} uses ${contentType}`;
  return undefined;
}

/** The request carries an OIOIDWS token (SAML assertion) whose audience is the service's entityID. */
export function expectTokenFor(exchange: Exchange, service: { name: string; entityId: string }): void {
  if (!assertionIdOf(exchange.requestBody)) fail('The request carries no SAML assertion in its WS-Security header');
  const audience = textIn(exchange.requestBody, namespaces.saml, 'Audience');
  if (audience !== service.entityId)
    fail(`The token is for ${audience ?? 'no audience'}; ${service.name}'s entityID is ${service.entityId}`);
}
