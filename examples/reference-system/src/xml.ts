import { DOMParser } from '@xmldom/xmldom';

/** Text of every element with this local name, in document order (answers are small). */
export function textsOf(xml: string, localName: string): string[] {
  const document = new DOMParser().parseFromString(xml, 'text/xml');
  return Array.from(document.getElementsByTagNameNS('*', localName)).map((e) => (e.textContent ?? '').trim());
}

/** StandardRetur/StatusKode of a Støttesystem answer. */
export function statusKode(xml: string): { kode: number; tekst: string } {
  return { kode: Number(textsOf(xml, 'StatusKode')[0] ?? NaN), tekst: textsOf(xml, 'FejlbeskedTekst')[0] ?? '' };
}

export function escapeXml(text: string): string {
  return text.replace(/[<>&"']/g, (c) => ({ '<': '&lt;', '>': '&gt;', '&': '&amp;', '"': '&quot;', "'": '&apos;' })[c]!);
}
