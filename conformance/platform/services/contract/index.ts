import type { Catalog } from '../../../../catalog/index.ts';
import type { PlatformModule } from '../../service-handler.ts';
import { contractHandler } from './contract-handler.ts';
import { contractServices } from './contract-services.ts';

/**
 * The contract module: every SOAP operation the catalogue derived from an official contract
 * (import-contract) is served at its path with its security model, answered from the response tree
 * and the integration's Korsbæk samples. A fallback module: a hand-written module's path wins.
 * See README.md for the derived data and the fault-on-demand convention.
 */
export function createPlatformModule(catalog: Catalog): PlatformModule {
  return { name: 'contract', fallback: true, handlers: contractServices(catalog).served.map(contractHandler) };
}
