import type { Catalog } from '../../../catalog/catalog.ts';
import type { CatalogIndex } from './catalog-index.ts';
import type { Readiness } from './readiness.ts';

/** A cell: '' when the system does not require the integration, else the status code ('' code = no status yet). */
export interface MatrixCell {
  required: boolean;
  status?: string;
}

export interface MatrixRow {
  systemId: string;
  name: string;
  supplier: string;
  supplierName: string;
  areas: string[];
  cells: MatrixCell[];
}

export interface MatrixModel {
  /** Integration ids required by at least one system, in SF order. */
  columns: string[];
  rows: MatrixRow[];
  /** Cells per status code over the whole matrix; key '' counts required cells without status. */
  counts: Map<string, number>;
}

const sfOrder = (a: string, b: string) => a.localeCompare(b, 'da', { numeric: true });

/**
 * The onboarding matrix: one row per system, one column per integration that any system
 * requires. Columns nobody requires would be empty and only widen a matrix that is already wide.
 */
export function buildMatrix(catalog: Catalog, index: CatalogIndex, readiness: Readiness): MatrixModel {
  const columns = [...index.systemsRequiring.keys()].sort(sfOrder);
  const counts = new Map<string, number>();
  const rows = [...catalog.systems]
    .sort((a, b) => a.name.localeCompare(b.name, 'da', { numeric: true }))
    .map((system): MatrixRow => {
      const required = new Set((index.requiredBy.get(system.id) ?? []).map((r) => r.integration));
      const cells = columns.map((integration): MatrixCell => {
        if (!required.has(integration)) return { required: false };
        const status = readiness.of(system.id, integration)?.status ?? '';
        counts.set(status, (counts.get(status) ?? 0) + 1);
        return { required: true, status };
      });
      return {
        systemId: system.id,
        name: system.name,
        supplier: system.supplier,
        supplierName: index.supplier.get(system.supplier)?.name ?? system.supplier,
        areas: system.areas,
        cells,
      };
    });
  return { columns, rows, counts };
}
