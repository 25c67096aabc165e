import { DOMParser, type Document } from '@xmldom/xmldom';

export type XmlParseResult = { document: Document } | { problem: 'doctype' | 'malformed'; detail: string };

/**
 * Markup that turns on entity expansion or external fetches (XXE, billion laughs). Looked for in
 * the raw text before any parser sees it: a SOAP message must not contain a DTD (SOAP 1.1 §3,
 * SOAP 1.2 part 1 §5), so refusing them costs a real client nothing.
 */
const dtdMarkup = /<!\s*(DOCTYPE|ENTITY|ELEMENT|ATTLIST|NOTATION)/i;

const onError = (level: string, message: string) => {
  if (level !== 'warning') throw new Error(message);
};

/** Parses a request body: never expands an entity, never loads anything, and reports instead of throwing. */
export function parseSafeXml(text: string): XmlParseResult {
  if (dtdMarkup.test(text)) return { problem: 'doctype', detail: 'DOCTYPE or entity declaration' };
  try {
    // locator off: line numbers on every node cost time on the hot path and no handler uses them.
    const document = new DOMParser({ onError, locator: false }).parseFromString(text, 'text/xml');
    if (!document.documentElement) return { problem: 'malformed', detail: 'no root element' };
    return { document };
  } catch (error) {
    const message = error instanceof Error ? error.message : String(error);
    return { problem: 'malformed', detail: message.split('\n')[0]!.slice(0, 300) };
  }
}
