import type { Catalog } from './catalog.ts';

/** Whether klarmeld holds an integration's interface: imported, published by nobody, or not imported yet. */
export type ContractState = 'imported' | 'kontrakt ikke offentliggjort' | 'ikke importeret';

/**
 * The contract state of one integration, read from the catalogue alone, so `klarmeld catalog coverage`,
 * `klarmeld test` and the site's system pages say the same. Imported: the catalogue holds the interface,
 * as trees import-contract derived, as the project's own contract files, or as a SAML identity
 * provider's metadata (the Context Handler's web login and logout).
 */
export function contractStateOf(catalog: Catalog, integrationId: string): ContractState {
  const integration = catalog.integrations.find((i) => i.id === integrationId);
  const imported =
    integration?.versions.some((v) =>
      v.services.some(
        (s) => s.contract.length > 0 || s.operations.some((o) => o.input !== undefined) || s.saml !== undefined,
      ),
    ) ?? false;
  if (imported) return 'imported';
  return catalog.unpublishedContracts.some((u) => u.integration === integrationId)
    ? 'kontrakt ikke offentliggjort'
    : 'ikke importeret';
}
