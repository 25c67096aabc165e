import type { Element } from '@xmldom/xmldom';

/**
 * An element kept by the platform's object store: names and text only, no DOM (the request's
 * document is dropped after the call). What an answer is filled from, matched by local name.
 */
export interface ValueNode {
  name: string;
  text?: string;
  children: ValueNode[];
}

export function toValueNode(element: Element): ValueNode {
  const children: ValueNode[] = [];
  for (let n = element.firstChild; n; n = n.nextSibling) if (n.nodeType === 1) children.push(toValueNode(n as Element));
  return children.length > 0
    ? { name: element.localName!, children }
    : { name: element.localName!, text: (element.textContent ?? '').trim(), children };
}

export const node = (name: string, children: ValueNode[] = [], text?: string): ValueNode =>
  text === undefined ? { name, children } : { name, text, children };

/** The element children of `element` with this local name. */
export function childElements(element: Element, name?: string): Element[] {
  const out: Element[] = [];
  for (let n = element.firstChild; n; n = n.nextSibling)
    if (n.nodeType === 1 && (name === undefined || (n as Element).localName === name)) out.push(n as Element);
  return out;
}

/** Every simple value below a node, by local name: what a search compares. */
export function simpleValues(node: ValueNode, out = new Map<string, Set<string>>()): Map<string, Set<string>> {
  if (node.children.length === 0 && node.text) {
    const set = out.get(node.name) ?? new Set<string>();
    set.add(node.text);
    out.set(node.name, set);
  }
  for (const child of node.children) simpleValues(child, out);
  return out;
}
