import { DOMParser, XMLSerializer } from '@xmldom/xmldom';
import xpath from 'xpath';
import { ns } from './namespaces.ts';

/** A DOM document of @xmldom/xmldom (the same one xml-crypto uses). */
export type XmlDocument = ReturnType<DOMParser['parseFromString']>;
export type XmlNode = XmlDocument['documentElement'] & {};

/**
 * Parses XML and refuses what a token library must never follow: a DOCTYPE (entity
 * expansion, external entities) or malformed input. Throws a TypeError saying why.
 */
export function parseXml(text: string): XmlDocument {
  if (/<!DOCTYPE/i.test(text)) throw new TypeError('XML with a DOCTYPE is refused (entities are not allowed)');
  const problems: string[] = [];
  const doc = new DOMParser({
    onError: (level, message) => {
      if (level !== 'warning') problems.push(String(message));
    },
  }).parseFromString(text, 'text/xml');
  if (problems.length > 0 || !doc.documentElement) {
    throw new TypeError(`XML is not well formed: ${problems[0] ?? 'no root element'}`);
  }
  return doc;
}

export function serializeXml(node: unknown): string {
  return new XMLSerializer().serializeToString(node as Parameters<XMLSerializer['serializeToString']>[0]);
}

const select = xpath.useNamespaces({ ...ns });

/** Nodes matching an XPath that may use the prefixes of `ns` (soap12, wsse, saml, wst …). */
export function selectAll(expression: string, context: unknown): XmlNode[] {
  const result = select(expression, context as Node);
  return (Array.isArray(result) ? result : []) as unknown as XmlNode[];
}

export function selectOne(expression: string, context: unknown): XmlNode | undefined {
  return selectAll(expression, context)[0];
}

/** Trimmed text of the first match, or undefined. */
export function textOf(expression: string, context: unknown): string | undefined {
  const node = selectOne(expression, context);
  const value = node?.textContent;
  return value == null ? undefined : value.trim();
}

/** The wsu:Id (or plain Id/ID) of an element: the name signature references point at. */
export function idOf(node: XmlNode): string | undefined {
  return node.getAttributeNS(ns.wsu, 'Id') || node.getAttribute('Id') || node.getAttribute('ID') || undefined;
}
