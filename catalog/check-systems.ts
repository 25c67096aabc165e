import type { CheckContext } from './check-context.ts';
import { collectRequirements, useCasesOf } from './query-required.ts';
import type { SkiSystem } from './schema/index.ts';

type Field = 'areas' | 'useCases' | 'municipalities';

function checkList(
  ctx: CheckContext,
  system: SkiSystem,
  field: Field,
  known: Set<string> | undefined,
  name: 'unknown-area' | 'unknown-use-case' | 'unknown-municipality',
  file: string,
): void {
  if (!known) return;
  system[field].forEach((ref, index) => {
    if (!known.has(ref)) {
      ctx.problems.push(
        ctx.origins.problem(
          name,
          system,
          [field, index],
          `The system ${system.id} lists "${ref}" in ${field}, but ${file} does not define it.`,
          `Correct the value, or add it to ${file}.`,
        ),
      );
    }
  });
}

/** A system's supplier, areas, use cases, municipalities, exceptions and recorded statuses all resolve. */
export function checkSystems(ctx: CheckContext): void {
  const { known } = ctx;
  const statuses = new Map(ctx.catalog.statuses.map((s) => [s.code, s]));
  for (const system of ctx.catalog.systems) {
    if (known.suppliers && !known.suppliers.has(system.supplier)) {
      ctx.problems.push(
        ctx.origins.problem(
          'unknown-supplier',
          system,
          ['supplier'],
          `The system ${system.id} names the supplier CVR ${system.supplier}, which suppliers.yaml does not list.`,
          'Correct the CVR, or add the supplier to suppliers.yaml.',
        ),
      );
    }
    checkList(ctx, system, 'areas', known.areas, 'unknown-area', 'service-areas.yaml');
    checkList(ctx, system, 'useCases', known.useCases, 'unknown-use-case', 'service-areas.yaml');
    checkList(ctx, system, 'municipalities', known.municipalities, 'unknown-municipality', 'municipalities.yaml');
    system.useCases.forEach((useCase, index) => {
      const area = useCase.split('.')[0] ?? '';
      if (known.useCases?.has(useCase) && !system.areas.includes(area)) {
        ctx.problems.push(
          ctx.origins.problem(
            'use-case-outside-area',
            system,
            ['useCases', index],
            `The system ${system.id} lists the use case ${useCase}, but not its service area ${area}.`,
            `Add ${area} to areas, or remove the use case.`,
          ),
        );
      }
    });
    const required = system.exceptions.length
      ? collectRequirements(ctx.catalog, useCasesOf(ctx.catalog, system))
      : new Map();
    system.exceptions.forEach((exception, index) => {
      if (known.integrations && !known.integrations.has(exception.integration)) {
        ctx.problems.push(
          ctx.origins.problem(
            'dangling-reference',
            system,
            ['exceptions', index, 'integration'],
            `The system ${system.id} declares an exception for "${exception.integration}", which the catalogue does not have.`,
            'Correct the integration id.',
          ),
        );
      } else if (known.packages && !required.has(exception.integration)) {
        ctx.problems.push(
          ctx.origins.problem(
            'exception-not-required',
            system,
            ['exceptions', index, 'integration'],
            `The system ${system.id} declares an exception for ${exception.integration}, but none of its use cases requires or offers it.`,
            "Remove the exception, or check the system's areas and use cases.",
            'warning',
          ),
        );
      }
    });
    (system.statuses ?? []).forEach((recorded, index) => {
      if (known.integrations && !known.integrations.has(recorded.integration)) {
        ctx.problems.push(
          ctx.origins.problem(
            'dangling-reference',
            system,
            ['statuses', index, 'integration'],
            `The system ${system.id} records a status for "${recorded.integration}", which the catalogue does not have.`,
            'Correct the integration id.',
          ),
        );
      }
      if (!known.statuses) return;
      const status = statuses.get(recorded.status);
      if (!known.statuses.has(recorded.status)) {
        ctx.problems.push(
          ctx.origins.problem(
            'unknown-status',
            system,
            ['statuses', index, 'status'],
            `"${recorded.status}" is not a status of the onboarding vocabulary.`,
            `Use one of the codes in onboarding-statuses.yaml: ${[...statuses.keys()].join(', ')}.`,
          ),
        );
      } else if (!status) {
        return; // the status itself is invalid and reported in onboarding-statuses.yaml
      } else if (status.reasonRequired && !recorded.reason) {
        ctx.problems.push(
          ctx.origins.problem(
            'reason-missing',
            system,
            ['statuses', index],
            `The status "${status.label}" needs a reason.`,
            status.reasons.length > 0
              ? `Add "reason:" with one of: ${status.reasons.join('; ')}.`
              : 'Add "reason:" saying why.',
          ),
        );
      } else if (recorded.reason && status.reasons.length > 0 && !status.reasons.includes(recorded.reason)) {
        ctx.problems.push(
          ctx.origins.problem(
            'unknown-reason',
            system,
            ['statuses', index, 'reason'],
            `"${recorded.reason}" is not one of the reasons allowed for "${status.label}".`,
            `Use one of: ${status.reasons.join('; ')}.`,
          ),
        );
      }
    });
  }
}
