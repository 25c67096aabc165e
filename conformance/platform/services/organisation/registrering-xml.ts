import { escapeXml } from '../../../wire/index.ts';
import type { FixtureUnit, FixtureUser, OrganisationFixtures } from './organisation-fixtures.ts';

export const orgNs = {
  bruger: 'http://stoettesystemerne.dk/organisation/bruger/6/',
  organisationenhed: 'http://stoettesystemerne.dk/organisation/organisationenhed/6/',
  orgfaelles: 'http://stoettesystemerne.dk/organisation/6/',
  sd: 'urn:oio:sagdok:3.0.0',
} as const;

export type OrgObjekt = 'bruger' | 'organisationenhed';

/** `sd:Virkning` from the fixtures' start, open-ended, registered by the organisation itself. */
function virkning(fx: OrganisationFixtures): string {
  return `<sd:Virkning><sd:FraTidspunkt><sd:TidsstempelDatoTid>${fx.validFrom}</sd:TidsstempelDatoTid></sd:FraTidspunkt><sd:TilTidspunkt><sd:GraenseIndikator>true</sd:GraenseIndikator></sd:TilTidspunkt><sd:AktoerRef><sd:UUIDIdentifikator>${fx.organisation.uuid}</sd:UUIDIdentifikator></sd:AktoerRef><sd:AktoerTypeKode>Organisation</sd:AktoerTypeKode></sd:Virkning>`;
}

function relation(element: string, fx: OrganisationFixtures, uuid: string): string {
  return `<sd:${element}>${virkning(fx)}<sd:ReferenceID><sd:UUIDIdentifikator>${uuid}</sd:UUIDIdentifikator></sd:ReferenceID></sd:${element}>`;
}

function registrering(
  p: string,
  fx: OrganisationFixtures,
  egenskab: string,
  status: string,
  relations: string,
): string {
  return (
    `<${p}:Registrering><sd:Tidspunkt>${fx.registeredAt}</sd:Tidspunkt><sd:LivscyklusKode>Importeret</sd:LivscyklusKode>` +
    `<sd:BrugerRef><sd:UUIDIdentifikator>${fx.organisation.uuid}</sd:UUIDIdentifikator></sd:BrugerRef>` +
    `<${p}:AttributListe><${p}:Egenskab>${virkning(fx)}${egenskab}</${p}:Egenskab></${p}:AttributListe>` +
    `<${p}:TilstandListe><orgfaelles:Gyldighed>${virkning(fx)}<orgfaelles:GyldighedStatusKode>${status}</orgfaelles:GyldighedStatusKode></orgfaelles:Gyldighed></${p}:TilstandListe>` +
    `<${p}:RelationListe>${relations}</${p}:RelationListe></${p}:Registrering>`
  );
}

/** One `FiltreretOejebliksbillede` of a user (Bruger), in element order of Bruger.xsd. */
export function brugerSnapshot(fx: OrganisationFixtures, user: FixtureUser): string {
  const egenskab = `<sd:BrugervendtNoegleTekst>${escapeXml(user.userId)}</sd:BrugervendtNoegleTekst><sd:BrugerNavn>${escapeXml(user.name)}</sd:BrugerNavn>`;
  const relations =
    relation('Tilhoerer', fx, fx.organisation.uuid) +
    relation('TilknyttedeEnheder', fx, user.unit) +
    user.functions.map((f) => relation('TilknyttedeFunktioner', fx, f)).join('');
  return snapshot('bruger', user.uuid, registrering('bruger', fx, egenskab, user.status, relations));
}

/** One `FiltreretOejebliksbillede` of an organisation unit, in element order of OrganisationEnhed.xsd. */
export function enhedSnapshot(fx: OrganisationFixtures, unit: FixtureUnit): string {
  const egenskab = `<sd:BrugervendtNoegleTekst>${escapeXml(unit.key)}</sd:BrugervendtNoegleTekst><sd:EnhedNavn>${escapeXml(unit.name)}</sd:EnhedNavn>`;
  const relations =
    (unit.parent ? relation('Overordnet', fx, unit.parent) : '') +
    relation('Tilhoerer', fx, fx.organisation.uuid) +
    fx.users
      .filter((u) => u.unit === unit.uuid)
      .map((u) => relation('TilknyttedeBrugere', fx, u.uuid))
      .join('') +
    fx.functions
      .filter((f) => f.unit === unit.uuid)
      .map((f) => relation('TilknyttedeFunktioner', fx, f.uuid))
      .join('');
  return snapshot(
    'organisationenhed',
    unit.uuid,
    registrering('organisationenhed', fx, egenskab, unit.status, relations),
  );
}

function snapshot(p: OrgObjekt, uuid: string, registreringXml: string): string {
  return `<${p}:FiltreretOejebliksbillede><${p}:ObjektType><sd:UUIDIdentifikator>${uuid}</sd:UUIDIdentifikator></${p}:ObjektType>${registreringXml}</${p}:FiltreretOejebliksbillede>`;
}

/** Namespace declarations every output element of an Organisation service carries. */
export function outputNamespaces(p: OrgObjekt): string {
  return `xmlns:${p}="${orgNs[p]}" xmlns:orgfaelles="${orgNs.orgfaelles}" xmlns:sd="${orgNs.sd}"`;
}
