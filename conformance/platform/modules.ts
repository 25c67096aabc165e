/**
 * The service modules the platform serves. Each folder exports `platformModule` from its
 * `index.ts`; add one line here when a folder lands (loaded lazily so a broken or missing
 * module does not stop the others: its failure is reported by `startPlatform`).
 */
import type { Catalog } from '../../catalog/index.ts';
import type { PlatformModule } from './service-handler.ts';

/**
 * A module exports either a ready `platformModule`, or `createPlatformModule(catalog)` when its
 * paths, ServiceUUIDs or entityIDs come from the catalogue.
 */
export interface ModuleSource {
  name: string;
  load: () => Promise<{
    platformModule?: PlatformModule;
    createPlatformModule?: (catalog: Catalog) => PlatformModule | Promise<PlatformModule>;
  }>;
}

export const moduleSources: ModuleSource[] = [
  { name: 'cpr', load: () => import('./services/cpr/index.ts') },
  { name: 'sts', load: () => import('./sts/index.ts') },
  { name: 'organisation', load: () => import('./services/organisation/index.ts') },
  { name: 'sdi', load: () => import('./services/sdi/index.ts') },
  { name: 'beskedfordeler', load: () => import('./services/beskedfordeler/index.ts') },
  { name: 'evidence', load: () => import('./evidence-route.ts') },
  { name: 'context-handler', load: () => import('./services/context-handler/index.ts') },
  { name: 'contract', load: () => import('./services/contract/index.ts') },
  { name: 'rest-contract', load: () => import('./services/rest-contract/index.ts') },
];
