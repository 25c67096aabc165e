import type { FaultName } from './src/faults.ts';

/**
 * Which conformance tests catch each of the reference system's faults (REFERENCE_SYSTEM_FAULT),
 * proven by reference-system.test.ts. Every suite is caught failing by at least one fault.
 */
export const expectedCatches: Record<FaultName, string[]> = {
  'upper-case-uuids': ['sf1520.lookup.lower-case-uuids', 'sf1500.read.lower-case-uuids', 'sf1470.index.lower-case-uuids'],
  'wrong-agreement': ['sf1520.lookup.own-identifiers', 'sf1520.lookup.valid-request-gets-person'],
  'expired-token': ['sf1514.lifetime.token-renewed-before-expiry', 'sf1500.faults.token-renewed-before-expiry'],
  'no-retry': ['sf1470.index.retry-after-dropped-connection', 'sf1520.faults.retry-after-dropped-connection'],
  'bad-push-reply': ['sf1461.push.malformed-message-rejected', 'sf1461.push.not-xml-rejected'],
  'wrong-soap-version': ['sf1520.lookup.soap-1-1-person-lookup'],
};
