import {
  contractServices,
  type Catalog,
  type ContractOperation,
  type ContractSecurity,
  type ContractService,
} from '../../../catalog/index.ts';

/** How a caller proves who it is to a contract-described service, as its catalogue entry says. */
export type ContractSecurityModel = ContractSecurity;
export type ContractOperationView = ContractOperation;
/** One SOAP service of the catalogue whose interface `catalog import-contract` derived, seen from its caller's side. */
export type ContractServiceView = ContractService;

/**
 * Every contract-described SOAP service a caller can meet: the catalogue's one reading
 * (catalog/contract-services.ts), the same the platform's contract module serves from.
 */
export function contractCatalogue(catalog: Catalog): ContractServiceView[] {
  return contractServices(catalog).served;
}
