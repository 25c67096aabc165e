import type { CheckContext } from './check-context.ts';

/** Use cases sit under their own area and name packages and integrations that exist; packages name integrations that exist. */
export function checkAreasAndPackages(ctx: CheckContext): void {
  for (const area of ctx.catalog.areas) {
    area.useCases.forEach((useCase, u) => {
      if (!useCase.id.startsWith(`${area.id}.`)) {
        ctx.problems.push(
          ctx.origins.problem(
            'invalid-value',
            area,
            ['useCases', u, 'id'],
            `The use case ${useCase.id} is listed under the service area ${area.id}.`,
            `Move it to the area its id names, or correct the id to start with "${area.id}.".`,
          ),
        );
      }
      useCase.packages.forEach((entry, p) => {
        if (ctx.known.packages && !ctx.known.packages.has(entry.package)) {
          ctx.problems.push(
            ctx.origins.problem(
              'unknown-package',
              area,
              ['useCases', u, 'packages', p, 'package'],
              `The use case ${useCase.id} requires the package ${entry.package}, which integration-packages.yaml does not define.`,
              'Correct the package id, or add the package to integration-packages.yaml.',
            ),
          );
        }
      });
      useCase.integrations.forEach((entry, i) => {
        if (ctx.known.integrations && !ctx.known.integrations.has(entry.integration)) {
          ctx.problems.push(
            ctx.origins.problem(
              'dangling-reference',
              area,
              ['useCases', u, 'integrations', i, 'integration'],
              `The use case ${useCase.id} requires "${entry.integration}" outside any package, but the catalogue has no integration ${entry.integration}.`,
              `Correct the id, or add integrations/${entry.integration}.yaml.`,
            ),
          );
        }
      });
    });
  }
  for (const pkg of ctx.catalog.packages) {
    for (const field of ['business', 'prerequisites'] as const) {
      pkg[field].forEach((ref, index) => {
        if (ctx.known.integrations && !ctx.known.integrations.has(ref)) {
          ctx.problems.push(
            ctx.origins.problem(
              'dangling-reference',
              pkg,
              [field, index],
              `The package ${pkg.id} lists "${ref}" in ${field}, but the catalogue has no integration ${ref}.`,
              `Correct the id, or add integrations/${ref}.yaml.`,
            ),
          );
        }
      });
    }
  }
}
