import type { Catalog } from '../../../../catalog/index.ts';
import type { PlatformModule } from '../../service-handler.ts';
import { contractHandler } from './contract-handler.ts';
import { contractServices, type ContractService } from './contract-services.ts';
import { ObjectStore } from './object-store.ts';
import { seedObjects } from './seed-objects.ts';

/**
 * The contract module: every SOAP operation the catalogue derived from an official contract
 * (import-contract) is served at its path with its security model, answered from the response tree
 * and the integration's Korsbæk samples; the OIO Sag/Dok operations (importer, laes, soeg …) keep
 * the objects they are given, one store per integration. A fallback module: a hand-written
 * module's path wins. See README.md for the derived data, the state and the fault-on-demand convention.
 */
export function createPlatformModule(catalog: Catalog): PlatformModule {
  const { served } = contractServices(catalog);
  const byIntegration = Map.groupBy(served, (s: ContractService) => s.integration);
  const stores = new Map([...byIntegration].map(([id, services]) => [id, new ObjectStore(seedObjects(services))]));
  return {
    name: 'contract',
    fallback: true,
    handlers: served.map((s) => contractHandler(s, stores.get(s.integration)!)),
  };
}
