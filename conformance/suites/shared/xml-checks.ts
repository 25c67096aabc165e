import { parseXml, selectAll, selectOne, textOf, type XmlNode } from '../../clients/index.ts';

/**
 * Small readings of recorded SOAP messages that several suites share. They take the XML text
 * the platform recorded and answer in terms a supplier understands.
 */
export const namespaces = {
  soap11: 'http://schemas.xmlsoap.org/soap/envelope/',
  soap12: 'http://www.w3.org/2003/05/soap-envelope',
  invocationContext: 'http://serviceplatformen.dk/xml/schemas/InvocationContext/1/',
  sagdok: 'urn:oio:sagdok:3.0.0',
  sts: 'urn:oio:sts:1.0.0',
  kuvert: 'urn:oio:besked:kuvert:1.0',
  saml: 'urn:oasis:names:tc:SAML:2.0:assertion',
  wsa: 'http://www.w3.org/2005/08/addressing',
} as const;

const UUID = /\b[0-9a-fA-F]{8}-[0-9a-fA-F]{4}-[0-9a-fA-F]{4}-[0-9a-fA-F]{4}-[0-9a-fA-F]{12}\b/g;

/** Tries to parse; undefined for text that is not XML (a recorded body may be anything). */
export function tryParse(xml: string | undefined): ReturnType<typeof parseXml> | undefined {
  if (!xml) return undefined;
  try {
    return parseXml(xml);
  } catch {
    return undefined;
  }
}

/** The SOAP version of an envelope: its namespace decides, whatever the content type says. */
export function soapVersionOf(xml: string | undefined): '1.1' | '1.2' | undefined {
  const root = tryParse(xml)?.documentElement;
  if (root?.localName !== 'Envelope') return undefined;
  if (root.namespaceURI === namespaces.soap11) return '1.1';
  if (root.namespaceURI === namespaces.soap12) return '1.2';
  return undefined;
}

/** Elements by namespace and local name anywhere in the document. */
export function elements(xml: string | undefined, namespace: string, localName: string): XmlNode[] {
  const doc = tryParse(xml);
  if (!doc) return [];
  return selectAll(`//*[local-name()='${localName}' and namespace-uri()='${namespace}']`, doc);
}

/** The InvocationContext's fields, and where it sits (inside the Body, as the contract requires, or not). */
export function invocationContextOf(
  xml: string | undefined,
): { fields: Record<string, string>; inBody: boolean } | undefined {
  const [context] = elements(xml, namespaces.invocationContext, 'InvocationContext');
  if (!context) return undefined;
  const fields: Record<string, string> = {};
  for (const child of selectAll('*', context)) fields[child.localName ?? ''] = (child.textContent ?? '').trim();
  const inBody = Boolean(selectOne(`ancestor::*[local-name()='Body']`, context));
  return { fields, inBody };
}

/**
 * UUIDs in the SOAP Body (not the security header: signatures and tokens carry their own ids)
 * that contain upper-case letters; undefined when there is no SOAP Body to look in (no text,
 * not XML, or not an envelope with a Body), which is not the same as "none".
 */
export function upperCaseUuidsInBody(xml: string | undefined): string[] | undefined {
  const doc = tryParse(xml);
  const body = doc && selectOne(`/*[local-name()='Envelope']/*[local-name()='Body']`, doc);
  if (!body) return undefined;
  return [...new Set([...serializeText(body).matchAll(UUID)].map((m) => m[0]).filter((u) => u !== u.toLowerCase()))];
}

function serializeText(node: XmlNode): string {
  // Attribute values and text both count: UUIDs travel in either.
  const parts: string[] = [];
  const walk = (current: XmlNode) => {
    for (const attribute of Array.from(current.attributes ?? [])) parts.push(attribute.value);
    for (const child of Array.from(current.childNodes ?? [])) {
      if (child.nodeType === 1) walk(child as XmlNode);
      else if (child.nodeType === 3) parts.push(child.nodeValue ?? '');
    }
  };
  walk(node);
  return parts.join(' ');
}

/** StandardRetur/StatusKode of a Støttesystem answer (20 = success). */
export function statusKodeOf(xml: string | undefined): number | undefined {
  const [status] = elements(xml, namespaces.sagdok, 'StatusKode');
  const text = status?.textContent?.trim();
  return text ? Number(text) : undefined;
}

export function fejlbeskedOf(xml: string | undefined): string | undefined {
  return elements(xml, namespaces.sagdok, 'FejlbeskedTekst')[0]?.textContent?.trim() || undefined;
}

/** The SAML assertion ID carried in a request's WS-Security header (OIOIDWS). */
export function assertionIdOf(xml: string | undefined): string | undefined {
  return elements(xml, namespaces.saml, 'Assertion')[0]?.getAttribute('ID') ?? undefined;
}

/** Text of the first element with this namespace and local name. */
export function textIn(xml: string | undefined, namespace: string, localName: string): string | undefined {
  return elements(xml, namespace, localName)[0]?.textContent?.trim();
}

export { textOf };
