import { ns, parseXml, selectOne, serializeXml, uri } from '../../wire/index.ts';
import { signXml } from './xmldsig.ts';

export interface WssSignOptions {
  /** PEM private key that signs. */
  keyPem: string;
  /** wsu:Id values of the elements to sign (each must already carry that wsu:Id). */
  ids: string[];
  /** Contents of ds:KeyInfo (e.g. a wsse:SecurityTokenReference). */
  keyInfoXml: string;
  /** wsu:Ids of SecurityTokenReferences whose token is signed through the STR Dereference Transform. */
  strIds?: string[];
}

/**
 * Signs the given wsu:Id-carrying elements of a SOAP envelope with RSA-SHA256 and exclusive
 * canonicalisation, and appends the ds:Signature to the wsse:Security header, as the
 * OIO-WST and OIOIDWS profiles and KOMBIT's samples do.
 */
export function signWsSecurity(xml: string, options: WssSignOptions): string {
  const doc = parseXml(xml);
  const security = selectOne('/*/*/wsse:Security', doc);
  if (!security) throw new TypeError('The envelope has no wsse:Security header to put the signature in');
  signXml(doc as never, { ...options, parent: security });
  return serializeXml(doc);
}

/** A wsse:SecurityTokenReference pointing at a BinarySecurityToken in the same header. */
export function bstReference(bstId: string): string {
  return `<wsse:SecurityTokenReference xmlns:wsse="${ns.wsse}"><wsse:Reference URI="#${bstId}" ValueType="${uri.x509v3}"/></wsse:SecurityTokenReference>`;
}

/** A wsse:SecurityTokenReference naming a SAML 2.0 assertion by its ID (OIOIDWS). */
export function samlReference(assertionId: string, strId?: string): string {
  const idAttr = strId ? ` xmlns:wsu="${ns.wsu}" wsu:Id="${strId}"` : '';
  return `<wsse:SecurityTokenReference xmlns:wsse="${ns.wsse}" xmlns:wsse11="${ns.wsse11}" wsse11:TokenType="${uri.samlTokenType}"${idAttr}><wsse:KeyIdentifier ValueType="${uri.samlId}">${assertionId}</wsse:KeyIdentifier></wsse:SecurityTokenReference>`;
}
