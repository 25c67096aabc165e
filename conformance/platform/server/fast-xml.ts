import type { Document } from '@xmldom/xmldom';
import { xmldomParts, type XmldomParts } from './xmldom-parts.ts';
import { NamespaceScope } from './namespace-scope.ts';
import type { XmlShapeLimits } from './xml-shape.ts';
import { XmldomTree } from './xmldom-tree.ts';

/**
 * A faster reading of the plain XML that SOAP clients send, building the very same xmldom
 * `Document` as `DOMParser` would, or giving up (undefined) so that DOMParser parses it.
 *
 * xmldom's SAX reader spends ~15 µs of its ~25 µs on an 827-byte PersonLookup (one Unicode
 * name regex per tag and attribute, entity regexes, the parse-stack bookkeeping), and its DOM
 * checks every insert. Here a small reader tokenises a strict subset of XML — ASCII names,
 * quoted attributes, text with the five predefined entities, an optional XML declaration first —
 * resolves namespaces as xmldom's reader does and builds xmldom's nodes itself (xmldom-tree.ts).
 * Anything outside that subset (comments, CDATA, other PIs, character references, unusual
 * whitespace, a name it does not know, an end tag that does not match, content after the root,
 * what xmldom's DOM would refuse such as an unbound prefix) returns undefined, and DOMParser then
 * gives its own answer, errors included. So this never accepts what DOMParser refuses and never
 * builds another tree; `fast-xml.test.ts` checks both against each other, every property of
 * every node, on real requests and thousands of mutations. With `limits` it also gives up on a
 * body deeper or with more nodes than they allow, counted as scanXmlShape counts them.
 */
export function parseXmlFast(source: string, limits?: XmlShapeLimits): Document | undefined {
  const x = xmldomParts();
  if (!x) return undefined;
  try {
    const tree = new XmldomTree(x);
    // Most requests have no line ending to normalise: one scan instead of xmldom's two replaces.
    const src = lineEnding.test(source) ? x.normalizeLineEndings(source) : source;
    return read(src, tree, x, limits ?? unlimited) ? tree.finish() : undefined;
  } catch {
    return undefined; // DOMParser says what is wrong, in its words and at its position
  }
}

/** What xmldom's normalizeLineEndings replaces (XML 1.0 §2.11, 1.1 line ends). */
const lineEnding = /[\r\u0085\u2028\u2029]/;
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

/**
 * The end of the ASCII QName at `at` (a subset of what xmldom accepts), or -1 when none starts
 * there: the match of /[A-Za-z_][\w.-]*(?::[A-Za-z_][\w.-]*)?/ read by character codes, without
 * a regex match and a substring per name.
 */
function nameEnd(src: string, at: number): number {
  if (!isNameStart(src.charCodeAt(at))) return -1;
  let end = at + 1;
  while (isNameChar(src.charCodeAt(end))) end += 1;
  if (src.charCodeAt(end) === 58 && isNameStart(src.charCodeAt(end + 1))) {
    end += 2;
    while (isNameChar(src.charCodeAt(end))) end += 1;
  }
  return end;
}

/** [A-Za-z_] */
const isNameStart = (c: number) => (c >= 97 && c <= 122) || (c >= 65 && c <= 90) || c === 95;
/** [A-Za-z0-9_.-] */
const isNameChar = (c: number) => isNameStart(c) || (c >= 48 && c <= 57) || c === 46 || c === 45;

function nameAt(src: string, at: number): string | undefined {
  const end = nameEnd(src, at);
  return end < 0 ? undefined : src.slice(at, end);
}

function skipSpace(src: string, at: number): number {
  while (isSpace(src.charCodeAt(at))) at += 1;
  return at;
}

/** Text as xmldom's reader gives it: the five predefined entities replaced; undefined for anything else after `&`. */
function text(src: string, from: number, to: number): string | undefined {
  // Searched within this text only: a search of the body would run on to its next '&' (or its end)
  // from every text, 10,000 texts times 2 MB on a hostile body (fast-xml.test.ts).
  const chars = src.slice(from, to);
  let amp = chars.indexOf('&');
  if (amp < 0) return chars;
  let out = '';
  let at = 0;
  while (amp >= 0) {
    const semi = chars.indexOf(';', amp);
    const value = semi > 0 ? entities.get(chars.slice(amp + 1, semi)) : undefined;
    if (value === undefined) return undefined;
    out += chars.slice(at, amp) + value;
    at = semi + 1;
    amp = chars.indexOf('&', at);
  }
  return out + chars.slice(at);
}

/**
 * Names, raw values and namespaces of the start tag's attributes, reused from tag to tag: the
 * reader runs synchronously to the end, one document at a time, and the tree copies what it keeps.
 */
const attrNames: string[] = [];
const attrValues: string[] = [];
const attrUris: (string | null)[] = [];
/** How many attributes the start tag just read had. */
let tagAttributes = 0;
/** No limits: for a caller that checks none (a response the platform made itself). */
const unlimited: XmlShapeLimits = { maxDepth: Infinity, maxNodes: Infinity };

function read(src: string, tree: XmldomTree, x: XmldomParts, limits: XmlShapeLimits): boolean {
  let i = 0;
  // Nodes as scanXmlShape counts them: the declaration, elements, attributes and every '&' (only
  // references in text here); the reader gives up past a limit and the scan then says which.
  let nodes = 0;
  if (src.startsWith('<?')) {
    const pi = x.PI.exec(src);
    if (!pi || pi[1] !== 'xml' || !x.XMLDecl.test(src)) return false;
    tree.processingInstruction(pi[1], pi[2]!);
    i = pi[0].length;
    nodes = 1;
  }
  for (let amp = src.indexOf('&'); amp >= 0; amp = src.indexOf('&', amp + 1)) nodes += 1;
  if (nodes > limits.maxNodes) return false;
  const scope = new NamespaceScope(x.xmlNs);
  const openNames: string[] = [];
  let rootDone = false;
  while (i < src.length) {
    const lt = src.indexOf('<', i);
    const end = lt < 0 ? src.length : lt;
    if (end > i) {
      if (openNames.length === 0) {
        // Outside the root only whitespace; after the root none is passed on (as xmldom's reader does).
        if (skipSpace(src, i) !== end || (rootDone && lt >= 0)) return false;
        if (!rootDone) tree.text(src.slice(i, end));
      } else {
        const chars = text(src, i, end);
        if (chars === undefined || chars.includes(']]>')) return false;
        tree.text(chars);
      }
    }
    if (lt < 0) break;
    if (src.charCodeAt(lt + 1) === 47) {
      // </name>
      // The name must be the open element's: compared in place, without taking it out of the text.
      if (openNames.length === 0) return false;
      const open = openNames[openNames.length - 1]!;
      const nameStop = lt + 2 + open.length;
      if (!src.startsWith(open, lt + 2) || nameEnd(src, lt + 2) !== nameStop) return false;
      const gt = skipSpace(src, nameStop);
      if (src.charCodeAt(gt) !== 62) return false;
      openNames.pop();
      scope.close();
      tree.endElement();
      if (openNames.length === 0) rootDone = true;
      i = gt + 1;
      continue;
    }
    if (rootDone || openNames.length >= limits.maxDepth) return false;
    const next = startTag(src, lt, scope, tree, openNames);
    if (next < 0) return false;
    nodes += 1 + tagAttributes;
    if (nodes > limits.maxNodes) return false;
    i = next;
  }
  return rootDone && openNames.length === 0;
}

/** Reads `<name attr="v" …>` or `<name …/>` at `lt` and starts the element as xmldom's reader does; -1 to give up. */
function startTag(src: string, lt: number, scope: NamespaceScope, tree: XmldomTree, openNames: string[]): number {
  const tag = nameAt(src, lt + 1);
  if (tag === undefined) return -1;
  const mark = scope.mark();
  let count = 0;
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
    const quote = src.charCodeAt(v);
    if (quote !== 34 && quote !== 39) return -1;
    const close = src.indexOf(quote === 34 ? '"' : "'", v + 1);
    if (close < 0 || !plainValue(src, v + 1, close)) return -1;
    const raw = src.slice(v + 1, close);
    // Requests carry a handful of attributes per element; many more go to xmldom's own parser, so
    // the duplicate check below stays short (a quadratic 10,000-attribute element: review finding 2).
    if (count >= maxFastAttributes) return -1;
    for (let k = 0; k < count; k++) if (attrNames[k] === name) return -1;
    if (name === 'xmlns' || name.startsWith('xmlns:')) {
      if (name !== 'xmlns' && raw === '') return -1;
      scope.declare(name === 'xmlns' ? '' : name.slice(6), raw);
    }
    attrNames[count] = name;
    attrValues[count] = raw;
    count += 1;
    at = close + 1;
  }
  tagAttributes = count;
  // Namespaces as xmldom's reader resolves them, with every declaration of the tag in scope.
  for (let k = 0; k < count; k++) {
    const name = attrNames[k]!;
    const colon = name.indexOf(':');
    const prefix = colon > 0 ? name.slice(0, colon) : undefined;
    attrUris[k] = name === 'xmlns' || prefix === 'xmlns' ? tree.xmlnsNs : prefix ? (scope.uri(prefix) ?? null) : null;
  }
  const colon = tag.indexOf(':');
  const uri = scope.uri(colon > 0 ? tag.slice(0, colon) : '');
  if (!tree.startElement(tag, uri ?? null, attrNames, attrValues, attrUris, count)) return -1;
  if (src.charCodeAt(at) === 47) {
    tree.endElement();
    scope.close(mark);
    return at + 2;
  }
  scope.open(mark);
  openNames.push(tag);
  return at + 1;
}

/** An attribute value xmldom takes as it stands: no markup, reference or white space it would normalise. */
function plainValue(src: string, from: number, to: number): boolean {
  for (let k = from; k < to; k++) {
    const c = src.charCodeAt(k);
    if (c === 60 || c === 38 || c === 9 || c === 10) return false;
  }
  return true;
}
