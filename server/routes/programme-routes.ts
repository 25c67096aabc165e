/**
 * KOMBIT's programme overview served live, and the decisions behind it: KOMBIT sets a system's
 * place with one of KOMBIT's reasons; a supplier contests KOMBIT's estimate of an integration for
 * its own system ("Leverandøren er ikke enig"); KOMBIT decides an open contest (upheld or changed,
 * with its reason); KOMBIT sets a cell's status by hand with a reason (the sheet's `manual` event,
 * checked as `klarmeld sheet` checks it). Each write appends to the history. The web front's
 * forms call these routes.
 */
import type { Catalog } from '../../catalog/index.ts';
import { findSystem } from '../../catalog/index.ts';
import {
  checkEvent,
  contestReason,
  findCategory,
  readWord,
  findReason,
  openContests,
  programmeOverview,
  programmeReasons,
} from '../../conformance/onboarding/index.ts';
import { ApiError, badRequest, notFound } from '../api/api-error.ts';
import { requireOwner, requireRole } from '../api/access.ts';
import type { ApiRoute } from '../api/json-api.ts';
import type { ServerStore } from '../store/server-store.ts';
import { integrationId, optionalText, text } from './fields.ts';
import { visibleSystems } from './sheet-routes.ts';

export function programmeRoutes(store: ServerStore, catalog: Catalog): ApiRoute[] {
  const systemOf = (body: Record<string, unknown>) => {
    const system = findSystem(catalog, text(body, 'system', "the system's catalogue id"));
    if (!system) throw notFound(`The system "${String(body.system)}" (not in the catalogue)`);
    return system;
  };
  return [
    {
      method: 'GET',
      path: '/api/programme',
      async handle({ who }) {
        const visible = visibleSystems(catalog, who);
        const overview = programmeOverview(
          { ...catalog, systems: catalog.systems.filter((s) => visible.has(s.id)) },
          (await store.currentStatuses()).filter((e) => visible.has(e.system)),
          await store.programmeEvents(),
          (await store.contestEvents()).filter((c) => visible.has(c.system)),
        );
        return { body: { overview } };
      },
    },
    {
      method: 'POST',
      path: '/api/programme',
      async handle({ who, body }) {
        requireRole(who, ['kombit'], "set a system's place in the onboarding programme");
        const system = systemOf(body);
        const asked = text(
          body,
          'category',
          'a programme category, e.g. "Administrativt fjernet" or "" to derive it from the cells',
        );
        const category = findCategory(asked);
        if (!category) throw badRequest(`"${asked}" is not one of KOMBIT's programme categories.`);
        const reasonText = optionalText(body, 'reason', "one of KOMBIT's reasons");
        const reason = reasonText === undefined ? undefined : findReason(reasonText);
        if (reasonText !== undefined && !reason)
          throw badRequest(`"${reasonText}" is not one of KOMBIT's reasons: ${programmeReasons.join('; ')}.`);
        // A number from a JSON client, text from the web front's form.
        const roundText =
          typeof body.round === 'number'
            ? String(body.round)
            : optionalText(body, 'round', 'the onboarding round, a whole number');
        const round = roundText === undefined ? undefined : Number(roundText);
        if (round !== undefined && !(Number.isInteger(round) && round > 0))
          throw badRequest(`"round" must be a whole number from 1, not "${roundText}".`);
        const note = optionalText(body, 'note', 'a short text');
        const event = await store.appendProgrammeEvent({
          system: system.id,
          category: category.code,
          ...(category.round && round ? { round } : {}),
          ...(reason ? { reason } : {}),
          ...(note ? { note } : {}),
          actor: who.name,
        });
        await store.appendHistory({
          actor: who.id,
          action: 'programme.set',
          subject: system.id,
          detail: { category: category.code, ...(reason ? { reason } : {}) },
        });
        return { status: 201, body: { event } };
      },
    },
    {
      method: 'POST',
      path: '/api/sheet',
      async handle({ who, body }) {
        requireRole(who, ['kombit'], 'set a status in the onboarding sheet');
        const system = systemOf(body);
        const integration = integrationId(catalog, body);
        const read = readWord(
          catalog.statuses,
          text(body, 'status', 'a word of the sheet, e.g. "Klarmeldt", "Delvist", "Forløb 3", "Irrelevant"'),
        );
        if ('problem' in read) throw badRequest(read.problem);
        const reason = optionalText(body, 'reason', 'why KOMBIT sets it');
        const event = {
          system: system.id,
          integration,
          status: 'code' in read ? read.code : '',
          ...('code' in read ? { word: read.word } : {}),
          ...(reason ? { reason } : {}),
        };
        const problems = checkEvent(catalog, event);
        if (problems.length > 0) throw badRequest(problems.map((p) => p.message).join(' '));
        const recorded = await store.appendStatusEvent({ ...event, actor: who.name, source: 'manual' });
        await store.appendHistory({
          actor: who.id,
          action: 'status.set',
          subject: system.id,
          detail: { integration, status: recorded.status, ...(reason ? { reason } : {}) },
        });
        return { status: 201, body: { event: recorded } };
      },
    },
    {
      method: 'POST',
      path: '/api/contests',
      async handle({ who, body }) {
        const system = systemOf(body);
        requireRole(who, ['supplier'], `contest KOMBIT's estimate for ${system.id}`);
        requireOwner(
          who,
          { supplierCvr: system.supplier, systemId: system.id },
          `contest KOMBIT's estimate for ${system.id}`,
        );
        const integration = integrationId(catalog, body);
        const note = optionalText(body, 'reason', 'why the supplier disagrees');
        const event = await store.appendContestEvent({
          system: system.id,
          integration,
          kind: 'contest',
          reason: note ? `${contestReason}: ${note}` : contestReason,
          actor: who.name,
        });
        await store.appendHistory({
          actor: who.id,
          action: 'contest.open',
          subject: system.id,
          detail: { integration },
        });
        return { status: 201, body: { event } };
      },
    },
    {
      method: 'POST',
      path: '/api/contests/decisions',
      async handle({ who, body }) {
        requireRole(who, ['kombit'], 'decide a contest of its estimate');
        const system = systemOf(body);
        const integration = integrationId(catalog, body);
        const decision = text(body, 'decision', '"upheld" (KOMBIT keeps its estimate) or "changed"');
        if (decision !== 'upheld' && decision !== 'changed')
          throw badRequest(`"decision" must be "upheld" or "changed", not "${decision}".`);
        const reason = text(body, 'reason', "KOMBIT's reason, which the supplier reads");
        if (
          !openContests(await store.contestEvents()).some(
            (c) => c.system === system.id && c.integration === integration,
          )
        ) {
          throw new ApiError(
            409,
            'contest.none-open',
            `No open contest of ${system.id} × ${integration} to decide: the supplier has not contested it, or KOMBIT has decided it already. GET /api/programme lists the open contests.`,
          );
        }
        const event = await store.appendContestEvent({
          system: system.id,
          integration,
          kind: 'decision',
          decision,
          reason,
          actor: who.name,
        });
        await store.appendHistory({
          actor: who.id,
          action: `contest.${decision}`,
          subject: system.id,
          detail: { integration, reason },
        });
        return { status: 201, body: { event } };
      },
    },
  ];
}
