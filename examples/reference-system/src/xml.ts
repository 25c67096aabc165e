import { DOMParser } from '@xmldom/xmldom';

/** Text of every element with this local name, in document order (answers are small). */
export function textsOf(xml: string, localName: string): string[] {
  const document = new DOMParser().parseFromString(xml, 'text/xml');
  return Array.from(document.getElementsByTagNameNS('*', localName)).map((e) => (e.textContent ?? '').trim());
}
