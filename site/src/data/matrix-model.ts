import type { Catalog } from '../../../catalog/index.ts';
import { matrixColumns, type Backing } from '../../../conformance/onboarding/index.ts';
import type { CatalogIndex } from './catalog-index.ts';
import type { Readiness } from './readiness.ts';

/** A cell: whether the system requires the integration, and its status code ('' = blank) with what backs it. */
export interface MatrixCell {
  required: boolean;
  status?: string;
  /** Only where a run backs the status. */
  backing?: Backing['kind'];
}

export interface MatrixRow {
  systemId: string;
  name: string;
  supplier: string;
  supplierName: string;
  areas: string[];
  /** One of the project's example systems (`fictional: true`), marked so nobody takes it for a real SKI system. */
  fictional: boolean;
  cells: MatrixCell[];
}

export interface MatrixModel {
  /** KOMBIT's 18 integrations in KOMBIT's order, then the others some system requires or has a status for, in SF order. */
  columns: string[];
  rows: MatrixRow[];
  /** Cells per status code over the whole matrix; key '' counts required cells without status. */
  counts: Map<string, number>;
}

const sfOrder = (a: string, b: string) => a.localeCompare(b, 'da', { numeric: true });

/**
 * The onboarding matrix: one row per system; KOMBIT's 18 columns whether or not a system requires
 * them (KOMBIT's sheet has them), then every other integration some system requires or has a
 * status for.
 */
export function buildMatrix(catalog: Catalog, index: CatalogIndex, readiness: Readiness): MatrixModel {
  const columns = matrixColumns(
    [...index.systemsRequiring.keys(), ...readiness.entries.filter((e) => e.status).map((e) => e.integration)].sort(
      sfOrder,
    ),
  );
  const counts = new Map<string, number>();
  const rows = [...catalog.systems]
    .sort((a, b) => a.name.localeCompare(b.name, 'da', { numeric: true }))
    .map((system): MatrixRow => {
      const required = new Set((index.requiredBy.get(system.id) ?? []).map((r) => r.integration));
      const cells = columns.map((integration): MatrixCell => {
        const entry = readiness.of(system.id, integration);
        const status = entry?.status ?? '';
        const needed = required.has(integration);
        if (!needed && !status) return { required: false };
        counts.set(status, (counts.get(status) ?? 0) + 1);
        const backing = entry && entry.backing.kind !== 'none' ? { backing: entry.backing.kind } : {};
        return { required: needed, status, ...backing };
      });
      return {
        systemId: system.id,
        name: system.name,
        supplier: system.supplier,
        supplierName: index.supplier.get(system.supplier)?.name ?? system.supplier,
        areas: system.areas,
        fictional: system.fictional,
        cells,
      };
    });
  return { columns, rows, counts };
}
