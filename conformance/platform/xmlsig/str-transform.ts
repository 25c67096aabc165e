import { ExclusiveCanonicalization, type CanonicalizationOrTransformationAlgorithm } from 'xml-crypto';
import type { DomElement } from './id-index.ts';
import { dsigNs, dsigUri } from './xmlsig-uris.ts';

/**
 * The WS-Security STR Dereference Transform (WSS 1.0 SOAP Message Security §8.3) as an xml-crypto
 * transform: the input is a wsse:SecurityTokenReference, the output the exclusive canonical form of
 * the token it names. .NET's and Java's OIOIDWS clients protect the SAML assertion in the
 * Security header this way (KOMBIT's HelloSignRequest example). xml-crypto has no such transform,
 * so the platform registers this one; `tokens` is the verifier's id index of the message.
 */
export function strDereferenceTransform(
  tokens: Map<string, DomElement | null>,
): new () => CanonicalizationOrTransformationAlgorithm {
  return class StrDereferenceTransform implements CanonicalizationOrTransformationAlgorithm {
    includeComments = false;

    process(node: Node): string {
      const reference = node as unknown as DomElement;
      if (reference.localName !== 'SecurityTokenReference' || reference.namespaceURI !== dsigNs.wsse) {
        throw new Error('the STR-Transform reference does not point at a wsse:SecurityTokenReference');
      }
      const id = tokenId(reference);
      const token = id ? tokens.get(id) : undefined;
      if (token === null) throw new Error(`the token ${id} is named by more than one element`);
      if (!token)
        throw new Error(
          `the SecurityTokenReference names no token in the message (${id || 'no KeyIdentifier or Reference'})`,
        );
      const copy = (token as unknown as Node).cloneNode(true);
      return new ExclusiveCanonicalization().process(copy as Element, {}).toString();
    }

    getAlgorithmName(): string {
      return dsigUri.strTransform;
    }
  } as unknown as new () => CanonicalizationOrTransformationAlgorithm;
}

/** The id a SecurityTokenReference names: KeyIdentifier text (SAMLID) or Reference/@URI without '#'. */
function tokenId(reference: DomElement): string | undefined {
  for (let child = reference.firstChild as DomElement | null; child; child = child.nextSibling as DomElement | null) {
    if (child.nodeType !== 1 || child.namespaceURI !== dsigNs.wsse) continue;
    if (child.localName === 'KeyIdentifier') return ((child as unknown as Node).textContent ?? '').trim() || undefined;
    if (child.localName === 'Reference') return (child.getAttribute('URI') ?? '').replace(/^#/, '') || undefined;
  }
  return undefined;
}
