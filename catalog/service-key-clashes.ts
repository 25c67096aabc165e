/**
 * Values that must point at one service only (ServiceUUIDs, entity IDs, endpoints), and the
 * clashes between services that share one. The catalogue check reports each clash with its file
 * and line (check-service-keys.ts); the platform refuses to serve a catalogue with any, since an
 * agreement or a token for one integration would then open another's service.
 */
import type { Catalog } from './catalog.ts';
import type { FieldPath } from './origins.ts';
import type { ProblemName } from './problems/index.ts';
import type { Integration, Service } from './schema/index.ts';

/** One service as listed in one version of one integration. */
export interface Listing {
  integration: Integration;
  version: number;
  index: number;
  service: Service;
}

/** A value that must point at one service only: how to read it from a service, and who may share it. */
export interface Key {
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

export const sameIntegration = (a: Listing, b: Listing) => a.integration.id === b.integration.id;
export const sameService = (a: Listing, b: Listing) =>
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
export const serviceKeys: Key[] = [
  {
    problem: 'duplicate-service-uuid',
    field: ['serviceUuid'],
    label: 'ServiceUUID',
    value: (s) => s.serviceUuid?.toLowerCase(),
    mayShare: carriedOver,
    harm: (earlier, later) =>
      `A ServiceUUID names one service on Serviceplatformen: a service agreement for ${later} would authorise calls to ${earlier}'s service.`,
    source: "its own ServiceUUID (Serviceplatformen's service overview shows it)",
  },
  {
    problem: 'duplicate-entity-id',
    field: ['entityId'],
    label: 'entity ID',
    value: (s) => (s.entityId === undefined ? undefined : address(s.entityId)),
    mayShare: sameIntegration,
    harm: (earlier, later) =>
      `The entity ID is the audience of the STS's tokens: a token issued for ${later} would be accepted by ${earlier}'s service.`,
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
    harm: (earlier, later) =>
      `An endpoint answers for one service: a call made under ${later} would reach ${earlier}'s service.`,
    source: `the ${label} its sources give`,
  })),
];

/** Two services that share a value only one of them may have. */
export interface ServiceKeyClash {
  key: Key;
  earlier: Listing;
  later: Listing;
}

/** Every clash in the catalogue, each reported once at the later of the two listings. */
export function serviceKeyClashes(catalog: Pick<Catalog, 'integrations'>): ServiceKeyClash[] {
  const listings: Listing[] = catalog.integrations.flatMap((integration) =>
    integration.versions.flatMap((v, version) =>
      v.services.map((service, index) => ({ integration, version, index, service })),
    ),
  );
  const clashes: ServiceKeyClash[] = [];
  for (const key of serviceKeys) {
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
      if (clash) clashes.push({ key, earlier: clash, later: listing });
      earlier.push(listing);
    }
  }
  return clashes;
}

/** One line for a clash, without file positions (for the platform, which has none). */
export function clashText({ key, earlier, later }: ServiceKeyClash): string {
  const named = (l: Listing) => `${l.integration.id} ${l.service.name} ${l.service.version}`;
  return `${named(later)} has the ${key.label} ${key.value(later.service)} of ${named(earlier)}. ${key.harm(earlier.integration.id, later.integration.id)}`;
}
