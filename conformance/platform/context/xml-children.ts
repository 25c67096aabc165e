import type { Element } from '@xmldom/xmldom';

/** The first child element with this namespace and local name (direct children only: no XPath on the hot path). */
export function child(parent: Element, ns: string, local: string): Element | undefined {
  for (let n = parent.firstChild; n; n = n.nextSibling) {
    if (n.nodeType === 1 && (n as Element).localName === local && (n as Element).namespaceURI === ns)
      return n as Element;
  }
  return undefined;
}

/** Trimmed text content of a child, or undefined when the child is absent. */
export function childText(parent: Element, ns: string, local: string): string | undefined {
  const el = child(parent, ns, local);
  return el ? (el.textContent ?? '').trim() : undefined;
}
