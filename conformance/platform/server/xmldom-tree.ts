import type { Document } from '@xmldom/xmldom';
import type { RawList, RawNode, XmldomParts } from './xmldom-parts.ts';

/**
 * Builds xmldom's Document node by node as xmldom's DOMHandler does while DOMParser reads —
 * the same node kinds, properties, sibling links, child lists, attribute maps with their index,
 * `_nsMap` entries and change counter — without the checks xmldom's DOM makes on every insert
 * (`createElementNS`'s Unicode name regex, pre-insertion validity, the final `normalize()` walk)
 * where the fast reader's input already guarantees them: ASCII names, one text node between two
 * tags, children appended to an element created just before. The namespace rules of
 * `createElementNS`/`createAttributeNS` are kept (`namesAllowed`), and whatever xmldom would
 * have to decide (an attribute that replaces another with the same namespace and local name)
 * makes the fast reader give up.
 */
export class XmldomTree {
  readonly doc: Document;
  /** The open element, or the document itself before the root and after it. */
  private current: RawNode;
  /** The `_inc` increments xmldom makes: one per child appended and per attribute set. */
  private changes = 0;
  private readonly x: XmldomParts;

  /** The namespace of namespace declarations (xmlns, xmlns:p), for the reader. */
  readonly xmlnsNs: string;

  constructor(x: XmldomParts) {
    this.x = x;
    this.xmlnsNs = x.xmlnsNs;
    this.doc = x.createDocument();
    this.current = this.doc as unknown as RawNode;
  }

  processingInstruction(target: string, data: string): void {
    this.append(this.current, this.doc.createProcessingInstruction(target, data) as unknown as RawNode);
  }

  /** Text inside the root, or white space before it (the reader passes nothing else). */
  text(chars: string): void {
    const node = Object.create(this.x.text) as RawNode;
    node.ownerDocument = this.doc;
    node.childNodes = new this.x.NodeList();
    node.nodeValue = node.data = chars;
    node.length = chars.length;
    this.append(this.current, node);
  }

  /** Opens an element with its attributes (names and raw values); false where xmldom's DOM would throw or has to decide. */
  startElement(
    qName: string,
    uri: string | null,
    names: string[],
    values: string[],
    uris: (string | null)[],
    count: number,
  ): boolean {
    const x = this.x;
    const colon = qName.indexOf(':');
    const prefix = colon > 0 ? qName.slice(0, colon) : null;
    const ns = uri || null;
    if (!namesAllowed(x, ns, prefix, qName)) return false;
    const el = Object.create(x.element) as RawNode;
    el._nsMap = Object.create(null);
    const attributes = new x.NamedNodeMap();
    el.attributes = attributes;
    el.childNodes = new x.NodeList();
    el.ownerDocument = this.doc;
    el.nodeName = qName;
    el.tagName = qName;
    el.namespaceURI = ns;
    el.prefix = prefix;
    el.localName = colon > 0 ? qName.slice(colon + 1) : qName;
    attributes._ownerElement = el;
    const parent = this.current;
    this.append(parent, el);
    // The root: the reader passes at most an XML declaration and white space before it, one element, nothing after.
    if (parent === (this.doc as unknown)) parent.documentElement = el;
    this.current = el;
    for (let k = 0; k < count; k++) if (!this.attribute(el, attributes, names[k]!, values[k]!, uris[k]!)) return false;
    return true;
  }

  endElement(): void {
    this.current = this.current.parentNode as RawNode;
  }

  /** The finished Document, its change counter where xmldom's own inserts would have left it. */
  finish(): Document {
    const doc = this.doc as unknown as { _inc: number };
    doc._inc += this.changes;
    return this.doc;
  }

  private attribute(
    el: RawNode,
    map: InstanceType<XmldomParts['NamedNodeMap']>,
    qName: string,
    value: string,
    uri: string | null,
  ): boolean {
    const x = this.x;
    const colon = qName.indexOf(':');
    const prefix = colon > 0 ? qName.slice(0, colon) : null;
    const localName = colon > 0 ? qName.slice(colon + 1) : qName;
    const ns = uri || null;
    if (!namesAllowed(x, ns, prefix, qName)) return false;
    const index = map as unknown as {
      _nsIndex: Record<string, Record<string, unknown>>;
      _noNsIndex: Record<string, unknown>;
    };
    const bucket = ns ? (index._nsIndex[ns] ??= Object.create(null) as Record<string, unknown>) : index._noNsIndex;
    if (bucket[localName]) return false; // xmldom would replace the first: DOMParser decides
    const attr = Object.create(x.attr) as RawNode;
    attr.namespaceURI = ns;
    attr.prefix = prefix;
    attr.ownerElement = null;
    attr.ownerDocument = this.doc;
    attr.childNodes = new x.NodeList();
    attr.nodeName = qName;
    attr.name = qName;
    attr.specified = true;
    attr.localName = localName;
    attr.value = attr.nodeValue = value;
    map[map.length++] = attr;
    bucket[localName] = attr;
    attr.ownerElement = el;
    this.changes += 1;
    if (ns === x.xmlnsNs) (el._nsMap as Record<string, string>)[prefix ? localName : ''] = value;
    return true;
  }

  /** Node.appendChild of a new node, as xmldom's _insertBefore links it (the reader's order of nodes is always a valid one). */
  private append(parent: RawNode, node: RawNode): void {
    const previous = (parent.lastChild as RawNode | null) ?? null;
    node.previousSibling = previous;
    node.nextSibling = null;
    if (previous) previous.nextSibling = node;
    else parent.firstChild = node;
    parent.lastChild = node;
    node.parentNode = parent;
    const list: RawList = parent.childNodes;
    list[list.length++] = node;
    this.changes += 1;
  }
}

/** createElementNS's and createAttributeNS's namespace rules (xmldom's validateAndExtract; the name itself is ASCII here). */
function namesAllowed(x: XmldomParts, ns: string | null, prefix: string | null, qName: string): boolean {
  if (prefix !== null && ns === null) return false;
  if (prefix === 'xml' && ns !== x.xmlNs) return false;
  if ((prefix === 'xmlns' || qName === 'xmlns') && ns !== x.xmlnsNs) return false;
  if (ns === x.xmlnsNs && prefix !== 'xmlns' && qName !== 'xmlns') return false;
  return true;
}
