/**
 * Service agreements: a municipality approves or rejects an agreement of a system × integration
 * that names it. The catalogue says which municipalities use a system; an agreement with one it
 * does not list is refused with that reason, so approvals follow the programme's data. The
 * decision becomes the agreement on the server's platform (an approval makes it, a rejection
 * removes it), which a judged run's `platform.agreement-approved` test reads.
 */
import type { Catalog } from '../../catalog/index.ts';
import { findSystem } from '../../catalog/index.ts';
import { ApiError, badRequest, notFound } from '../api/api-error.ts';
import { requireRole } from '../api/access.ts';
import type { ApiRoute } from '../api/json-api.ts';
import type { RunningPlatform } from '../../conformance/platform/index.ts';
import { applyDecision } from '../platform/agreement-on-platform.ts';
import type { ServerStore } from '../store/server-store.ts';
import { integrationId, optionalText, text } from './fields.ts';
import { visibleSystems } from './sheet-routes.ts';

export function agreementRoutes(store: ServerStore, catalog: Catalog, platform: RunningPlatform): ApiRoute[] {
  return [
    {
      method: 'POST',
      path: '/api/agreements',
      async handle({ who, body }) {
        requireRole(who, ['municipality'], 'approve or reject a service agreement');
        const municipality = catalog.municipalities.find((m) => m.code === who.municipalityCode)!;
        const system = findSystem(catalog, text(body, 'system', "the system's catalogue id"));
        if (!system) throw notFound(`The system "${String(body.system)}" (not in the catalogue)`);
        const integration = integrationId(catalog, body);
        const decision = text(body, 'decision', '"approve" or "reject"');
        if (decision !== 'approve' && decision !== 'reject')
          throw badRequest(`"decision" must be "approve" or "reject", not "${decision}".`);
        const reason = optionalText(body, 'reason', 'a short text');
        if (!system.municipalities.includes(municipality.cvr)) {
          throw new ApiError(
            409,
            'agreement.municipality-not-using',
            `${municipality.name} cannot ${decision} an agreement for ${system.name} (${system.id}): the catalogue does not list ${municipality.name} (CVR ${municipality.cvr}) among the ${system.municipalities.length} municipalities using the system. If the municipality has started to use it, KOMBIT updates the catalogue first.`,
          );
        }
        const recorded = await store.decideAgreement({
          systemId: system.id,
          integration,
          municipalityCvr: municipality.cvr,
          decision: decision === 'approve' ? 'approved' : 'rejected',
          ...(reason ? { reason } : {}),
          actor: who.id,
        });
        // On the platform at once (approved, or removed); a system not registered yet gets it with its first run.
        const onPlatform = applyDecision(platform, system, recorded);
        await store.appendHistory({
          actor: who.id,
          action: `agreement.${decision}`,
          subject: system.id,
          detail: { integration, municipalityCvr: municipality.cvr, onPlatform, ...(reason ? { reason } : {}) },
        });
        return { status: 201, body: { decision: recorded, onPlatform } };
      },
    },
    {
      method: 'GET',
      path: '/api/agreements',
      async handle({ who }) {
        const cvr = catalog.municipalities.find((m) => m.code === who.municipalityCode)?.cvr;
        const decisions =
          who.role === 'municipality'
            ? await store.agreementDecisions({ municipalityCvr: cvr ?? '' })
            : await store.agreementDecisions(
                who.role === 'supplier' ? { systemIds: [...visibleSystems(catalog, who)] } : {},
              );
        return { body: { decisions } };
      },
    },
  ];
}
