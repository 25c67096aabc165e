/**
 * The small query API the rest of klarmeld uses on a loaded catalogue. Every function is pure:
 * pass the catalogue from `loadCatalog()`.
 */
export { requiredIntegrations, requirementsOf, type Requirement, type Requirements, type ExceptedRequirement } from './query-required.ts';
export { integrationsByArea, dependentsOf, type Dependents } from './query-relations.ts';
export { currentVersion, findIntegration, findSystem, findService, type FoundService } from './query-find.ts';
export { compareVersions } from './compare-versions.ts';
export { isNumbered, newestFirst, oldestFirst, type NumberedVersion } from './version-order.ts';
