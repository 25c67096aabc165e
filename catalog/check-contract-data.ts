import type { CheckContext } from './check-context.ts';

/**
 * Korsbæk samples (samples/<SF>.yaml) and the list of unpublished contracts name integrations the
 * catalogue has; a sample names a service and operation the integration has; and an integration
 * whose contract is imported is not also listed as unpublished (the list would hide that it can be
 * tested: remove the entry once the contract is imported).
 */
export function checkContractData(ctx: CheckContext): void {
  const integrations = new Map(ctx.catalog.integrations.map((i) => [i.id, i]));
  for (const file of ctx.catalog.samples) {
    const integration = integrations.get(file.integration);
    if (!integration) {
      if (ctx.known.integrations && !ctx.known.integrations.has(file.integration)) {
        ctx.problems.push(
          ctx.origins.problem(
            'dangling-reference',
            file,
            ['integration'],
            `The samples are for "${file.integration}", which the catalogue does not have.`,
            'Correct the integration id, or name the file after an integration of integrations/.',
          ),
        );
      }
      continue;
    }
    const services = integration.versions.flatMap((v) => v.services);
    file.samples.forEach((sample, i) => {
      const inService = services.filter((s) => sample.service === undefined || s.name === sample.service);
      if (inService.length === 0) {
        ctx.problems.push(
          ctx.origins.problem(
            'dangling-reference',
            file,
            ['samples', i, 'service'],
            `${file.integration} has no service "${sample.service}".`,
            `Use one of: ${[...new Set(services.map((s) => s.name))].join(', ')}.`,
          ),
        );
      } else if (
        sample.operation !== undefined &&
        !inService.some((s) => s.operations.some((o) => o.name === sample.operation))
      ) {
        ctx.problems.push(
          ctx.origins.problem(
            'dangling-reference',
            file,
            ['samples', i, 'operation'],
            `${file.integration} has no operation "${sample.operation}"${sample.service ? ` in ${sample.service}` : ''}.`,
            'Correct the operation name, or leave it out to give the sample to every operation.',
          ),
        );
      }
    });
  }
  for (const entry of ctx.catalog.unpublishedContracts) {
    const integration = integrations.get(entry.integration);
    if (!integration) {
      if (ctx.known.integrations && !ctx.known.integrations.has(entry.integration)) {
        ctx.problems.push(
          ctx.origins.problem(
            'dangling-reference',
            entry,
            ['integration'],
            `unpublished-contracts.yaml names "${entry.integration}", which the catalogue does not have.`,
            'Correct the integration id.',
          ),
        );
      }
      continue;
    }
    const imported = integration.versions.some((v) =>
      v.services.some((s) => s.contract.length > 0 || s.operations.some((o) => o.input !== undefined)),
    );
    if (imported) {
      ctx.problems.push(
        ctx.origins.problem(
          'invalid-value',
          entry,
          ['integration'],
          `${entry.integration} is listed as "kontrakt ikke offentliggjort", but its contract is in the catalogue.`,
          `Remove ${entry.integration} from unpublished-contracts.yaml.`,
        ),
      );
    }
  }
}
