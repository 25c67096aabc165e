// The catalogue's reading of contract-described services (catalog/contract-services.ts) is what this module serves.
export {
  contractServices,
  type ContractOperation,
  type ContractSecurity,
  type ContractService,
  type UnservedService,
} from '../../../../catalog/index.ts';
