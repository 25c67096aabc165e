/**
 * Escapes text for XML and HTML content and attribute values. Characters XML 1.0 cannot carry
 * at all (most C0 controls, lone surrogates) are replaced with U+FFFD so a report of a system
 * that sent garbage is still a well-formed file.
 */
export function escapeXml(text: string): string {
  return text
    .replace(/[\u0000-\u0008\u000b\u000c\u000e-\u001f\ufffe\uffff]|[\ud800-\udbff](?![\udc00-\udfff])|(?<![\ud800-\udbff])[\udc00-\udfff]/g, '\ufffd')
    .replace(/&/g, '&amp;')
    .replace(/</g, '&lt;')
    .replace(/>/g, '&gt;')
    .replace(/"/g, '&quot;')
    .replace(/'/g, '&apos;');
}
