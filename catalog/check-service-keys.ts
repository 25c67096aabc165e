import type { CheckContext } from './check-context.ts';
import type { FieldPath } from './origins.ts';
import { formatPath } from './problems/index.ts';
import type { Service } from './schema/index.ts';
import { sameIntegration, sameService, serviceKeyClashes, type Key, type Listing } from './service-key-clashes.ts';

const named = (l: Listing) => `${l.service.name} ${l.service.version}`;
const servicePath = (l: Listing, field: FieldPath): FieldPath => ['versions', l.version, 'services', l.index, ...field];
const written = (service: Service, field: FieldPath) =>
  String(field.reduce<unknown>((v, step) => (v as Record<string | number, unknown>)[step], service));

/** ServiceUUIDs, entity IDs and endpoints each name one service (see `serviceKeys` in service-key-clashes.ts for the rules). */
export function checkServiceKeys(ctx: CheckContext): void {
  for (const { key, earlier, later } of serviceKeyClashes(ctx.catalog)) report(ctx, key, earlier, later);
}

function report(ctx: CheckContext, key: Key, earlier: Listing, later: Listing): void {
  const { origins } = ctx;
  const [first, second] = [earlier.integration.id, later.integration.id];
  const firstFile = origins.fileOf(earlier.integration);
  const at = `${origins.where(earlier.integration, servicePath(earlier, key.field))} (${formatPath(servicePath(earlier, key.field))})`;
  const value = written(later.service, key.field);
  let message: string;
  let fix: string;
  if (!sameIntegration(earlier, later)) {
    message = `The ${key.label} ${value} of ${second} ${named(later)} is already that of ${first} ${named(earlier)}, at ${at}. ${key.harm(first, second)}`;
    fix = `Give ${second} ${key.source}, or leave the field out until the sources give it. If ${origins.fileOf(later.integration)} was copied from ${firstFile}, replace every ServiceUUID, entity ID and endpoint, or remove the file; if this is ${first}'s service, list it only in ${firstFile}.`;
  } else if (sameService(earlier, later)) {
    message = `${second} lists ${named(later)} twice in one version, with the same ${key.label} ${value} (first at ${at}).`;
    fix = 'List each service once in a version: remove one of the two entries.';
  } else {
    message = `The ${key.label} ${value} of ${named(later)} is already that of ${named(earlier)}, at ${at}. One ${key.label} names one service (its name and version); it repeats only where the same service is listed again in another version of ${second}.`;
    fix = `Correct the ${key.label} of one of the two from the sources; if both entries are one service, give them the same name and version.`;
  }
  ctx.problems.push(origins.problem(key.problem, later.integration, servicePath(later, key.field), message, fix));
}
