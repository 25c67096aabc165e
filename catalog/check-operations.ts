import type { CheckContext } from './check-context.ts';
import type { FieldPath } from './origins.ts';
import { operationAction } from './operation-action.ts';
import type { Integration, Service } from './schema/index.ts';
import { serviceKeyClashes } from './service-key-clashes.ts';

const opPath = (v: number, s: number, o: number, field?: string): FieldPath => [
  'versions',
  v,
  'services',
  s,
  'operations',
  o,
  ...(field ? [field] : []),
];

/**
 * Within a service an operation is listed once: one name, one soapAction (or method and path),
 * since the platform picks the operation of a call by them. Within a version two services do not
 * overlap: no soapAction (or method and path) in both, no name and version twice; nor does another
 * integration list one of its soapActions. A service listed twice, or copied into another
 * integration, with the same ServiceUUID, entity ID or endpoint is left to checkServiceKeys,
 * which already reports it.
 */
export function checkOperations(ctx: CheckContext): void {
  const clashes = serviceKeyClashes(ctx.catalog);
  const keyed = new Set(
    clashes
      .filter((c) => c.earlier.integration === c.later.integration && c.earlier.version === c.later.version)
      .map((c) => `${c.later.integration.id}|${c.later.version}|${c.later.index}`),
  );
  // A copied integration repeats the original's soapActions and its keys: checkServiceKeys reports it.
  const copied = new Set(
    clashes
      .filter((c) => c.earlier.integration !== c.later.integration)
      .map((c) => `${c.later.integration.id}|${c.later.version}|${c.later.index}|${c.earlier.integration.id}`),
  );
  const elsewhere = new Map<string, { integration: Integration; v: number; s: number; o: number }>();
  for (const integration of ctx.catalog.integrations) {
    integration.versions.forEach((version, v) => {
      version.services.forEach((service, s) => checkService(ctx, integration, v, s, service));
      checkOverlaps(ctx, integration, v, version.services, keyed);
      version.services.forEach((service, s) =>
        checkOtherIntegrations(ctx, integration, v, s, service, elsewhere, copied),
      );
    });
  }
}

/**
 * A soapAction (or method and path) names an operation of one integration: another integration
 * that lists it has taken in a service that is not its own (SF1500's v6 bundle also holds the
 * Klassifikation services, which belong to SF1510). Reported once per service.
 */
function checkOtherIntegrations(
  ctx: CheckContext,
  integration: Integration,
  v: number,
  s: number,
  service: Service,
  first: Map<string, { integration: Integration; v: number; s: number; o: number }>,
  copied: Set<string>,
): void {
  let reported = false;
  service.operations.forEach((op, o) => {
    const action = operationAction(op);
    if (action === undefined) return;
    const earlier = first.get(action);
    if (earlier === undefined) {
      first.set(action, { integration, v, s, o });
      return;
    }
    if (earlier.integration === integration || reported) return;
    reported = true;
    if (copied.has(`${integration.id}|${v}|${s}|${earlier.integration.id}`)) return;
    const other = earlier.integration.versions[earlier.v]!.services[earlier.s]!;
    ctx.problems.push(
      ctx.origins.problem(
        'overlapping-services',
        integration,
        opPath(v, s, o),
        `${integration.id} ${service.name} lists the operation with ${action}, which is ${earlier.integration.id} ${other.name}'s (at ${ctx.origins.where(earlier.integration, opPath(earlier.v, earlier.s, earlier.o))}); an operation belongs to one integration.`,
        `If the service is ${earlier.integration.id}'s (a bundle can hold another integration's services), remove it from ${ctx.origins.fileOf(integration)}; otherwise correct the soapAction from the contract.`,
      ),
    );
  });
}

function checkService(ctx: CheckContext, integration: Integration, v: number, s: number, service: Service): void {
  const names = new Map<string, number>();
  const actions = new Map<string, number>();
  service.operations.forEach((op, o) => {
    const where = (i: number, field: string) => `${ctx.origins.where(integration, opPath(v, s, i, field))}`;
    const earlierName = names.get(op.name);
    if (earlierName !== undefined) {
      ctx.problems.push(
        ctx.origins.problem(
          'duplicate-operation',
          integration,
          opPath(v, s, o, 'name'),
          `${service.name} lists the operation "${op.name}" twice (first at ${where(earlierName, 'name')}).`,
          'List each operation once: remove one of the two entries, or correct its name from the contract.',
        ),
      );
    } else names.set(op.name, o);
    const action = operationAction(op);
    if (action === undefined) return;
    const earlierAction = actions.get(action);
    if (earlierAction !== undefined && service.operations[earlierAction]!.name !== op.name) {
      const field = op.soapAction !== undefined ? 'soapAction' : 'path';
      ctx.problems.push(
        ctx.origins.problem(
          'duplicate-operation',
          integration,
          opPath(v, s, o, field),
          `${service.name}'s operations "${service.operations[earlierAction]!.name}" and "${op.name}" have the same ${action} (first at ${where(earlierAction, field)}); a call could not say which of them it is for.`,
          'Correct the soapAction (or method and path) from the contract: each operation has its own.',
        ),
      );
    } else if (earlierAction === undefined) actions.set(action, o);
  });
}

function checkOverlaps(
  ctx: CheckContext,
  integration: Integration,
  v: number,
  services: Service[],
  keyed: Set<string>,
): void {
  const owner = new Map<string, { s: number; o: number }>();
  const named = new Map<string, number>();
  services.forEach((service, s) => {
    const key = `${service.name}|${service.version}`;
    const twin = named.get(key);
    if (twin === undefined) named.set(key, s);
    else if (!keyed.has(`${integration.id}|${v}|${s}`)) {
      ctx.problems.push(
        ctx.origins.problem(
          'overlapping-services',
          integration,
          ['versions', v, 'services', s, 'name'],
          `${integration.id} lists ${service.name} ${service.version} twice in one version (first at ${ctx.origins.where(integration, ['versions', v, 'services', twin, 'name'])}).`,
          'List each service once in a version: merge the two entries (keep the operations, endpoints and keys of both), or correct the name or version of one.',
        ),
      );
      return;
    }
    const reported = new Set<number>();
    service.operations.forEach((op, o) => {
      const action = operationAction(op);
      if (action === undefined) return;
      const first = owner.get(action);
      if (first === undefined) {
        owner.set(action, { s, o });
        return;
      }
      if (first.s === s || reported.has(first.s)) return;
      reported.add(first.s);
      const other = services[first.s]!;
      ctx.problems.push(
        ctx.origins.problem(
          'overlapping-services',
          integration,
          opPath(v, s, o),
          `${service.name} ${service.version} and ${other.name} ${other.version} both list the operation with ${action} (${other.name}'s at ${ctx.origins.where(integration, opPath(v, first.s, first.o))}); one operation belongs to one service.`,
          `If the two entries are one service (a contract imported under another name), merge them into one; otherwise correct the soapAction from the contract.`,
        ),
      );
    });
  });
}
