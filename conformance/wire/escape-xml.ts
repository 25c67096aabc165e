/** The five characters with a meaning in XML markup, as entities (valid in HTML too). */
const entities: Record<string, string> = { '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;', "'": '&apos;' };

/**
 * The markup characters, and what XML 1.0 cannot carry at all: most C0 controls, U+FFFE/U+FFFF
 * and lone surrogates (a surrogate pair is one character and stays).
 */
const unsafe =
  /[&<>"']|[\u0000-\u0008\u000b\u000c\u000e-\u001f\ufffe\uffff]|[\ud800-\udbff](?![\udc00-\udfff])|(?<![\ud800-\udbff])[\udc00-\udfff]/g;
const anyUnsafe = /[&<>"'\u0000-\u0008\u000b\u000c\u000e-\u001f\ufffe\uffff\ud800-\udfff]/;

/**
 * Escapes text for an XML (or HTML) element or attribute value. Characters XML 1.0 cannot carry
 * are replaced with U+FFFD, so an envelope or a report built from anything a system sent is still
 * well-formed. Text with nothing to escape comes back as it is, without copying (the platform
 * escapes every value of every answer).
 */
export function escapeXml(text: string): string {
  if (!anyUnsafe.test(text)) return text;
  return text.replace(unsafe, (c) => entities[c] ?? '\ufffd');
}
