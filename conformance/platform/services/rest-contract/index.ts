import { restContractServices, type Catalog } from '../../../../catalog/index.ts';
import type { PlatformModule } from '../../service-handler.ts';
import { restRoutes } from './rest-handler.ts';

/**
 * The REST contract module: every REST operation the catalogue derived from an OpenAPI document
 * (import-contract) is served at its real path with its token model, its request checked against the
 * derived tree and answered from the answer tree and the integration's Korsbæk samples. See README.md.
 */
export function createPlatformModule(catalog: Catalog): PlatformModule {
  // No `simulates`: catalog coverage counts these as generated from the contract, like the SOAP contract module's.
  return { name: 'rest-contract', routes: restContractServices(catalog).flatMap(restRoutes) };
}
