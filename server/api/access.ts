/**
 * Who may do what, and the 403 that says so. Each role's abilities are written once (`abilities`),
 * so every refusal can name what the caller may do instead of only what it may not.
 */
import type { Identity } from '../store/server-store.ts';
import { ApiError } from './api-error.ts';

const abilities: Record<Identity['role'], (who: Identity) => string> = {
  kombit: () => 'KOMBIT may read and write everything: issue tokens, read every system, run, sheet and the history',
  supplier: (who) =>
    `${who.name} (supplier, CVR ${who.cvr}) may register and read its own systems (those the catalogue gives to CVR ${who.cvr}), open runs of them, and read their runs and statuses`,
  municipality: (who) =>
    `${who.name} (municipality ${who.municipalityCode}) may read the systems the catalogue says it uses and their statuses, and approve or reject the service agreements that name it`,
};

/** What this caller may do, in one sentence. */
export const mayDo = (who: Identity): string => abilities[who.role](who);

/** 403: `what` the caller tried, why it may not, and what it may do. */
export function forbidden(who: Identity, what: string, why: string): ApiError {
  return new ApiError(403, 'api.forbidden', `${who.name} may not ${what}: ${why}. ${mayDo(who)}.`, { role: who.role });
}

/** Only these roles may go on. */
export function requireRole(who: Identity, roles: Identity['role'][], what: string): void {
  if (!roles.includes(who.role)) forbiddenThrow(who, what, `only ${roles.join(' or ')} may`);
}

/** A supplier may touch only systems of its own CVR; KOMBIT may touch all; a municipality none through this door. */
export function requireOwner(who: Identity, owner: { supplierCvr: string; systemId: string }, what: string): void {
  if (who.role === 'kombit') return;
  if (who.role === 'supplier' && who.cvr === owner.supplierCvr) return;
  forbiddenThrow(who, what, `${owner.systemId} belongs to supplier CVR ${owner.supplierCvr}`);
}

function forbiddenThrow(who: Identity, what: string, why: string): never {
  throw forbidden(who, what, why);
}
