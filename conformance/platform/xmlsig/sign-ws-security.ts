import { DOMParser } from '@xmldom/xmldom';
import { SignedXml } from 'xml-crypto';
import { idIndex, positionalPath, type DomElement } from './id-index.ts';
import { dsigNs, dsigUri } from './xmlsig-uris.ts';

export interface WsSecuritySigning {
  keyPem: string;
  /** wsu:Ids of the elements to sign; each must be on exactly one element. */
  ids: string[];
  /** Contents of ds:KeyInfo, e.g. a wsse:SecurityTokenReference. */
  keyInfoXml: string;
  /** Prefixes `keyInfoXml` uses without declaring them, bound where the signature goes (e.g. `{ o: wsse }`). */
  prefixes?: Record<string, string>;
}

/**
 * Signs the given wsu:Id elements of a SOAP envelope (RSA-SHA256, exclusive c14n, SHA-256) and
 * appends the ds:Signature to its wsse:Security header, as KOMBIT's STS and services sign their
 * answers. Done by xml-crypto, not the clients' signer (DESIGN.md §2). The references are located
 * by child position, which xml-crypto evaluates without scanning the whole message.
 */
export function signWsSecurity(xml: string, signing: WsSecuritySigning): string {
  const doc = new DOMParser().parseFromString(xml, 'text/xml');
  const ids = idIndex(doc);
  const security = findSecurity(doc.documentElement as unknown as DomElement);
  if (!security) throw new TypeError('The envelope has no wsse:Security header to put the signature in');
  const signer = new SignedXml({
    privateKey: signing.keyPem,
    signatureAlgorithm: dsigUri.rsaSha256,
    canonicalizationAlgorithm: dsigUri.excC14n,
    idMode: 'wssecurity',
    getKeyInfoContent: () => signing.keyInfoXml,
  });
  for (const id of signing.ids) {
    const element = ids.get(id);
    if (!element) throw new TypeError(`No single element has the wsu:Id ${id}`);
    signer.addReference({
      xpath: positionalPath(element),
      transforms: [dsigUri.excC14n],
      digestAlgorithm: dsigUri.sha256,
    });
  }
  signer.computeSignature(xml, {
    location: { reference: positionalPath(security), action: 'append' },
    existingPrefixes: signing.prefixes ?? {},
  });
  return signer.getSignedXml();
}

/** Envelope/Header/Security, in any SOAP version. */
function findSecurity(envelope: DomElement): DomElement | undefined {
  for (
    let header = envelope.firstChild as DomElement | null;
    header;
    header = header.nextSibling as DomElement | null
  ) {
    if (header.nodeType !== 1 || header.localName !== 'Header') continue;
    for (let child = header.firstChild as DomElement | null; child; child = child.nextSibling as DomElement | null) {
      if (child.nodeType === 1 && child.localName === 'Security' && child.namespaceURI === dsigNs.wsse) return child;
    }
  }
  return undefined;
}

/** KeyInfo content naming the signer's certificate by Subject Key Identifier, with the `o` prefix bound to wsse (KOMBIT's RSTR). */
export function subjectKeyIdentifierReference(ski: string): string {
  return `<o:SecurityTokenReference><o:KeyIdentifier ValueType="${dsigUri.x509SubjectKeyIdentifier}">${ski}</o:KeyIdentifier></o:SecurityTokenReference>`;
}

/** KeyInfo content pointing at a BinarySecurityToken in the same Security header. */
export function binaryTokenReference(bstId: string): string {
  return `<o:SecurityTokenReference xmlns:o="${dsigNs.wsse}"><o:Reference URI="#${bstId}" ValueType="${dsigUri.x509v3}"/></o:SecurityTokenReference>`;
}
