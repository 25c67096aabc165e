import { createRequire } from 'node:module';
import type { Document } from '@xmldom/xmldom';

/**
 * A faster reading of the plain XML that SOAP clients send, building the very same xmldom
 * `Document` as `DOMParser` would, or giving up (undefined) so that DOMParser parses it.
 *
 * xmldom's SAX reader spends ~15 µs of its ~25 µs on an 827-byte PersonLookup (one Unicode
 * name regex per tag and attribute, entity regexes, the parse-stack bookkeeping); the DOM it
 * builds costs the rest. Here a small reader tokenises a strict subset of XML — ASCII names,
 * quoted attributes, text with the five predefined entities, an optional XML declaration first —
 * and drives xmldom's own DOMHandler with the calls its SAX reader makes (the same namespace
 * resolution, startElement/endElement/characters/processingInstruction, endDocument). Anything
 * outside that subset (comments, CDATA, other PIs, character references, unusual whitespace,
 * a name it does not know, an end tag that does not match, content after the root, a DOM error
 * such as an unbound prefix) returns undefined, and DOMParser then gives its own answer, errors
 * included. So this never accepts what DOMParser refuses and never builds another tree;
 * `fast-xml.test.ts` checks both against each other on real requests and thousands of mutations.
 */
export function parseXmlFast(source: string): Document | undefined {
  const x = xmldom();
  if (!x) return undefined;
  const handler = new x.DOMHandler({ mimeType: 'text/xml', defaultNamespace: null, onError: refuse });
  try {
    handler.startDocument();
    if (!read(x.normalizeLineEndings(source), handler, x)) return undefined;
    handler.endDocument();
  } catch {
    return undefined; // DOMParser says what is wrong, in its words and at its position
  }
  return handler.doc.documentElement ? handler.doc : undefined;
}

interface Attribute {
  qName: string;
  value: string;
  prefix: string | undefined;
  uri: string | null | undefined;
}

/** The attribute list as DOMHandler.startElement reads it from xmldom's reader (prototype methods: no closures per element). */
class Attributes {
  [i: number]: Attribute;
  length = 0;
  getURI(i: number) {
    return this[i]!.uri;
  }
  getValue(i: number) {
    return this[i]!.value;
  }
  getQName(i: number) {
    return this[i]!.qName;
  }
}

interface Handler {
  doc: Document;
  startDocument(): void;
  endDocument(): void;
  processingInstruction(target: string, data: string): void;
  startElement(ns: string | null | undefined, localName: string, qName: string, attrs: Attributes): void;
  endElement(ns: string | null | undefined, localName: string, qName: string): void;
  characters(chars: string, start: number, length: number): void;
}

interface Xmldom {
  DOMHandler: new (options: object) => Handler;
  normalizeLineEndings(text: string): string;
  PI: RegExp;
  XMLDecl: RegExp;
  xmlNs: string;
  xmlnsNs: string;
}

const refuse = (level: string, message: string) => {
  if (level !== 'warning') throw new Error(message);
};

let loaded: Xmldom | null | undefined;
/** xmldom's own parts, loaded at the first parse; null with another xmldom layout (DOMParser then parses everything). */
function xmldom(): Xmldom | null {
  if (loaded !== undefined) return loaded;
  try {
    const require = createRequire(import.meta.url);
    const parser = require('@xmldom/xmldom/lib/dom-parser.js');
    const grammar = require('@xmldom/xmldom/lib/grammar.js');
    const { NAMESPACE } = require('@xmldom/xmldom/lib/conventions.js');
    const ok = typeof parser.__DOMHandler === 'function' && grammar.PI instanceof RegExp && NAMESPACE?.XMLNS;
    loaded = ok
      ? {
          DOMHandler: parser.__DOMHandler,
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

/** An ASCII QName (a subset of what xmldom accepts); sticky, read at `lastIndex`. */
const qName = /[A-Za-z_][\w.-]*(?::[A-Za-z_][\w.-]*)?/y;
/** Past this many attributes on one element the fast reader hands the document to xmldom's parser. */
const maxFastAttributes = 32;
// A Map, not an object literal: `&constructor;` must not find Object.prototype's (review finding 5).
const entities = new Map([
  ['amp', '&'],
  ['apos', "'"],
  ['gt', '>'],
  ['lt', '<'],
  ['quot', '"'],
]);
const isSpace = (c: number) => c === 32 || c === 10 || c === 9;

function nameAt(src: string, at: number): string | undefined {
  qName.lastIndex = at;
  return qName.exec(src)?.[0];
}

function skipSpace(src: string, at: number): number {
  while (isSpace(src.charCodeAt(at))) at += 1;
  return at;
}

/** Text as xmldom's reader gives it: the five predefined entities replaced; undefined for anything else after `&`. */
function text(src: string, from: number, to: number): string | undefined {
  let amp = src.indexOf('&', from);
  if (amp < 0 || amp >= to) return src.slice(from, to);
  let out = '';
  while (amp >= 0 && amp < to) {
    const semi = src.indexOf(';', amp);
    const value = semi > 0 && semi < to ? entities.get(src.slice(amp + 1, semi)) : undefined;
    if (value === undefined) return undefined;
    out += src.slice(from, amp) + value;
    from = semi + 1;
    amp = src.indexOf('&', from);
  }
  return out + src.slice(from, to);
}

interface Open {
  qName: string;
  localName: string;
  uri: string | null | undefined;
  nsMap: Record<string, string | null>;
}

function read(src: string, handler: Handler, x: Xmldom): boolean {
  let i = 0;
  if (src.startsWith('<?')) {
    const pi = x.PI.exec(src);
    if (!pi || pi[1] !== 'xml' || !x.XMLDecl.test(src)) return false;
    handler.processingInstruction(pi[1], pi[2]!);
    i = pi[0].length;
  }
  const top: Record<string, string | null> = Object.create(null);
  top[''] = null;
  top.xml = x.xmlNs;
  const open: Open[] = [];
  let rootDone = false;
  while (i < src.length) {
    const lt = src.indexOf('<', i);
    const end = lt < 0 ? src.length : lt;
    if (end > i) {
      if (open.length === 0) {
        // Outside the root only whitespace; after the root none is passed on (as xmldom's reader does).
        if (skipSpace(src, i) !== end || (rootDone && lt >= 0)) return false;
        if (!rootDone) handler.characters(src.slice(i, end), 0, end - i);
      } else {
        const chars = text(src, i, end);
        if (chars === undefined || chars.includes(']]>')) return false;
        handler.characters(chars, 0, chars.length);
      }
    }
    if (lt < 0) break;
    if (src.charCodeAt(lt + 1) === 47) {
      // </name>
      const name = nameAt(src, lt + 2);
      const gt = name === undefined ? -1 : skipSpace(src, lt + 2 + name.length);
      const element = open.at(-1);
      if (!element || name !== element.qName || src.charCodeAt(gt) !== 62) return false;
      open.pop();
      handler.endElement(element.uri, element.localName, element.qName);
      if (open.length === 0) rootDone = true;
      i = gt + 1;
      continue;
    }
    if (rootDone) return false;
    const next = startTag(src, lt, open.at(-1)?.nsMap ?? top, handler, x, open);
    if (next < 0) return false;
    i = next;
  }
  return rootDone && open.length === 0;
}

/** Reads `<name attr="v" …>` or `<name …/>` at `lt` and starts the element as xmldom's reader does; -1 to give up. */
function startTag(
  src: string,
  lt: number,
  parentNs: Record<string, string | null>,
  handler: Handler,
  x: Xmldom,
  open: Open[],
): number {
  const tag = nameAt(src, lt + 1);
  if (tag === undefined) return -1;
  const attrs = new Attributes();
  let nsMap = parentNs;
  let at = lt + 1 + tag.length;
  for (;;) {
    const spaced = skipSpace(src, at);
    const c = src.charCodeAt(spaced);
    if (c === 62 || (c === 47 && src.charCodeAt(spaced + 1) === 62)) {
      at = spaced;
      break;
    }
    if (spaced === at) return -1; // attributes need whitespace before them
    const name = nameAt(src, spaced);
    if (name === undefined) return -1;
    let v = skipSpace(src, spaced + name.length);
    if (src.charCodeAt(v) !== 61) return -1;
    v = skipSpace(src, v + 1);
    const quote = src[v];
    if (quote !== '"' && quote !== "'") return -1;
    const close = src.indexOf(quote, v + 1);
    if (close < 0) return -1;
    const raw = src.slice(v + 1, close);
    if (/[<&\t\n]/.test(raw)) return -1;
    // Requests carry a handful of attributes per element; many more go to xmldom's own parser, so
    // the duplicate check below stays short (a quadratic 10,000-attribute element: review finding 2).
    if (attrs.length >= maxFastAttributes) return -1;
    for (let k = 0; k < attrs.length; k++) if (attrs[k]!.qName === name) return -1;
    const colon = name.indexOf(':');
    const prefix = colon > 0 ? name.slice(0, colon) : undefined;
    const attr: Attribute = { qName: name, value: raw, prefix, uri: undefined };
    if (name === 'xmlns' || prefix === 'xmlns') {
      if (prefix === 'xmlns' && raw === '') return -1;
      if (nsMap === parentNs) nsMap = Object.create(parentNs) as Record<string, string | null>;
      nsMap[prefix ? name.slice(colon + 1) : ''] = raw;
      attr.uri = x.xmlnsNs;
    }
    attrs[attrs.length++] = attr;
    at = close + 1;
  }
  for (let k = 0; k < attrs.length; k++) {
    const a = attrs[k]!;
    if (a.prefix && a.prefix !== 'xmlns') a.uri = nsMap[a.prefix];
  }
  const colon = tag.indexOf(':');
  const localName = colon > 0 ? tag.slice(colon + 1) : tag;
  const uri = nsMap[colon > 0 ? tag.slice(0, colon) : ''];
  handler.startElement(uri, localName, tag, attrs);
  if (src.charCodeAt(at) === 47) {
    handler.endElement(uri, localName, tag);
    return at + 2;
  }
  open.push({ qName: tag, localName, uri, nsMap });
  return at + 1;
}
