/**
 * The server's onboarding sheet as each role may see it: KOMBIT every system, a supplier its own,
 * a municipality those the catalogue says it uses; each status with what backs it (the same
 * phrases as the report and the site).
 */
import type { Catalog } from '../../catalog/index.ts';
import { backingKindLabels, backingOf, buildMatrix } from '../../conformance/onboarding/index.ts';
import type { ApiRoute } from '../api/json-api.ts';
import type { Identity, ServerStore } from '../store/server-store.ts';

/** The catalogue systems this caller may see the statuses of. */
export function visibleSystems(catalog: Catalog, who: Identity): Set<string> {
  const cvr = catalog.municipalities.find((m) => m.code === who.municipalityCode)?.cvr;
  return new Set(
    catalog.systems
      .filter(
        (s) =>
          who.role === 'kombit' ||
          (who.role === 'supplier' && s.supplier === who.cvr) ||
          (who.role === 'municipality' && cvr !== undefined && s.municipalities.includes(cvr)),
      )
      .map((s) => s.id),
  );
}

export function sheetRoutes(store: ServerStore, catalog: Catalog): ApiRoute[] {
  return [
    {
      method: 'GET',
      path: '/api/sheet',
      async handle({ who }) {
        const visible = visibleSystems(catalog, who);
        const statuses = (await store.currentStatuses())
          .filter((e) => visible.has(e.system))
          .map((e) => {
            const backing = backingOf(e.evidence);
            return { ...e, backing: { ...backing, label: backingKindLabels[backing.kind] } };
          });
        return { body: { statuses } };
      },
    },
    {
      // KOMBIT's matrix (system × integration, as `klarmeld sheet matrix` and the site show it), of the systems this caller may see.
      method: 'GET',
      path: '/api/matrix',
      async handle({ who }) {
        const visible = visibleSystems(catalog, who);
        const matrix = buildMatrix(
          catalog,
          (await store.currentStatuses()).filter((e) => visible.has(e.system)),
          who.role === 'supplier' ? { supplier: who.cvr! } : {},
        );
        return { body: { ...matrix, rows: matrix.rows.filter((r) => visible.has(r.system)) } };
      },
    },
  ];
}
