/**
 * The small query API the rest of klarmeld uses on a loaded catalogue. Every function is pure:
 * pass the catalogue from `loadCatalog()`.
 */
export {
  packagesOf,
  requiredIntegrations,
  requirementsOf,
  type RequiredPackage,
  type Requirement,
  type Requirements,
  type ExceptedRequirement,
} from './query-required.ts';
export { spreadOf, type Spread } from './query-spread.ts';
export { integrationsByArea, dependentsOf, type Dependents } from './query-relations.ts';
export { currentVersion, findIntegration, findSystem, findService, type FoundService } from './query-find.ts';
export { compareVersions } from './compare-versions.ts';
export { isNumbered, newestFirst, oldestFirst, type NumberedVersion } from './version-order.ts';
