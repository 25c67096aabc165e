import type { Catalog } from './catalog.ts';
import type { Origins } from './origins.ts';
import type { CatalogProblem } from './problems/index.ts';

/**
 * The ids each kind of reference may point at. A set is undefined when the file that defines
 * it is missing or unparseable: references to it are then not checked, because every one of
 * them would be reported and drown the one real problem (the broken file).
 */
export interface KnownIds {
  integrations?: Set<string>;
  areas?: Set<string>;
  useCases?: Set<string>;
  packages?: Set<string>;
  suppliers?: Set<string>;
  municipalities?: Set<string>;
  statuses?: Set<string>;
}

export interface CheckContext {
  catalog: Catalog;
  origins: Origins;
  known: KnownIds;
  problems: CatalogProblem[];
}
