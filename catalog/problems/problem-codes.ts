/**
 * Every problem the catalogue validator can report, with a permanent code. Codes are never
 * reused or renumbered: scripts, CI logs and documentation refer to them. Add new ones at the end.
 */
export const problemCodes = {
  'yaml-syntax': { code: 'KM-CAT-001', title: 'YAML syntax error' },
  'unknown-file': { code: 'KM-CAT-002', title: 'File the catalogue does not know' },
  'unknown-field': { code: 'KM-CAT-003', title: 'Unknown field' },
  'wrong-type': { code: 'KM-CAT-004', title: 'Value of the wrong type' },
  'missing-field': { code: 'KM-CAT-005', title: 'Required field missing' },
  'invalid-value': { code: 'KM-CAT-006', title: 'Value not allowed' },
  'malformed-uuid': { code: 'KM-CAT-007', title: 'Malformed UUID' },
  'missing-title': { code: 'KM-CAT-008', title: 'Danish title missing' },
  'duplicate-id': { code: 'KM-CAT-009', title: 'Duplicate id' },
  'dangling-reference': { code: 'KM-CAT-010', title: 'Reference to an integration that does not exist' },
  'unknown-area': { code: 'KM-CAT-011', title: 'Unknown service area' },
  'unknown-use-case': { code: 'KM-CAT-012', title: 'Unknown use case' },
  'unknown-package': { code: 'KM-CAT-013', title: 'Unknown integration package' },
  'unknown-supplier': { code: 'KM-CAT-014', title: 'Unknown supplier' },
  'unknown-municipality': { code: 'KM-CAT-015', title: 'Unknown municipality' },
  'unknown-status': { code: 'KM-CAT-016', title: 'Unknown onboarding status' },
  'versions-out-of-order': { code: 'KM-CAT-017', title: 'Versions out of order' },
  'file-name-mismatch': { code: 'KM-CAT-018', title: 'File name does not match the id' },
  'replaced-by-not-mutual': { code: 'KM-CAT-019', title: 'Replacement not recorded on both sides' },
  'title-only-has-services': { code: 'KM-CAT-020', title: 'Title-only integration lists services' },
  'missing-data': { code: 'KM-CAT-021', title: 'Catalogue data missing' },
  'unreadable-file': { code: 'KM-CAT-022', title: 'File cannot be read' },
  'reason-missing': { code: 'KM-CAT-023', title: 'Status needs a reason' },
  'unknown-reason': { code: 'KM-CAT-024', title: 'Reason not allowed for this status' },
  'use-case-outside-area': { code: 'KM-CAT-025', title: 'Use case outside the system’s service areas' },
  'schema-reference': { code: 'KM-CAT-027', title: '$schema missing or wrong' },
  'exception-not-required': { code: 'KM-CAT-026', title: 'Exception for an integration that is not required' },
  'unnumbered-version-twice': { code: 'KM-CAT-028', title: 'More than one version without a number' },
  'duplicate-service-uuid': { code: 'KM-CAT-029', title: 'ServiceUUID of another service' },
  'duplicate-entity-id': { code: 'KM-CAT-030', title: 'Entity ID of another integration' },
  'duplicate-endpoint': { code: 'KM-CAT-031', title: 'Endpoint of another service' },
  'duplicate-operation': { code: 'KM-CAT-032', title: 'Operation listed twice in a service' },
  'overlapping-services': { code: 'KM-CAT-033', title: 'Services that overlap' },
} as const;

export type ProblemName = keyof typeof problemCodes;
export type ProblemCode = (typeof problemCodes)[ProblemName]['code'];
