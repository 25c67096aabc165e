/**
 * The contract reader: WSDL 1.1 / XSD bundles and OpenAPI 3 documents read into one model, and
 * an XML validator compiled from that model. See README.md for how to use each export.
 */
export { readContract, contractFilesIn } from './read-contract.ts';
export {
  compileValidator,
  type XmlValidator,
  type Finding,
  type ValidateOptions,
} from './validator/compile-validator.ts';
export { findOperation, type FoundOperation } from './find-operation.ts';
export { ContractError, type ContractErrorCode } from './contract-error.ts';
export { qname, splitQName } from './model.ts';
export type {
  ContractModel,
  ServiceModel,
  PortModel,
  OperationModel,
  MessageModel,
  SoapVersion,
  QName,
  SchemaSet,
  ElementDecl,
  TypeDef,
  SimpleTypeDef,
  ComplexTypeDef,
  Particle,
  Facets,
} from './model.ts';
export {
  readOpenApi,
  type OpenApiModel,
  type RestOperation,
  type OpenApiParameter,
  type OpenApiContent,
} from './read-openapi.ts';
export { describeOperations, type OperationView, type MessageView } from './describe-operations.ts';
export { describeElement, type FieldModel } from './describe-element.ts';
export { compareContracts, compareElements } from './compare-contracts.ts';
export {
  readSamlMetadata,
  isSamlMetadata,
  type SamlIdpMetadata,
  type SamlMetadataEndpoint,
} from './read-saml-metadata.ts';
