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
  return el ? textContentOf(el).trim() : undefined;
}

/**
 * An element's `textContent`: read straight from its one text node where it holds one (or none),
 * as context fields do; xmldom's getter walks the subtree with a closure and a buffer each time.
 */
export function textContentOf(el: Element): string {
  const first = el.firstChild;
  if (first === null) return '';
  if (first.nextSibling === null && first.nodeType === 3) return (first as unknown as { data: string }).data;
  return el.textContent ?? '';
}
