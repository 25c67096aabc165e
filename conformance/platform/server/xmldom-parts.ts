import { createRequire } from 'node:module';
import type { Document } from '@xmldom/xmldom';

/** A node of xmldom's DOM as the fast reader fills it in: plain properties, set as xmldom sets them. */
export type RawNode = Record<string, unknown> & { childNodes: RawList };
export type RawList = Record<number, unknown> & { length: number };

/** The parts of @xmldom/xmldom 0.9 that the fast reader builds its Document from. */
export interface XmldomParts {
  createDocument(): Document;
  /** Prototypes of the node kinds, so nodes are xmldom's own kinds with all their methods. */
  element: object;
  attr: object;
  text: object;
  NamedNodeMap: new () => RawList & { _ownerElement?: unknown; _nsIndex: object; _noNsIndex: object };
  NodeList: new () => RawList;
  normalizeLineEndings(text: string): string;
  PI: RegExp;
  XMLDecl: RegExp;
  xmlNs: string;
  xmlnsNs: string;
}

let loaded: XmldomParts | null | undefined;

/**
 * xmldom's own parts, loaded at the first parse; null with another xmldom layout (DOMParser then
 * parses everything). Node constructors are private in xmldom (a module symbol), so nodes are made
 * from their prototypes; `fast-xml.test.ts` holds every own property of every node to DOMParser's.
 */
export function xmldomParts(): XmldomParts | null {
  if (loaded !== undefined) return loaded;
  try {
    const require = createRequire(import.meta.url);
    const dom = require('@xmldom/xmldom/lib/dom.js');
    const parser = require('@xmldom/xmldom/lib/dom-parser.js');
    const grammar = require('@xmldom/xmldom/lib/grammar.js');
    const { NAMESPACE } = require('@xmldom/xmldom/lib/conventions.js');
    const ok =
      typeof dom.DOMImplementation === 'function' &&
      typeof dom.NamedNodeMap === 'function' &&
      typeof dom.NodeList === 'function' &&
      typeof dom.Element?.prototype?.getAttributeNS === 'function' &&
      typeof dom.Text?.prototype?.appendData === 'function' &&
      typeof dom.Attr === 'function' &&
      typeof parser.normalizeLineEndings === 'function' &&
      grammar.PI instanceof RegExp &&
      grammar.XMLDecl instanceof RegExp &&
      typeof NAMESPACE?.XMLNS === 'string' &&
      typeof NAMESPACE?.XML === 'string' &&
      typeof new dom.NamedNodeMap()._noNsIndex === 'object';
    loaded = ok
      ? {
          // As xmldom's DOMHandler.startDocument makes it for text/xml (no default namespace).
          createDocument: () => new dom.DOMImplementation().createDocument(null, ''),
          element: dom.Element.prototype,
          attr: dom.Attr.prototype,
          text: dom.Text.prototype,
          NamedNodeMap: dom.NamedNodeMap,
          NodeList: dom.NodeList,
          normalizeLineEndings: parser.normalizeLineEndings,
          PI: grammar.PI,
          XMLDecl: grammar.XMLDecl,
          xmlNs: NAMESPACE.XML,
          xmlnsNs: NAMESPACE.XMLNS,
        }
      : null;
  } catch {
    loaded = null;
  }
  return loaded;
}
