/** The catalogue's public API: what other folders may use (DESIGN.md §2). */
export { emptyCatalog } from './catalog.ts';
export type { Catalog } from './catalog.ts';
export { contractStateOf } from './contract-state.ts';
export type { ContractState } from './contract-state.ts';
export { ContractError } from './contract-reader/contract-error.ts';
export { compileValidator, describeOperations } from './contract-reader/index.ts';
export type { FieldModel, OperationView, RestOperation, XmlValidator } from './contract-reader/index.ts';
export { defaultMessageDepth, messageOf } from './contract-reader/message-of.ts';
export { splitQName } from './contract-reader/model.ts';
export type { ContractModel } from './contract-reader/model.ts';
export { OFFICIAL, official, officialContractsDir } from './contract-reader/official-contracts.ts';
export { readContract } from './contract-reader/read-contract.ts';
export { readOpenApi } from './contract-reader/read-openapi.ts';
export { isSamlMetadata, readSamlMetadata } from './contract-reader/read-saml-metadata.ts';
export type { SamlIdpMetadata, SamlMetadataEndpoint } from './contract-reader/read-saml-metadata.ts';
export { restMessages } from './contract-reader/openapi-messages.ts';
export type { OpenApiModel } from './contract-reader/read-openapi.ts';
export { xmllintAvailable, xmllintFindings } from './contract-reader/validator/xmllint-findings.ts';
export { defaultDataDir, loadCatalog } from './load-catalog.ts';
export { loadCatalogCached, type CachedLoadResult } from './load-cached.ts';
export { fullNameOf } from './korsbaek.ts';
export type { KorsbaekTestData } from './korsbaek.ts';
export { loadKorsbaek } from './load-korsbaek.ts';
export { isSimple, problemOf, valueFor } from './message-values.ts';
export { operationKind, sampleObjectUuids, type OperationKind } from './operation-kind.ts';
export { operationAction } from './operation-action.ts';
export { groupByFile, hasErrors } from './problems/index.ts';
export type { CatalogProblem } from './problems/index.ts';
export { useCasesOf } from './query-required.ts';
export {
  currentVersion,
  dependentsOf,
  findIntegration,
  findService,
  findSystem,
  integrationsByArea,
  packagesOf,
  requiredIntegrations,
  requirementsOf,
  spreadOf,
} from './query.ts';
export type { ExceptedRequirement, RequiredPackage, Requirement } from './query.ts';
export { closest } from './schema-shape.ts';
export { isApprovedAgreement, programmeCategoryCodes, programmeReasonTexts, skiSystem } from './schema/index.ts';
export type {
  Integration,
  IntegrationPackage,
  IntegrationVersion,
  Municipality,
  OnboardingStatus,
  RequirementLevel,
  Service,
  ServiceAgreement,
  ServiceArea,
  SkiSystem,
  Supplier,
  UseCase,
  direction,
} from './schema/index.ts';
export { integrationIdPattern, integrationIdProblem } from './schema/integration-id.ts';
export { versionNumber } from './schema/integration.ts';
export { schemaReferenceFor } from './schema/json-schemas.ts';
export type { KorsbaekSample } from './schema/korsbaek-samples.ts';
export type { KorsbaekCase, KorsbaekCases, KorsbaekClass, KorsbaekClasses } from './schema/korsbaek-cases.ts';
export type { KorsbaekOrganisation, KorsbaekUnit, KorsbaekUser } from './schema/korsbaek-organisation.ts';
export type { KorsbaekPerson, KorsbaekPersons } from './schema/korsbaek-persons.ts';
export type { Message, MessageField } from './schema/message.ts';
export { onboardingStatusesFile } from './schema/onboarding-status.ts';
export type { Operation, Protocol, RestParameter, SecurityModel } from './schema/service.ts';
export { clashText, serviceKeyClashes } from './service-key-clashes.ts';
export {
  contractServices,
  type ContractOperation,
  type ContractSecurity,
  type ContractService,
  type UnservedService,
} from './contract-services.ts';
export {
  restContractServices,
  type RestContractOperation,
  type RestContractService,
  type RestSecurity,
} from './rest-contract-services.ts';
export { buildJson, jsonScalar, type JsonData } from './json-message.ts';
export { parseYamlSource, positionAt, syntaxProblems } from './yaml-source.ts';
