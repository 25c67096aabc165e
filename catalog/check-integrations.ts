import type { CheckContext } from './check-context.ts';
import { compareVersions } from './compare-versions.ts';
import type { Integration } from './schema/index.ts';
import { isNumbered, type NumberedVersion } from './version-order.ts';

const referenceFields = ['prerequisites', 'replaces', 'replacedBy'] as const;

/** Every SF reference resolves, numbered versions ascend and at most one lacks a number, replacements are recorded on both sides, title-only integrations stay empty. */
export function checkIntegrations(ctx: CheckContext): void {
  const byId = new Map(ctx.catalog.integrations.map((i) => [i.id, i]));
  for (const integration of ctx.catalog.integrations) {
    for (const field of referenceFields) {
      integration[field].forEach((ref, index) => {
        if (ctx.known.integrations && !ctx.known.integrations.has(ref)) {
          ctx.problems.push(
            ctx.origins.problem(
              'dangling-reference',
              integration,
              [field, index],
              `${integration.id} lists "${ref}" in ${field}, but the catalogue has no integration ${ref}.`,
              `Correct the id, or add integrations/${ref}.yaml.`,
            ),
          );
        }
        if (ref === integration.id) {
          ctx.problems.push(
            ctx.origins.problem(
              'dangling-reference',
              integration,
              [field, index],
              `${integration.id} lists itself in ${field}.`,
              `Remove "${ref}" from ${field}.`,
            ),
          );
        }
      });
    }
    checkMutualReplacement(ctx, integration, byId);
    checkVersions(ctx, integration);
  }
}

function checkMutualReplacement(ctx: CheckContext, integration: Integration, byId: Map<string, Integration>): void {
  integration.replacedBy.forEach((ref, index) => {
    const target = byId.get(ref);
    if (target && !target.replaces.includes(integration.id)) {
      ctx.problems.push(
        ctx.origins.problem(
          'replaced-by-not-mutual',
          integration,
          ['replacedBy', index],
          `${integration.id} says it is replaced by ${ref}, but ${ref} does not list ${integration.id} in replaces.`,
          `Add ${integration.id} to "replaces" in integrations/${ref}.yaml.`,
          'warning',
        ),
      );
    }
  });
  integration.replaces.forEach((ref, index) => {
    const target = byId.get(ref);
    if (target && !target.replacedBy.includes(integration.id)) {
      ctx.problems.push(
        ctx.origins.problem(
          'replaced-by-not-mutual',
          integration,
          ['replaces', index],
          `${integration.id} says it replaces ${ref}, but ${ref} does not list ${integration.id} in replacedBy.`,
          `Add ${integration.id} to "replacedBy" in integrations/${ref}.yaml.`,
          'warning',
        ),
      );
    }
  });
}

/**
 * Numbered versions ascend, each once. A version without a number (KOMBIT's number is not in the
 * sources) is left out of that order: it sorts where it is listed (see `oldestFirst`). At most one
 * may lack a number, since two of them could not be told apart or ordered.
 */
function checkVersions(ctx: CheckContext, integration: Integration): void {
  let previous: NumberedVersion | undefined;
  let firstUnnumbered: number | undefined;
  integration.versions.forEach((version, index) => {
    if (!isNumbered(version)) {
      if (firstUnnumbered === undefined) firstUnnumbered = index;
      else {
        ctx.problems.push(
          ctx.origins.problem(
            'unnumbered-version-twice',
            integration,
            ['versions', index],
            `${integration.id} lists a second version without a number (the first is at ${ctx.origins.where(integration, ['versions', firstUnnumbered])}); at most one version may lack KOMBIT's number.`,
            'Write the version number the sources give (add the source to "sources"), or merge the two entries into one version without a number.',
          ),
        );
      }
      return;
    }
    if (previous && compareVersions(previous.version, version.version) >= 0) {
      ctx.problems.push(
        ctx.origins.problem(
          'versions-out-of-order',
          integration,
          ['versions', index, 'version'],
          `Version ${version.version} comes after version ${previous.version}; versions must be listed oldest first, each once.`,
          'Order the versions ascending by number (e.g. 3, 4, 6), and list each version once.',
        ),
      );
    }
    previous = version;
  });
  if (integration.publicInformation === 'kun-titel') {
    integration.versions.forEach((version, index) => {
      if (version.services.length > 0) {
        ctx.problems.push(
          ctx.origins.problem(
            'title-only-has-services',
            integration,
            ['versions', index, 'services'],
            `${integration.id} is marked publicInformation: kun-titel (only its title is public) but lists services.`,
            'Remove the services, or set publicInformation to "delvis" or "fuld" and name the sources of the service facts.',
          ),
        );
      }
    });
  }
}
