import type { DomElement } from './id-index.ts';
import { acceptedDigestMethods, acceptedSignatureMethods, dsigNs, dsigUri } from './xmlsig-uris.ts';

/** Element children of a node with this local name (in the XML-DSig namespace unless told). */
export function childElements(node: DomElement, localName: string, namespace: string = dsigNs.ds): DomElement[] {
  const found: DomElement[] = [];
  for (let child = node.firstChild as DomElement | null; child; child = child.nextSibling as DomElement | null) {
    if (child.nodeType === 1 && child.localName === localName && child.namespaceURI === namespace) found.push(child);
  }
  return found;
}

/**
 * What the platform accepts before any cryptography, as the OIO WS-Trust and OIOIDWS profiles
 * (and KOMBIT's own messages) sign: one SignedInfo, exclusive canonicalisation, RSA-SHA256/512,
 * SHA-256/512 digests, same-document `#Id` references whose transforms are exclusive c14n (after
 * enveloped-signature for a signature inside what it signs) or the STR Dereference Transform with
 * exclusive c14n. Returns why a signature falls outside that, or undefined when it does not. A
 * library accepts more (SHA-1, inclusive c14n, XPath transforms); the platform refuses those with
 * a reason rather than leave them to the library's defaults.
 */
export function signaturePolicyProblem(signature: DomElement): string | undefined {
  if (signature.localName !== 'Signature' || signature.namespaceURI !== dsigNs.ds)
    return 'expected a ds:Signature element';
  const [signedInfo, more] = childElements(signature, 'SignedInfo');
  if (!signedInfo || more) return 'the Signature needs exactly one SignedInfo';
  const c14n = childElements(signedInfo, 'CanonicalizationMethod');
  if (c14n.length !== 1 || c14n[0]!.getAttribute('Algorithm') !== dsigUri.excC14n) {
    return `SignedInfo must use exclusive canonicalisation (${dsigUri.excC14n})`;
  }
  const method = childElements(signedInfo, 'SignatureMethod')[0]?.getAttribute('Algorithm') ?? '';
  if (!acceptedSignatureMethods.includes(method))
    return `the signature method ${method || '(none)'} is not accepted; use RSA-SHA256`;
  const references = childElements(signedInfo, 'Reference');
  if (references.length === 0) return 'the signature has no references';
  for (const reference of references) {
    const target = reference.getAttribute('URI') ?? '';
    if (!/^#[^#'"]+$/.test(target)) return `reference ${target || '(empty)'} is not a same-document #Id reference`;
    const transformsElements = childElements(reference, 'Transforms');
    if (transformsElements.length > 1) return `reference ${target} has more than one Transforms element`;
    const transforms = transformsElements[0] ? childElements(transformsElements[0], 'Transform') : [];
    const algorithms = transforms.map((t) => t.getAttribute('Algorithm') ?? '');
    if (algorithms.length === 1 && algorithms[0] === dsigUri.strTransform) {
      const parameters = childElements(transforms[0]!, 'TransformationParameters', dsigNs.wsse)[0];
      const inner = parameters && childElements(parameters, 'CanonicalizationMethod')[0]?.getAttribute('Algorithm');
      if (inner !== dsigUri.excC14n)
        return `reference ${target}: the STR-Transform must name exclusive c14n in TransformationParameters`;
    } else {
      const plain = [dsigUri.excC14n];
      const enveloped = [dsigUri.envelopedSignature, dsigUri.excC14n];
      const same = (list: string[]) => list.length === algorithms.length && list.every((a, i) => a === algorithms[i]);
      if (!same(plain) && !same(enveloped)) {
        return `reference ${target} must use the transforms exclusive c14n (after enveloped-signature), not ${algorithms.join(', ') || 'none'}`;
      }
    }
    const digests = childElements(reference, 'DigestMethod');
    const digest = digests[0]?.getAttribute('Algorithm') ?? '';
    if (digests.length !== 1 || !acceptedDigestMethods.includes(digest))
      return `digest method ${digest || '(none)'} is not accepted; use SHA-256`;
    if (childElements(reference, 'DigestValue').length !== 1)
      return `reference ${target} needs exactly one DigestValue`;
  }
  if (childElements(signature, 'SignatureValue').length !== 1) return 'the Signature needs exactly one SignatureValue';
  return undefined;
}
