/**
 * The XML shape limits of a SOAP request, far above any real KOMBIT message and low enough that
 * one request cannot hold up the other systems: xmldom parses on the main thread at some
 * microseconds per node, so the 2 MiB body limit alone let one body of 500,000 elements stall
 * every system for seconds. xml-shape.ts checks them before a DOM is built.
 *
 * The official example messages in ../shared/contracts/ (nodes as counted there, deepest nesting):
 * the STS response with a signed SAML token (236 nodes, 115 of them elements; 13 deep), the
 * service-call template with a holder-of-key token and a signature (204; 10), a signed OIOIDWS
 * request (198; 10), a PersonLookup (about 30; 5). So:
 * - depth 100: 7 times the deepest example. Every recursive walk over a parsed request
 *   (canonicalisation and signature checks, XSD validation, serialisation) then stays a few
 *   hundred stack frames deep; signature verification overflowed the stack only past 4,000 levels.
 * - 10,000 nodes: 40 times the largest example, room for bulk requests (a list of thousands of
 *   UUIDs). The costliest bodies it lets through cost 8 to 31 ms of main-thread CPU each (10,000
 *   empty elements 8 ms, 3,300 elements with a namespace declaration and an attribute 14 ms,
 *   10,000 namespace declarations on one element 31 ms; a PersonLookup 0.6 ms), so one request
 *   holds the others up by less than the ~50 ms aimed at; on a loaded machine the wait grows with
 *   the load (bench/abuse/hostile-bodies.ts shows it beside a good call).
 */
export const defaultXmlLimits = {
  maxXmlDepth: 100,
  maxXmlNodes: 10_000,
} as const;
