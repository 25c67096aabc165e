import type { Catalog } from '../../catalog/index.ts';
import { UsageError } from '../usage-error.ts';

/** One line of `klarmeld catalog systems`: a SKI system the catalogue knows, by the id profiles and the sheet use. */
export interface SystemRow {
  id: string;
  name: string;
  supplier: string;
  areas: string[];
}

/** Every system of the catalogue, or those in one service area; an unknown area names the known ones. */
export function listSystems(catalog: Catalog, area?: string): SystemRow[] {
  if (area !== undefined && !catalog.areas.some((a) => a.id === area)) {
    throw new UsageError(
      `The catalogue has no service area "${area}". Known areas: ${catalog.areas.map((a) => a.id).join(', ')}.`,
    );
  }
  return catalog.systems
    .filter((s) => area === undefined || s.areas.includes(area))
    .map((s) => ({ id: s.id, name: s.name, supplier: s.supplier, areas: [...s.areas] }))
    .sort((a, b) => a.id.localeCompare(b.id));
}
