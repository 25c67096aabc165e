/**
 * The service modules the platform serves. Each folder exports `platformModule` from its
 * `index.ts`; add one line here when a folder lands (loaded lazily so a broken or missing
 * module does not stop the others: its failure is reported by `startPlatform`).
 */
import type { PlatformModule } from './service-handler.ts';

export interface ModuleSource {
  name: string;
  load: () => Promise<{ platformModule: PlatformModule }>;
}

export const moduleSources: ModuleSource[] = [
  // e.g. { name: 'sts', load: () => import('./sts/index.ts') },
];
