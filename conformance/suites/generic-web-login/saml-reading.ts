import { createPublicKey, createVerify } from 'node:crypto';
import { inflateRawSync } from 'node:zlib';
import { DOMParser, type Element } from '@xmldom/xmldom';

/**
 * The suite's own reading of what the system sends through the browser (SAML 2.0 HTTP-Redirect
 * binding) and of what the IdP posts back: independent of the platform's code, as every check is.
 */

export const SAMLP = 'urn:oasis:names:tc:SAML:2.0:protocol';
export const SAML = 'urn:oasis:names:tc:SAML:2.0:assertion';

/** A message carried in a Redirect-binding URL. */
export interface RedirectRead {
  endpoint: string;
  xml: string;
  relayState?: string;
  sigAlg?: string;
  signature?: string;
  signedOctets: string;
}

/** The SAMLRequest or SAMLResponse of a Redirect-binding URL, or why it cannot be read. */
export function readRedirectUrl(url: string, kind: 'SAMLRequest' | 'SAMLResponse'): RedirectRead | string {
  const u = new URL(url);
  const raw = new Map<string, string>();
  for (const part of u.search.slice(1).split('&')) {
    const at = part.indexOf('=');
    if (at > 0) raw.set(part.slice(0, at), part.slice(at + 1));
  }
  const value = raw.get(kind);
  if (value === undefined) return `the address ${u.origin}${u.pathname} carries no ${kind}`;
  const decode = (v: string) => decodeURIComponent(v.replace(/\+/g, ' '));
  let xml: string;
  try {
    xml = inflateRawSync(Buffer.from(decode(value), 'base64')).toString('utf8');
  } catch {
    return `${kind} is not base64-encoded DEFLATE, as the HTTP-Redirect binding carries a message (saml-bindings §3.4.4.1)`;
  }
  return {
    endpoint: `${u.origin}${u.pathname}`,
    xml,
    ...(raw.has('RelayState') && { relayState: decode(raw.get('RelayState')!) }),
    ...(raw.has('SigAlg') && { sigAlg: decode(raw.get('SigAlg')!) }),
    ...(raw.has('Signature') && { signature: decode(raw.get('Signature')!) }),
    signedOctets: [kind, 'RelayState', 'SigAlg']
      .filter((k) => raw.has(k))
      .map((k) => `${k}=${raw.get(k)}`)
      .join('&'),
  };
}

const HASHES: Record<string, string> = {
  'http://www.w3.org/2001/04/xmldsig-more#rsa-sha256': 'sha256',
  'http://www.w3.org/2000/09/xmldsig#rsa-sha1': 'sha1',
};

/** Why the Redirect binding's signature does not hold with this certificate (or public key, PEM); undefined when it does. */
export function redirectSignatureProblem(read: RedirectRead, certPem: string): string | undefined {
  if (!read.signature || !read.sigAlg) return 'it carries no SigAlg and Signature: it is not signed';
  const hash = HASHES[read.sigAlg];
  if (!hash) return `SigAlg ${read.sigAlg} is not RSA-SHA256 (or RSA-SHA1)`;
  const ok = createVerify(hash)
    .update(read.signedOctets)
    .verify(createPublicKey(certPem), Buffer.from(read.signature, 'base64'));
  return ok ? undefined : "the signature does not verify with the system's certificate";
}

/** The fields of a SAML protocol message a check reads. */
export interface MessageFields {
  name: string;
  namespace: string;
  attributes: Record<string, string>;
  issuer?: string;
  nameId?: string;
  sessionIndex?: string;
  statusCodes: string[];
}

/** Reads a SAML message's root and the children the checks need; a string says why it cannot. */
export function messageFields(xml: string): MessageFields | string {
  if (/<!DOCTYPE/i.test(xml)) return 'the message has a DOCTYPE';
  let root: Element | null = null;
  try {
    root = new DOMParser({ onError: () => undefined }).parseFromString(xml, 'text/xml').documentElement;
  } catch {
    root = null;
  }
  if (!root) return 'the message is not well-formed XML';
  const first = (ns: string, local: string) => root!.getElementsByTagNameNS(ns, local)[0]?.textContent?.trim();
  const attributes: Record<string, string> = {};
  for (const a of Array.from(root.attributes)) attributes[a.name] = a.value;
  const issuer = first(SAML, 'Issuer');
  const nameId = first(SAML, 'NameID');
  const sessionIndex = first(SAMLP, 'SessionIndex');
  return {
    name: root.localName ?? '',
    namespace: root.namespaceURI ?? '',
    attributes,
    ...(issuer && { issuer }),
    ...(nameId && { nameId }),
    ...(sessionIndex && { sessionIndex }),
    statusCodes: Array.from(root.getElementsByTagNameNS(SAMLP, 'StatusCode')).map(
      (s) => s.getAttribute('Value')?.split(':').pop() ?? '',
    ),
  };
}

const unescape = (s: string) =>
  s
    .replace(/&quot;/g, '"')
    .replace(/&lt;/g, '<')
    .replace(/&gt;/g, '>')
    .replace(/&#39;/g, "'")
    .replace(/&amp;/g, '&');

/** The HTTP-POST binding's form on a page: where it posts and its hidden fields. */
export function postFormOf(html: string): { action: string; fields: Record<string, string> } | undefined {
  const action = /<form[^>]*action="([^"]+)"/i.exec(html)?.[1];
  if (!action) return undefined;
  const fields: Record<string, string> = {};
  for (const m of html.matchAll(/<input[^>]*name="([^"]+)"[^>]*value="([^"]*)"/gi))
    fields[unescape(m[1]!)] = unescape(m[2]!);
  return { action: unescape(action), fields };
}
