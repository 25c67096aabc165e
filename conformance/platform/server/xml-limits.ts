/**
 * The XML shape limits of a SOAP request, far above any real KOMBIT message and low enough that
 * one request cannot hold up the other systems (xmldom parses on the main thread).
 *
 * Measured on the official example messages in ../shared/contracts/ (elements, deepest nesting):
 * the largest are the STS response with a signed SAML token (115, 13), a signed OIOIDWS request
 * with token, addressing and a signature over them (107, 10), the service-call template with a
 * holder-of-key token (105, 10), the Beskedfordeler PostStatus delivery (60, 8); a PersonLookup is
 * 12 elements, 5 deep. So:
 * - depth 100: 7 times the deepest example; every recursive walk over a parsed request
 *   (canonicalisation and signature checks, XSD validation, serialisation) stays some hundred
 *   stack frames deep, far from an overflow.
 * - 10,000 elements: 87 times the largest example, room for bulk requests (a list of a few
 *   thousand UUIDs); parsing and validating that many costs the event loop tens of milliseconds
 *   (bench/abuse/hostile-bodies.ts), where the 2 MiB body limit alone let through 500,000.
 */
export const defaultXmlLimits = {
  maxXmlDepth: 100,
  maxXmlNodes: 10_000,
} as const;
