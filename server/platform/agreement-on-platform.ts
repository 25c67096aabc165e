/**
 * A municipality's decision on the server becomes the service agreement on the server's platform
 * registry (issue 13): an approval makes (or approves) the agreement of system × integration ×
 * municipality, a rejection removes it. So the platform refuses a call for a municipality that
 * rejected, and a judged run's `platform.agreement-approved` reads what the municipality decided.
 *
 * The registry is this instance's own (its platform folder) while the decisions are in the shared
 * database: each run applies the latest decisions of its system again (`applyDecisions`), so an
 * instance that did not take the decision, or a restarted one, agrees with the database.
 */
import type { SkiSystem } from '../../catalog/index.ts';
import { PlatformAdminError } from '../../conformance/platform/index.ts';
import type { RunningPlatform } from '../../conformance/platform/index.ts';
import type { AgreementDecision } from '../store/server-store.ts';

export type Decided = Pick<AgreementDecision, 'integration' | 'municipalityCvr' | 'decision'>;

/**
 * Makes the registry say what `decision` says; a system not on the platform yet is left (its
 * first run applies it), and so is an integration the platform serves no service of (e.g.
 * SAPA-dialog): the decision is kept on the server either way.
 */
export function applyDecision(
  platform: RunningPlatform,
  system: Pick<SkiSystem, 'userSystemUuid'>,
  decided: Decided,
): 'approved' | 'removed' | 'not-registered' | 'not-served' {
  const uuid = system.userSystemUuid;
  if (!platform.registry.findSystem(uuid)) return 'not-registered';
  const existing = platform.admin
    .agreements(uuid)
    .filter((a) => a.integration === decided.integration && a.municipalityCvr === decided.municipalityCvr);
  if (decided.decision === 'rejected') {
    for (const agreement of existing) platform.registry.removeAgreement(agreement.agreementUuid);
    return 'removed';
  }
  let agreement = existing[0];
  try {
    agreement ??= platform.admin.addAgreement({
      system: uuid,
      service: decided.integration,
      municipalityCvr: decided.municipalityCvr,
    });
  } catch (error) {
    if (error instanceof PlatformAdminError && error.code === 'platform.unknown-service') return 'not-served';
    throw error;
  }
  if (agreement.status !== 'approved') platform.admin.approveAgreement(agreement.agreementUuid);
  return 'approved';
}

/** The latest decision of each integration × municipality, oldest first (decisions come oldest first). */
export function latestDecisions(decisions: readonly AgreementDecision[]): AgreementDecision[] {
  const latest = new Map<string, AgreementDecision>();
  for (const d of decisions) {
    latest.delete(`${d.integration} ${d.municipalityCvr}`);
    latest.set(`${d.integration} ${d.municipalityCvr}`, d);
  }
  return [...latest.values()];
}

/** Applies the latest of a system's decisions to the registry (the system is on the platform). */
export function applyDecisions(
  platform: RunningPlatform,
  system: Pick<SkiSystem, 'userSystemUuid'>,
  decisions: readonly AgreementDecision[],
): void {
  for (const decided of latestDecisions(decisions)) applyDecision(platform, system, decided);
}
