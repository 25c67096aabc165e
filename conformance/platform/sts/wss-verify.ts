import { ExclusiveCanonicalization, SignedXml } from 'xml-crypto';
import { uri } from '../../clients/tokens/namespaces.ts';
import { selectOne, textOf, type XmlNode } from '../../clients/tokens/xml.ts';

export type SignatureCheck = { ok: true; signedIds: Set<string> } | { ok: false; reason: string };

/**
 * Verifies one ds:Signature of a document against a known certificate (never against a key the
 * signature itself names), and returns the ids of the elements it covers, so the caller can
 * insist that the parts it relies on were signed.
 */
export function verifySignature(xml: string, signature: XmlNode, certPem: string): SignatureCheck {
  const sig = new SignedXml({ publicCert: certPem, getCertFromKeyInfo: () => null });
  sig.CanonicalizationAlgorithms[uri.strTransform] = StrTransform;
  try {
    sig.loadSignature(signature as unknown as Node);
    const method = selectOne('ds:SignedInfo/ds:SignatureMethod', signature)?.getAttribute('Algorithm');
    if (method !== uri.rsaSha256 && method !== 'http://www.w3.org/2001/04/xmldsig-more#rsa-sha512') {
      return { ok: false, reason: `the signature method ${method ?? '(none)'} is not accepted; use RSA-SHA256` };
    }
    if (!sig.checkSignature(xml)) return { ok: false, reason: 'a signed part was changed after signing (digest mismatch)' };
  } catch (error) {
    return { ok: false, reason: (error as Error).message };
  }
  const signedIds = new Set(sig.getReferences().map((ref) => ref.uri.replace(/^#/, '')));
  return { ok: true, signedIds };
}

/**
 * The WS-Security STR Dereference Transform: a reference to a SecurityTokenReference digests
 * the token it points at (here: a SAML assertion named by its ID). .NET and Java OIOIDWS
 * clients sign the token this way.
 */
class StrTransform {
  getAlgorithmName(): string {
    return uri.strTransform;
  }

  process(node: Node): string {
    const id = textOf('wsse:KeyIdentifier', node);
    const doc = (node as unknown as { ownerDocument: unknown }).ownerDocument;
    const token = id ? selectOne(`//saml:Assertion[@ID='${id.replaceAll("'", '')}']`, doc) : undefined;
    if (!token) throw new Error(`the SecurityTokenReference names no token in the message (${id ?? 'no KeyIdentifier'})`);
    return new ExclusiveCanonicalization().process(token as unknown as Element, {}).toString();
  }
}
