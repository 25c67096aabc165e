import { timingSafeEqual } from 'node:crypto';
import { findAncestorNs, SignedXml, type CanonicalizationOrTransformAlgorithmType } from 'xml-crypto';
import { idIndex, positionalPath, type DomElement } from './id-index.ts';
import { childElements, signaturePolicyProblem } from './signature-policy.ts';
import { strDereferenceTransform } from './str-transform.ts';
import { dsigUri } from './xmlsig-uris.ts';

/** A checked signature: the ids of the elements it covers, or why it does not verify. */
export type SignatureCheck = { ok: true; signedIds: Set<string> } | { ok: false; reason: string };

/**
 * Verifies one ds:Signature of a parsed message against a certificate the caller trusts (never a key
 * the signature names itself) and returns the ids of the elements it covers, so the caller can
 * insist that the parts it relies on were signed. Never throws.
 *
 * This is the platform's own check, independent of the clients' signer
 * (`conformance/clients/tokens/xmldsig.ts`), so a bug there cannot be mirrored here: xml-crypto
 * reads SignedInfo and its references, runs each reference's transforms (enveloped-signature,
 * exclusive c14n, and the STR Dereference Transform registered by the platform), digests them and
 * checks the RSA signature of the canonical SignedInfo. The platform adds what xml-crypto leaves to
 * its caller: the algorithm policy (`signature-policy.ts`), and the lookup of referenced elements
 * in one walk of the message, which also refuses an id used twice (signature wrapping).
 * xml-crypto's own `checkSignature` finds each reference with three XPath scans of the whole
 * message, about 70 ms per OIOIDWS call here.
 */
export function verifySignature(signature: unknown, certPem: string): SignatureCheck {
  try {
    const node = signature as DomElement;
    const problem = signaturePolicyProblem(node);
    if (problem) return { ok: false, reason: problem };
    const root = (node.ownerDocument ?? node) as Document;
    const ids = idIndex(root);
    // getCertFromKeyInfo: never take the key from the message; publicCert is the trusted one.
    const verifier = new SignedXml({ publicCert: certPem, getCertFromKeyInfo: () => null });
    verifier.CanonicalizationAlgorithms[dsigUri.strTransform as CanonicalizationOrTransformAlgorithmType] =
      strDereferenceTransform(ids);
    verifier.loadSignature(node as unknown as Node);
    const signedIds = new Set<string>();
    for (const reference of verifier.getReferences()) {
      const id = reference.uri.slice(1);
      const element = ids.get(id);
      if (element === null) return { ok: false, reason: `the Id ${id} is used by more than one element` };
      if (!element) return { ok: false, reason: `no element has the Id ${id}` };
      const canonical = verifier.getCanonXml(reference.transforms, element as unknown as Node, {
        inclusiveNamespacesPrefixList: reference.inclusiveNamespacesPrefixList,
        ancestorNamespaces: findAncestorNs(root, positionalPath(element)),
      });
      const Hash = verifier.HashAlgorithms[reference.digestAlgorithm];
      if (!Hash || !sameBase64(new Hash().getHash(canonical), String(reference.digestValue ?? ''))) {
        return { ok: false, reason: `the element with Id ${id} was changed after signing (digest mismatch)` };
      }
      signedIds.add(id);
    }
    const signedInfo = childElements(node, 'SignedInfo')[0]!;
    const canonicalSignedInfo = verifier.getCanonXml([dsigUri.excC14n], signedInfo as unknown as Node, {
      ancestorNamespaces: findAncestorNs(root, positionalPath(signedInfo)),
    });
    const method = childElements(signedInfo, 'SignatureMethod')[0]!.getAttribute('Algorithm')!;
    const Algorithm = verifier.SignatureAlgorithms[method as keyof typeof verifier.SignatureAlgorithms]!;
    const value = ((childElements(node, 'SignatureValue')[0] as unknown as Node).textContent ?? '').replace(/\s+/g, '');
    if (!new Algorithm().verifySignature(canonicalSignedInfo, certPem, value)) {
      return { ok: false, reason: 'the SignatureValue does not verify with the certificate' };
    }
    return { ok: true, signedIds };
  } catch (error) {
    return { ok: false, reason: (error as Error).message };
  }
}

function sameBase64(a: string, b: string): boolean {
  const x = Buffer.from(a, 'base64');
  const y = Buffer.from(b.replace(/\s+/g, ''), 'base64');
  return x.length === y.length && timingSafeEqual(x, y);
}
