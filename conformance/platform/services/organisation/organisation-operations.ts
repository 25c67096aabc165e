import xpath from 'xpath';
import { standardReturXml, statusKode, type StatusKode } from './standard-retur.ts';
import { brugerSnapshot, enhedSnapshot, orgNs, outputNamespaces, type OrgObjekt } from './registrering-xml.ts';
import type { OrganisationFixtures } from './organisation-fixtures.ts';

export const organisationOperations = ['laes', 'list', 'soeg'] as const;
export type OrganisationOperation = (typeof organisationOperations)[number];

export interface OperationResult {
  /** The response element of the Body (LaesOutput, ListOutput or SoegOutput), serialised. */
  outputXml: string;
  statusKode: StatusKode;
}

const uuidPattern = /^[0-9a-fA-F]{8}-[0-9a-fA-F]{4}-[0-9a-fA-F]{4}-[0-9a-fA-F]{4}-[0-9a-fA-F]{12}$/;
const select = xpath.useNamespaces({ ...orgNs });

function texts(expression: string, node: Node): string[] {
  const found = select(expression, node);
  return (Array.isArray(found) ? found : []).map((n) => ((n as Node).textContent ?? '').trim());
}

/**
 * laes, list and soeg of SF1500 Bruger and OrganisationEnhed over the municipality's data. A
 * municipality other than the fixtures' one has no organisation on this platform, so its
 * lookups find nothing, as the real service answers for objects outside the caller's CVR.
 */
export function runOrganisationOperation(
  objekt: OrgObjekt,
  operation: OrganisationOperation,
  input: Node,
  fixtures: OrganisationFixtures,
  cvr: string,
): OperationResult {
  const own = cvr === fixtures.organisation.cvr;
  const objects = objekt === 'bruger' ? (own ? fixtures.users : []) : own ? fixtures.units : [];
  const render = (uuid: string) => {
    const user = objekt === 'bruger' ? fixtures.users.find((u) => u.uuid === uuid) : undefined;
    const unit = objekt === 'organisationenhed' ? fixtures.units.find((u) => u.uuid === uuid) : undefined;
    return user ? brugerSnapshot(fixtures, user) : unit ? enhedSnapshot(fixtures, unit) : '';
  };
  const p = objekt;
  const wrap = (element: string, kode: StatusKode, message: string | undefined, inner = '') => ({
    statusKode: kode,
    outputXml: `<${p}:${element} ${outputNamespaces(p)}>${standardReturXml(kode, message)}${inner}</${p}:${element}>`,
  });

  if (operation === 'laes' || operation === 'list') {
    const element = operation === 'laes' ? 'LaesOutput' : 'ListOutput';
    const uuids = texts('sd:UUIDIdentifikator', input).map((u) => u.toLowerCase());
    if (uuids.length === 0 || uuids.some((u) => !uuidPattern.test(u))) {
      return wrap(element, statusKode.badInput, 'Ugyldigt input: UUIDIdentifikator skal være et UUID');
    }
    const found = uuids.filter((u) => objects.some((o) => o.uuid === u));
    const missing = uuids.filter((u) => !found.includes(u));
    if (found.length === 0) return wrap(element, statusKode.notFound, `Objekt ikke fundet: ${missing.join(', ')}`);
    const message = missing.length > 0 ? `Objekt ikke fundet: ${missing.join(', ')}` : undefined;
    return wrap(element, statusKode.ok, message, found.map(render).join(''));
  }

  const attributes = `${p}:AttributListe/${p}:Egenskab`;
  if (texts(`${p}:AttributListe|${p}:TilstandListe|${p}:RelationListe`, input).length < 3) {
    return wrap(
      'SoegOutput',
      statusKode.badInput,
      'Ugyldigt input: SoegInput skal have AttributListe, TilstandListe og RelationListe',
    );
  }
  const key = texts(`${attributes}/sd:BrugervendtNoegleTekst`, input)[0];
  const name = texts(`${attributes}/sd:${objekt === 'bruger' ? 'BrugerNavn' : 'EnhedNavn'}`, input)[0];
  const status = texts(`${p}:TilstandListe/orgfaelles:Gyldighed/orgfaelles:GyldighedStatusKode`, input)[0];
  const relationUuid = (relation: string) =>
    texts(`${p}:RelationListe/sd:${relation}/sd:ReferenceID/sd:UUIDIdentifikator`, input)[0]?.toLowerCase();
  const owner = relationUuid('Tilhoerer');
  const unitFilter = relationUuid(objekt === 'bruger' ? 'TilknyttedeEnheder' : 'Overordnet');
  const offset = Number(texts('sd:FoersteResultatReference', input)[0] ?? 0);
  const limit = Number(texts('sd:MaksimalAntalKvantitet', input)[0] ?? 500);
  if (!Number.isInteger(offset) || !Number.isInteger(limit) || offset < 0 || limit < 0) {
    return wrap(
      'SoegOutput',
      statusKode.badInput,
      'Ugyldigt input: FoersteResultatReference og MaksimalAntalKvantitet skal være ikke-negative heltal',
    );
  }
  const hits = objects.filter((o) => {
    const oKey = 'userId' in o ? o.userId : o.key;
    const oUnit = 'userId' in o ? o.unit : o.parent;
    return (
      matches(key, oKey) &&
      matches(name, o.name) &&
      (!status || status === o.status) &&
      (!owner || owner === fixtures.organisation.uuid) &&
      (!unitFilter || unitFilter === oUnit)
    );
  });
  const ids = hits
    .slice(offset, offset + limit)
    .map((o) => `<sd:UUIDIdentifikator>${o.uuid}</sd:UUIDIdentifikator>`)
    .join('');
  return wrap('SoegOutput', statusKode.ok, undefined, `<sd:IdListe>${ids}</sd:IdListe>`);
}

/** Search text match: case-insensitive, `%` or `*` matches any run of characters. */
function matches(pattern: string | undefined, value: string): boolean {
  if (!pattern) return true;
  const escaped = pattern.replace(/[.+?^${}()|[\]\\]/g, '\\$&').replace(/[%*]/g, '.*');
  return new RegExp(`^${escaped}$`, 'i').test(value);
}
