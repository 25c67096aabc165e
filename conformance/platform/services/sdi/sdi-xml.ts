import type { Element } from '@xmldom/xmldom';
import { escapeXml } from '../../../wire/index.ts';

export const sdiNs = {
  sdi: 'urn:oio:sts:sagdok:sagdokumentindeks:6',
  sag: 'urn:oio:sts:sagdok:sag:6',
  di: 'urn:oio:sts:sagdok:dokumentindeks:6',
  sd: 'urn:oio:sagdok:3.0.0',
  gd: 'urn:oio:sts:generelledefinitioner:6',
} as const;

export function childElements(parent: Element, localName?: string): Element[] {
  const out: Element[] = [];
  for (let node = parent.firstChild; node; node = node.nextSibling) {
    if (node.nodeType === 1 && (!localName || (node as Element).localName === localName)) out.push(node as Element);
  }
  return out;
}

export function childText(parent: Element, localName: string): string | undefined {
  return childElements(parent, localName)[0]?.textContent?.trim();
}

/** Leaf elements (name, text) of a subtree, skipping Virkning: what a search compares. */
export function leaves(element: Element, out: [string, string][] = []): [string, string][] {
  for (const child of childElements(element)) {
    if (child.localName === 'Virkning') continue;
    const kids = childElements(child);
    const text = child.textContent?.trim() ?? '';
    if (kids.length === 0 && text !== '') out.push([child.localName ?? '', text]);
    else leaves(child, out);
  }
  return out;
}

/** One `sd:UnikRetur` of a MultipleOutputType answer. */
export function unikRetur(kode: number, type: string, uuid: string, fejlbesked?: string): string {
  const tekst = fejlbesked ? `<sd:FejlbeskedTekst>${escapeXml(fejlbesked)}</sd:FejlbeskedTekst>` : '';
  return `<sd:UnikRetur><sd:StatusKode>${kode}</sd:StatusKode>${tekst}<sd:Type>${type}</sd:Type><sd:UUIDIdentifikator>${escapeXml(uuid)}</sd:UUIDIdentifikator></sd:UnikRetur>`;
}

export function outputElement(name: string, inner: string): string {
  return `<sdi:${name} xmlns:sdi="${sdiNs.sdi}" xmlns:sag="${sdiNs.sag}" xmlns:di="${sdiNs.di}" xmlns:sd="${sdiNs.sd}">${inner}</sdi:${name}>`;
}
