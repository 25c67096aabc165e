import type { Catalog } from '../../../catalog/index.ts';
import { findService } from '../../../catalog/index.ts';

/** What the platform takes from the catalogue to serve one Støttesystem service. */
export interface ServedService {
  integration: string;
  service: string;
  /** Path on the embedded platform (`endpoints.local`). */
  path: string;
  /** entityID: the audience of the STS tokens the service accepts. */
  entityId: string;
  /** soapAction of each named operation. */
  soapActions: Record<string, string>;
}

/**
 * A service as the catalogue describes it: its local path, its entityID and the soapAction of each
 * operation the platform serves. Throws when the catalogue lacks one of them, naming the file to
 * fix: the module loader then reports the module as broken and serves the others.
 */
export function servedService(
  catalog: Catalog,
  integration: string,
  service: string,
  operations: readonly string[],
): ServedService {
  const found = findService(catalog, integration, service)?.service;
  const missing = (what: string) =>
    new Error(
      `The catalogue gives ${integration} ${service} no ${what}; add it in catalog/data/integrations/${integration}.yaml.`,
    );
  if (!found) throw missing('service entry');
  const path = found.endpoints.local;
  if (!path) throw missing('endpoints.local');
  if (!found.entityId) throw missing('entityId');
  const soapActions: Record<string, string> = {};
  for (const name of operations) {
    const soapAction = found.operations.find((o) => o.name === name)?.soapAction;
    if (!soapAction) throw missing(`soapAction for operation ${name}`);
    soapActions[name] = soapAction;
  }
  return { integration, service, path, entityId: found.entityId, soapActions };
}
