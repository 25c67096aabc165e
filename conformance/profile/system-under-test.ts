import type { Catalog } from '../../catalog/index.ts';
import { currentVersion, findIntegration, findSystem, requirementsOf } from '../../catalog/index.ts';
import { ProfileError, type ProfileProblem } from './problem.ts';
import type { Profile } from './schema.ts';

/** The system a run tests, as the catalogue lists it or as its profile describes it. */
export interface SystemUnderTest {
  id: string;
  name: string;
  /** The supplier's CVR. */
  supplier: string;
  /** True when KOMBIT's catalogue lists the system (its binding rules then apply). */
  listed: boolean;
  /**
   * The catalogue's it-system UUID of a listed system. A system outside the catalogue has none:
   * the embedded platform gives it a new one, which no catalogue system has, so its runs can
   * never count for a listed system.
   */
  userSystemUuid?: string;
  /** The integrations whose suites the run is for: what the catalogue requires of a listed system, what the profile names (and what those need) otherwise. */
  integrations: string[];
}

/**
 * Resolves the profile's `system`: a catalogue id, or a description. A description whose id the
 * catalogue lists is that catalogue system (its supplier must agree; its requirements decide
 * the suites), so a profile can neither rename nor re-scope a system KOMBIT lists. Throws a
 * ProfileError naming every problem.
 */
export function systemUnderTest(catalog: Catalog, profile: Profile, file: string): SystemUnderTest {
  const described = typeof profile.system === 'string' ? undefined : profile.system;
  const id = described?.id ?? (profile.system as string);
  const listed = findSystem(catalog, id);
  if (listed) {
    if (described && described.supplier !== listed.supplier) {
      throw new ProfileError([
        {
          code: 'profile-catalogue-mismatch',
          file,
          field: 'system.supplier',
          message: `The catalogue lists ${listed.id} (${listed.name}) with supplier CVR ${listed.supplier}, not ${described.supplier}. A catalogue system is tested as KOMBIT lists it: correct the CVR, or give your own system an id of its own`,
        },
      ]);
    }
    return {
      id: listed.id,
      name: listed.name,
      supplier: listed.supplier,
      listed: true,
      userSystemUuid: listed.userSystemUuid,
      integrations: requirementsOf(catalog, listed.id).required.map((r) => r.integration),
    };
  }
  if (!described) {
    throw new ProfileError([
      {
        code: 'profile-invalid',
        file,
        field: 'system',
        message: `The catalogue has no system "${id}". Describe your system in the profile instead (run "klarmeld init"), or name a catalogue system ("klarmeld catalog systems" lists them)`,
      },
    ]);
  }
  const problems: ProfileProblem[] = [];
  const missing = (field: string, message: string) =>
    problems.push({ code: 'profile-not-in-catalogue', file, field, message });
  described.areas.forEach((area, i) => {
    if (!catalog.areas.some((a) => a.id === area))
      missing(
        `system.areas.${i}`,
        `The catalogue has no SKI 02.19 area ${area}; its areas: ${catalog.areas.map((a) => a.id).join(', ')}`,
      );
  });
  const useCases = catalog.areas.flatMap((a) => a.useCases.map((u) => u.id));
  described.useCases.forEach((useCase, i) => {
    if (!useCases.includes(useCase))
      missing(
        `system.useCases.${i}`,
        `The catalogue has no use case ${useCase}${described.areas.length > 0 ? `; ${described.areas.join(', ')} has ${useCases.filter((u) => described.areas.some((a) => u.startsWith(`${a}.`))).join(', ') || 'none'}` : ''}`,
      );
  });
  described.integrations.forEach((implemented, i) => {
    const integration = findIntegration(catalog, implemented.id);
    if (!integration)
      return missing(
        `system.integrations.${i}.id`,
        `The catalogue has no integration ${implemented.id}; "klarmeld catalog list" shows them`,
      );
    const operations = (currentVersion(integration)?.services ?? []).flatMap((s) => s.operations.map((o) => o.name));
    implemented.operations.forEach((operation, j) => {
      if (!operations.includes(operation))
        missing(
          `system.integrations.${i}.operations.${j}`,
          `${implemented.id} has no operation ${operation} in its current version${operations.length > 0 ? `; its operations: ${operations.join(', ')}` : ''}`,
        );
    });
  });
  if (problems.length > 0) throw new ProfileError(problems);
  return {
    id: described.id,
    name: described.name,
    supplier: described.supplier,
    listed: false,
    integrations: withPrerequisites(
      catalog,
      described.integrations.map((i) => i.id),
    ),
  };
}

/** The integrations and, transitively, the ones they need (SF1500 needs SF1514's tokens), each once. */
function withPrerequisites(catalog: Catalog, ids: string[]): string[] {
  const all: string[] = [];
  const add = (id: string) => {
    if (all.includes(id)) return;
    all.push(id);
    for (const prerequisite of findIntegration(catalog, id)?.prerequisites ?? []) add(prerequisite);
  };
  ids.forEach(add);
  return all;
}
