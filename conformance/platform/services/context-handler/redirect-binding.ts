import { createSign, createVerify, type X509Certificate } from 'node:crypto';
import { deflateRawSync, inflateRawSync } from 'node:zlib';

/**
 * The SAML 2.0 HTTP-Redirect binding (saml-bindings-2.0-os §3.4): a protocol message deflated
 * (raw DEFLATE), base64-encoded and URL-encoded into `SAMLRequest` or `SAMLResponse`, with
 * `RelayState`, and, when signed, `SigAlg` and `Signature` over the octets
 * `SAMLRequest=…&RelayState=…&SigAlg=…` exactly as they appear in the URL (§3.4.4.1).
 */

export const sigAlgs = {
  rsaSha256: 'http://www.w3.org/2001/04/xmldsig-more#rsa-sha256',
  rsaSha1: 'http://www.w3.org/2000/09/xmldsig#rsa-sha1',
} as const;

const hashOf: Record<string, string> = { [sigAlgs.rsaSha256]: 'sha256', [sigAlgs.rsaSha1]: 'sha1' };

/** One message as the Redirect binding carries it. */
export interface RedirectMessage {
  kind: 'SAMLRequest' | 'SAMLResponse';
  xml: string;
  relayState?: string;
  sigAlg?: string;
  /** The signature, base64, as sent. */
  signature?: string;
  /** The octets the signature covers, as they appear in the query string. */
  signedOctets?: string;
}

/** Deflated and base64-encoded, as the binding carries a message. */
export const deflateMessage = (xml: string) => deflateRawSync(Buffer.from(xml, 'utf8')).toString('base64');

/**
 * Reads a Redirect-binding query string (without `?`). Undefined when it carries no SAML message;
 * throws when the message cannot be decoded (not base64 or not DEFLATE).
 */
export function readRedirect(query: string): RedirectMessage | undefined {
  const raw = new Map<string, string>();
  for (const part of query.split('&')) {
    const at = part.indexOf('=');
    if (at > 0) raw.set(part.slice(0, at), part.slice(at + 1));
  }
  const kind = raw.has('SAMLRequest') ? 'SAMLRequest' : raw.has('SAMLResponse') ? 'SAMLResponse' : undefined;
  if (kind === undefined) return undefined;
  const decode = (v: string) => decodeURIComponent(v.replace(/\+/g, ' '));
  const xml = inflateRawSync(Buffer.from(decode(raw.get(kind)!), 'base64'), { maxOutputLength: 1 << 20 }).toString(
    'utf8',
  );
  const signed = [kind, 'RelayState', 'SigAlg'].filter((k) => raw.has(k)).map((k) => `${k}=${raw.get(k)}`);
  return {
    kind,
    xml,
    ...(raw.has('RelayState') && { relayState: decode(raw.get('RelayState')!) }),
    ...(raw.has('SigAlg') && { sigAlg: decode(raw.get('SigAlg')!) }),
    ...(raw.has('Signature') && { signature: decode(raw.get('Signature')!), signedOctets: signed.join('&') }),
  };
}

/** Why a Redirect-binding signature does not hold with this certificate, or undefined when it does. */
export function redirectSignatureProblem(message: RedirectMessage, certificate: X509Certificate): string | undefined {
  if (message.signature === undefined || message.sigAlg === undefined)
    return 'the message carries no Signature and SigAlg (the Redirect binding signs the query string, §3.4.4.1)';
  const hash = hashOf[message.sigAlg];
  if (hash === undefined) return `SigAlg ${message.sigAlg} is not RSA-SHA256 or RSA-SHA1`;
  const ok = createVerify(hash)
    .update(message.signedOctets ?? '')
    .verify(certificate.publicKey, Buffer.from(message.signature, 'base64'));
  return ok ? undefined : "the signature does not verify with the it-system's registered certificate";
}

/** A Redirect-binding URL for a message, signed with RSA-SHA256 when a key is given. */
export function redirectUrl(
  location: string,
  message: { kind: 'SAMLRequest' | 'SAMLResponse'; xml: string; relayState?: string },
  keyPem?: string,
): string {
  const parts = [`${message.kind}=${encodeURIComponent(deflateMessage(message.xml))}`];
  if (message.relayState !== undefined) parts.push(`RelayState=${encodeURIComponent(message.relayState)}`);
  if (keyPem !== undefined) {
    parts.push(`SigAlg=${encodeURIComponent(sigAlgs.rsaSha256)}`);
    const signature = createSign('sha256').update(parts.join('&')).sign(keyPem, 'base64');
    parts.push(`Signature=${encodeURIComponent(signature)}`);
  }
  return `${location}${location.includes('?') ? '&' : '?'}${parts.join('&')}`;
}
