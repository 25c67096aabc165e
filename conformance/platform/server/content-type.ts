import type { IncomingHttpHeaders } from 'node:http';
import type { SoapVersion } from '../service-handler.ts';

export interface SoapHttpInfo {
  /** The SOAP version the content type says; undefined for anything else. */
  version: SoapVersion | undefined;
  mediaType: string;
  /** SOAPAction header (1.1) or the action parameter (1.2), without quotes. */
  soapAction: string | undefined;
}

const unquote = (s: string) => s.trim().replace(/^"(.*)"$/, '$1');

/**
 * SOAP 1.1 travels as text/xml with a SOAPAction header; SOAP 1.2 as application/soap+xml with
 * an optional action parameter (SOAP 1.2 part 2 §7.1.4, RFC 3902).
 */
export function soapHttpInfo(headers: IncomingHttpHeaders): SoapHttpInfo {
  const contentType = headers['content-type'] ?? '';
  const [media = '', ...params] = contentType.split(';');
  const mediaType = media.trim().toLowerCase();
  if (mediaType === 'text/xml') {
    const header = headers.soapaction;
    return { version: '1.1', mediaType, soapAction: typeof header === 'string' ? unquote(header) : undefined };
  }
  if (mediaType === 'application/soap+xml') {
    const action = params.map((p) => p.trim()).find((p) => p.toLowerCase().startsWith('action='));
    return { version: '1.2', mediaType, soapAction: action ? unquote(action.slice(7)) : undefined };
  }
  return { version: undefined, mediaType, soapAction: undefined };
}
