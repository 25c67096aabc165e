/**
 * A system's connection report (tilslutningsrapport) served live: the sheet's statuses, and the
 * spread per integration ("tilsluttet i N af M kommuner") from the catalogue's agreement list
 * with the municipalities' decisions made here on top (the latest decision per system ×
 * integration × municipality counts).
 */
import type { Catalog } from '../../catalog/index.ts';
import { findSystem } from '../../catalog/index.ts';
import { buildConnectionReport } from '../../conformance/onboarding/index.ts';
import { forbidden } from '../api/access.ts';
import { notFound } from '../api/api-error.ts';
import type { ApiRoute } from '../api/json-api.ts';
import type { AgreementDecision, ServerStore } from '../store/server-store.ts';
import { visibleSystems } from './sheet-routes.ts';

/** The catalogue's agreements with the server's decisions applied. */
export function agreementsWithDecisions(
  catalog: Catalog,
  decisions: readonly AgreementDecision[],
): Catalog['agreements'] {
  const key = (a: { system: string; integration: string; municipality: string }) =>
    `${a.system} ${a.integration} ${a.municipality}`;
  const merged = new Map(catalog.agreements.map((a) => [key(a), a]));
  for (const d of decisions) {
    const agreement = {
      system: d.systemId,
      integration: d.integration,
      municipality: d.municipalityCvr,
      status: d.decision === 'approved' ? 'Godkendt' : 'Afvist',
    };
    merged.set(key(agreement), agreement);
  }
  return [...merged.values()];
}

export function reportRoutes(store: ServerStore, catalog: Catalog): ApiRoute[] {
  return [
    {
      method: 'GET',
      path: '/api/systems/:id/report',
      async handle({ who, params }) {
        const system = findSystem(catalog, params.id!);
        if (!system) throw notFound(`The system "${params.id}" (not in the catalogue)`);
        if (!visibleSystems(catalog, who).has(system.id))
          throw forbidden(
            who,
            `read the connection report of ${system.id}`,
            `${system.id} belongs to supplier CVR ${system.supplier}`,
          );
        const live = {
          ...catalog,
          agreements: agreementsWithDecisions(catalog, await store.agreementDecisions({ systemIds: [system.id] })),
        };
        return { body: { report: buildConnectionReport(live, system.id, await store.currentStatuses()) } };
      },
    },
  ];
}
