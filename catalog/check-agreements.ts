import type { CheckContext } from './check-context.ts';

/**
 * An imported agreement list names systems, integrations and municipalities the catalogue has;
 * an agreement for a municipality that does not use the system is kept but reported, since it
 * cannot count towards the system's spread (the catalogue's list of users may be out of date).
 */
export function checkAgreements(ctx: CheckContext): void {
  const { known } = ctx;
  const systems = new Map(ctx.catalog.systems.map((s) => [s.id, s]));
  for (const agreement of ctx.catalog.agreements) {
    const system = systems.get(agreement.system);
    if (!system) {
      ctx.problems.push(
        ctx.origins.problem(
          'dangling-reference',
          agreement,
          ['system'],
          `A service agreement names the system "${agreement.system}", which systems.yaml does not have.`,
          'Correct the system id, or import the system first (klarmeld catalog import-systems).',
        ),
      );
    }
    if (known.integrations && !known.integrations.has(agreement.integration)) {
      ctx.problems.push(
        ctx.origins.problem(
          'dangling-reference',
          agreement,
          ['integration'],
          `A service agreement of ${agreement.system} names "${agreement.integration}", which the catalogue does not have.`,
          'Correct the integration id.',
        ),
      );
    }
    if (known.municipalities && !known.municipalities.has(agreement.municipality)) {
      ctx.problems.push(
        ctx.origins.problem(
          'unknown-municipality',
          agreement,
          ['municipality'],
          `A service agreement of ${agreement.system} names the municipality CVR ${agreement.municipality}, which municipalities.yaml does not define.`,
          'Correct the CVR.',
        ),
      );
    } else if (system && !system.municipalities.includes(agreement.municipality)) {
      ctx.problems.push(
        ctx.origins.problem(
          'invalid-value',
          agreement,
          ['municipality'],
          `A service agreement lets ${agreement.system} call ${agreement.integration} for CVR ${agreement.municipality}, which the system's municipalities do not list; it does not count towards the spread.`,
          `Add the municipality to ${agreement.system} in systems.yaml if it uses the system.`,
          'warning',
        ),
      );
    }
  }
}
