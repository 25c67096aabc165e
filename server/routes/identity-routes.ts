/** Who am I, and KOMBIT issuing tokens: a supplier's bound to a CVR, a municipality's to its kommunekode. */
import type { Catalog } from '../../catalog/index.ts';
import { badRequest } from '../api/api-error.ts';
import { mayDo, requireRole } from '../api/access.ts';
import type { ApiRoute } from '../api/json-api.ts';
import type { NewIdentity, ServerStore } from '../store/server-store.ts';
import { hashToken, newToken } from '../tokens.ts';
import { text } from './fields.ts';

export function identityRoutes(store: ServerStore, catalog: Catalog): ApiRoute[] {
  return [
    { method: 'GET', path: '/api/whoami', handle: async ({ who }) => ({ body: { identity: who, mayDo: mayDo(who) } }) },
    {
      method: 'POST',
      path: '/api/identities',
      async handle({ who, body }) {
        requireRole(who, ['kombit'], 'issue API tokens');
        const role = text(body, 'role', '"supplier" or "municipality" (or "kombit")');
        let identity: NewIdentity;
        if (role === 'supplier') {
          const cvr = text(body, 'cvr', "the supplier's CVR, eight digits");
          if (!/^\d{8}$/.test(cvr)) throw badRequest(`"cvr" must be the supplier's CVR, eight digits, not "${cvr}".`);
          const known = catalog.suppliers.find((s) => s.cvr === cvr);
          identity = {
            role,
            cvr,
            name:
              typeof body.name === 'string' && body.name.trim() ? body.name.trim() : (known?.name ?? `Supplier ${cvr}`),
            createdBy: who.id,
          };
        } else if (role === 'municipality') {
          const code = text(body, 'municipalityCode', 'the municipality\'s three-digit kommunekode, e.g. "791"');
          const known = catalog.municipalities.find((m) => m.code === code);
          if (!known)
            throw badRequest(
              `No municipality with kommunekode "${code}" in the catalogue: give the three digits, e.g. "791" for Viborg Kommune.`,
            );
          identity = { role, municipalityCode: code, name: known.name, createdBy: who.id };
        } else if (role === 'kombit') {
          identity = { role, name: text(body, 'name', 'a name for the KOMBIT colleague'), createdBy: who.id };
        } else {
          throw badRequest(`"role" must be "supplier", "municipality" or "kombit", not "${role}".`);
        }
        const token = newToken();
        const issued = await store.addIdentity(identity, hashToken(token));
        await store.appendHistory({
          actor: who.id,
          action: 'identity.issue',
          subject: issued.id,
          detail: {
            role,
            name: issued.name,
            ...(issued.cvr ? { cvr: issued.cvr } : {}),
            ...(issued.municipalityCode ? { municipalityCode: issued.municipalityCode } : {}),
          },
        });
        // The token is shown once, here; the server keeps only its hash.
        return { status: 201, body: { identity: issued, token } };
      },
    },
    {
      method: 'GET',
      path: '/api/history',
      async handle({ who, query }) {
        requireRole(who, ['kombit'], 'read the history');
        return { body: { history: await store.history(query.get('subject') ?? undefined) } };
      },
    },
  ];
}
