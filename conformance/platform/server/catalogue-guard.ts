import type { Catalog } from '../../../catalog/index.ts';
import { clashText, serviceKeyClashes } from '../../../catalog/index.ts';

/**
 * The catalogue cannot be served: two integrations share a ServiceUUID, an entity ID or an
 * endpoint, so an agreement or a token for one would open the other's service (issue 9: a copy of
 * SF1520 saved as SF1999 let an SF1999 agreement authorise SF1520's PersonLookup).
 */
export class CatalogueClashError extends Error {
  override name = 'CatalogueClashError';
  readonly code = 'catalogue-clash';
}

/** Throws CatalogueClashError when the catalogue gives one service's keys to two services. */
export function refuseClashingCatalogue(catalog: Pick<Catalog, 'integrations'>): void {
  const clashes = serviceKeyClashes(catalog);
  if (clashes.length === 0) return;
  throw new CatalogueClashError(
    `The platform does not serve this catalogue: ${clashes.length} service${clashes.length === 1 ? ' shares a key' : 's share keys'} with another integration's, so an agreement or token for one would open the other.\n` +
      `${clashes
        .slice(0, 5)
        .map((c) => `  - ${clashText(c)}`)
        .join('\n')}${clashes.length > 5 ? `\n  … and ${clashes.length - 5} more` : ''}\n` +
      'Run "klarmeld catalog check" for the files and lines, and fix the catalogue.',
  );
}
