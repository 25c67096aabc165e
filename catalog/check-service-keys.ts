import type { CheckContext } from './check-context.ts';
import type { FieldPath } from './origins.ts';
import { formatPath, type ProblemName } from './problems/index.ts';
import type { Integration, Service } from './schema/index.ts';

/** One service as listed in one version of one integration. */
interface Listing {
  integration: Integration;
  version: number;
  index: number;
  service: Service;
}

/** A value that must point at one service only: how to read it from a service, and who may share it. */
interface Key {
  problem: ProblemName;
  field: FieldPath;
  label: string;
  /** The value as written, or undefined when the service has none (or it is not checked). */
  value(service: Service): string | undefined;
  /** Whether `later` may carry the same value as `earlier`. */
  mayShare(earlier: Listing, later: Listing): boolean;
  /** What goes wrong on the platform when another integration carries the value. */
  harm(earlier: string, later: string): string;
  /** Where the right value comes from. */
  source: string;
}

const sameIntegration = (a: Listing, b: Listing) => a.integration.id === b.integration.id;
const sameService = (a: Listing, b: Listing) =>
  sameIntegration(a, b) && a.service.name === b.service.name && a.service.version === b.service.version;
/** The same service listed again in another version of its integration (a new description that keeps the webservice). */
const carriedOver = (a: Listing, b: Listing) => sameService(a, b) && a.version !== b.version;

/** Compares addresses as the platform routes them: host in any case, default port, a trailing slash. */
function address(value: string): string {
  try {
    const url = new URL(value);
    return `${url.protocol}//${url.host}${url.pathname.replace(/\/+$/, '')}${url.search}`;
  } catch {
    return value.trim().replace(/\/+$/, '');
  }
}

const environments = [
  ['local', 'path on the embedded platform'],
  ['externalTest', 'external test endpoint'],
  ['production', 'production endpoint'],
] as const;

/**
 * The rules, and why (issue 9: a copy of SF1520 saved as SF1999 passed the check, and a service
 * agreement for SF1999 then authorised SF1520's PersonLookup on the platform):
 *
 * - ServiceUUID: Serviceplatformen finds the service a call is for, and the agreement that allows
 *   it, by the ServiceUUID in the InvocationContext. One ServiceUUID is one service (name and
 *   service version) of one integration; it repeats only where that same service is listed again
 *   in another version of the integration.
 * - Endpoint, per environment: the address a call reaches. Same rule as the ServiceUUID. AMQP
 *   endpoints are not compared: they are the Beskedfordeler's broker, which every AMQP service
 *   connects to (SF1461 BeskedHent and SF1462 BeskedAfsend in the shipped data); the queue or
 *   exchange names the service.
 * - Entity ID: the audience of the STS's tokens. KOMBIT gives one entity ID to a family of
 *   services: every Organisation service of SF1500, the SOAP v6 services and GraphQL
 *   OrganisationHent 1 alike, has http://stoettesystemerne.dk/service/organisation/3 (facts.md §2,
 *   §3.3). So it may repeat within one integration, across its services and versions, and never
 *   in another integration, whose tokens would then be accepted by this one's services.
 */
const keys: Key[] = [
  {
    problem: 'duplicate-service-uuid',
    field: ['serviceUuid'],
    label: 'ServiceUUID',
    value: (s) => s.serviceUuid?.toLowerCase(),
    mayShare: carriedOver,
    harm: (earlier, later) => `A ServiceUUID names one service on Serviceplatformen: a service agreement for ${later} would authorise calls to ${earlier}'s service.`,
    source: "its own ServiceUUID (Serviceplatformen's service overview shows it)",
  },
  {
    problem: 'duplicate-entity-id',
    field: ['entityId'],
    label: 'entity ID',
    value: (s) => (s.entityId === undefined ? undefined : address(s.entityId)),
    mayShare: sameIntegration,
    harm: (earlier, later) => `The entity ID is the audience of the STS's tokens: a token issued for ${later} would be accepted by ${earlier}'s service.`,
    source: 'the entity ID its sources give',
  },
  ...environments.map(([env, label]): Key => ({
    problem: 'duplicate-endpoint',
    field: ['endpoints', env],
    label,
    value: (s) => {
      const written = s.endpoints[env];
      if (written === undefined || s.protocol === 'AMQP' || /^amqps?:/i.test(written)) return undefined;
      return address(written);
    },
    mayShare: carriedOver,
    harm: (earlier, later) => `An endpoint answers for one service: a call made under ${later} would reach ${earlier}'s service.`,
    source: `the ${label} its sources give`,
  })),
];

const named = (l: Listing) => `${l.service.name} ${l.service.version}`;
const servicePath = (l: Listing, field: FieldPath): FieldPath => ['versions', l.version, 'services', l.index, ...field];
const written = (service: Service, field: FieldPath) =>
  String(field.reduce<unknown>((v, step) => (v as Record<string | number, unknown>)[step], service));

/** ServiceUUIDs, entity IDs and endpoints each name one service (see `keys` for the rules). */
export function checkServiceKeys(ctx: CheckContext): void {
  const listings: Listing[] = ctx.catalog.integrations.flatMap((integration) =>
    integration.versions.flatMap((v, version) => v.services.map((service, index) => ({ integration, version, index, service }))));
  for (const key of keys) {
    const seen = new Map<string, Listing[]>();
    for (const listing of listings) {
      const value = key.value(listing.service);
      if (value === undefined) continue;
      const earlier = seen.get(value);
      if (!earlier) {
        seen.set(value, [listing]);
        continue;
      }
      const clash = earlier.find((e) => !key.mayShare(e, listing));
      if (clash) report(ctx, key, clash, listing);
      earlier.push(listing);
    }
  }
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
