import type { IncomingHttpHeaders } from 'node:http';
import type { SoapVersion } from '../service-handler.ts';

export interface SoapHttpInfo {
  /** The SOAP version the content type says; undefined for anything else. */
  version: SoapVersion | undefined;
  mediaType: string;
  /** SOAPAction header (1.1) or the action parameter (1.2), without quotes. */
  soapAction: string | undefined;
}

/** Trimmed, without one pair of enclosing quotes; as `replace(/^"(.*)"$/, '$1')` (no line terminator inside), without a regex per request. */
function unquote(value: string): string {
  const s = value.trim();
  if (s.length < 2 || s.charCodeAt(0) !== 34 || s.charCodeAt(s.length - 1) !== 34) return s;
  const inner = s.slice(1, -1);
  return /[\n\r\u2028\u2029]/.test(inner) ? s : inner;
}

/**
 * The raw value of the Content-Type's `action` parameter from `from` on (after the media type's ';'):
 * a ';' inside a quoted value does not end a parameter (RFC 9110 §5.6.6), so an action URI holding
 * one is read whole and an `action=` inside another parameter's quoted value is not taken for it.
 * A value whose quote is never closed runs to the end (the header is malformed either way).
 */
function actionParameter(contentType: string, from: number): string | undefined {
  if (from <= 0) return undefined;
  let start = from;
  let quoted = false;
  for (let k = from; k <= contentType.length; k++) {
    const c = contentType.charCodeAt(k);
    if (k < contentType.length && (quoted || c !== 59)) {
      // A quoted-string is a whole value, opened right after '='; inside it '\\' escapes the next character.
      if (quoted && c === 92) k++;
      else if (c === 34 && (quoted || contentType.charCodeAt(k - 1) === 61)) quoted = !quoted;
      continue;
    }
    const p = contentType.slice(start, k).trim();
    if (p.length >= 7 && p.slice(0, 7).toLowerCase() === 'action=') return p.slice(7);
    start = k + 1;
  }
  return undefined;
}

/**
 * SOAP 1.1 travels as text/xml with a SOAPAction header; SOAP 1.2 as application/soap+xml with
 * an optional action parameter (SOAP 1.2 part 2 §7.1.4, RFC 3902).
 *
 * A request with no Content-Type at all is read as text/xml when the endpoint speaks SOAP 1.1
 * (`acceptsSoap11`): a municipal client library used against KOMBIT's test and production
 * platforms for years sends neither Content-Type nor SOAPAction (issue 10), and HTTP lets a
 * receiver guess a missing media type (RFC 9110 §8.3). A Content-Type that names something else
 * is still refused: that is a client saying it sends something that is not SOAP.
 *
 * The SOAPAction is optional here, as for the real platform's clients: the operation is known
 * from the request element; when a client does send an action, a handler may refuse one that
 * names another operation (SF1520's PersonLookup does).
 */
export function soapHttpInfo(headers: IncomingHttpHeaders, acceptsSoap11 = false): SoapHttpInfo {
  const given = headers['content-type'];
  const contentType = given === undefined && acceptsSoap11 ? 'text/xml' : (given ?? '');
  const semicolon = contentType.indexOf(';');
  const mediaType = (semicolon < 0 ? contentType : contentType.slice(0, semicolon)).trim().toLowerCase();
  if (mediaType === 'text/xml') {
    const header = headers.soapaction;
    return { version: '1.1', mediaType, soapAction: typeof header === 'string' ? unquote(header) : undefined };
  }
  if (mediaType === 'application/soap+xml') {
    const action = actionParameter(contentType, semicolon + 1);
    return { version: '1.2', mediaType, soapAction: action === undefined ? undefined : unquote(action) };
  }
  return { version: undefined, mediaType, soapAction: undefined };
}
