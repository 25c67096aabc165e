/**
 * A generic client for every SOAP service whose interface `klarmeld catalog import-contract`
 * derived into the catalogue: the services and operations (`contractCatalogue`), a schema-shaped
 * request with Serviceplatformen's InvocationContext or an OIOIDWS token (`contractRequest`), and
 * what the answer says (`readContractAnswer`). Send the request with any HTTPS client that
 * presents the system certificate. Importing it does nothing.
 */
export { buildRequestElement, type RequestValue } from './build-request.ts';
export {
  contractCatalogue,
  type ContractOperationView,
  type ContractSecurityModel,
  type ContractServiceView,
} from './contract-catalogue.ts';
export { contractRequest, type ContractCaller, type ContractRequest } from './contract-request.ts';
export { readContractAnswer, type ContractAnswer } from './read-answer.ts';
