import { verifySignature as verifyWithPlatformXmlsig, type SignatureCheck } from '../xmlsig/index.ts';
import type { XmlNode } from '../../wire/index.ts';

export type { SignatureCheck };

/**
 * Verifies one ds:Signature of a message against a known certificate (never against a key the
 * signature itself names), and returns the ids of the elements it covers, so the caller can
 * insist that the parts it relies on were signed. Tokens signed with the WS-Security STR
 * Dereference Transform (as .NET and Java OIOIDWS clients sign the SAML token) are accepted.
 * The check is the platform's own (`../xmlsig/`), not the clients' signer's.
 */
export function verifySignature(signature: XmlNode, certPem: string): SignatureCheck {
  return verifyWithPlatformXmlsig(signature, certPem);
}
