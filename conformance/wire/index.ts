/**
 * What both sides of the wire read and write alike: the namespaces of KOMBIT's messages, XML as
 * text (parsing without DOCTYPEs, XPath, escaping) and PEM certificates. The supplier's side
 * (`clients/`) and the platform both use it; signing is not here: each side signs and verifies
 * with its own implementation (DESIGN.md §2), so one signing bug cannot make both agree.
 */
export { ns, uri } from './namespaces.ts';
export { certificateBase64, certificatePem, sameCertificate, subjectName } from './pem.ts';
export { idOf, parseXml, selectAll, selectOne, serializeXml, textOf } from './xml.ts';
export type { XmlDocument, XmlNode } from './xml.ts';
export { escapeXml } from './escape-xml.ts';
