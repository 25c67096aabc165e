/** The slice of a DOM element the platform's signature code reads (xmldom's, as xml-crypto uses). */
export interface DomElement {
  nodeType: number;
  localName: string | null;
  namespaceURI: string | null;
  attributes?: { length: number; [index: number]: { localName: string | null; value: string } } | null;
  firstChild: unknown;
  nextSibling: unknown;
  parentNode: unknown;
  ownerDocument: unknown;
  getAttribute(name: string): string | null;
}

/**
 * Every element of a document by its Id, wsu:Id or ID (any attribute of that local name, as
 * xml-crypto resolves references). An id carried by two elements maps to null and is never
 * trusted: a second element with the same id is how signature wrapping hides a changed copy.
 * One walk of the document, where xml-crypto's own lookup runs an XPath scan per reference.
 */
export function idIndex(root: unknown): Map<string, DomElement | null> {
  const index = new Map<string, DomElement | null>();
  const walk = (node: DomElement) => {
    const attributes = node.attributes;
    for (let i = 0; i < (attributes?.length ?? 0); i++) {
      const attribute = attributes![i]!;
      if (attribute.localName === 'Id' || attribute.localName === 'ID' || attribute.localName === 'id') {
        index.set(attribute.value, index.has(attribute.value) ? null : node);
      }
    }
    for (let child = node.firstChild as DomElement | null; child; child = child.nextSibling as DomElement | null) {
      if (child.nodeType === 1) walk(child);
    }
  };
  walk(root as DomElement);
  return index;
}

/** The XPath of an element by child positions (`/*[1]/*[2]`): xml-crypto evaluates it without scanning the document. */
export function positionalPath(element: DomElement): string {
  const steps: string[] = [];
  for (
    let node: DomElement = element;
    node.parentNode && (node.parentNode as DomElement).nodeType === 1;
    node = node.parentNode as DomElement
  ) {
    let position = 1;
    for (
      let sibling = (node.parentNode as DomElement).firstChild as DomElement | null;
      sibling && sibling !== node;
      sibling = sibling.nextSibling as DomElement | null
    ) {
      if (sibling.nodeType === 1) position++;
    }
    steps.unshift(`*[${position}]`);
  }
  return `/*[1]${steps.length ? `/${steps.join('/')}` : ''}`;
}
