import { escapeXml } from '../../../wire/index.ts';
import { ageOn, birthDateOfPnr } from './cpr-dates.ts';
import type { PersonFixtures, TestPerson } from './person-fixtures.ts';

type Address = NonNullable<TestPerson['adresse']>;

const el = (name: string, content: string | number | boolean | undefined): string =>
  content === undefined || content === ''
    ? ''
    : `<${name}>${typeof content === 'string' ? escapeXml(content) : String(content)}</${name}>`;
const dato = (name: string, date: string | undefined) => (date ? `<${name}><dato>${date}</dato></${name}>` : '');
const datoTid = (name: string, date: string | undefined) =>
  date ? `<${name}><dato>${date}T00:00:00</dato></${name}>` : '';
const activeStatus = new Set([1, 3, 5, 7]);

/**
 * The content of a PersonLookupResponse for one test person on one day, every element in the order
 * of PersonBaseDataExtendedServiceTypes.xsd (v4), unqualified names in the service namespace (the
 * caller wraps it in an element that declares it as the default namespace).
 */
export function personLookupContent(person: TestPerson, fixtures: PersonFixtures, today: string): string {
  return persondata(person, fixtures, today) + adresse(person, fixtures) + relationer(person);
}

function persondata(p: TestPerson, fixtures: PersonFixtures, today: string): string {
  const name = [p.navn.fornavn, p.navn.mellemnavn].filter(Boolean).join(' ');
  const children = p.relationer.boern.filter((pnr) => {
    const child = fixtures.persons.find((c) => c.pnr === pnr);
    if (child && !activeStatus.has(child.status.kode)) return false;
    return ageOn(child?.foedselsdato ?? birthDateOfPnr(pnr), today) < 18;
  });
  const protectionOf = (tag: string, pr: TestPerson['adressebeskyttelse']) =>
    pr
      ? `<${tag}>${el('startdato', pr.startdato)}${el('slutdato', pr.slutdato)}<beskyttet>true</beskyttet></${tag}>`
      : '';
  const guardian = p.umyndiggoerelse
    ? `<umyndiggoerelse><umyndiggorelseRelationType>2</umyndiggorelseRelationType>${el('relationVaergenavn', p.umyndiggoerelse.vaergenavn)}` +
      `${dato('umyndiggoerelseStartdato', p.umyndiggoerelse.startdato)}<umyndiggjort>true</umyndiggjort></umyndiggoerelse>`
    : '';
  return (
    '<persondata>' +
    el('personnummer', p.pnr) +
    el('gaeldendePersonnummer', p.pnr) +
    `<navn>${el('personadresseringsnavn', `${p.navn.efternavn},${name}`)}${el('fornavn', p.navn.fornavn)}${el('mellemnavn', p.navn.mellemnavn)}${el('efternavn', p.navn.efternavn)}</navn>` +
    dato('foedselsdato', p.foedselsdato) +
    el('alder', ageOn(p.foedselsdato, p.status.kode === 90 ? p.status.dato : today)) +
    el('koen', p.koen) +
    el('antalBoernUnder18', children.length) +
    el('stilling', p.stilling) +
    `<status>${el('status', p.status.kode)}${datoTid('statusdato', p.status.dato)}</status>` +
    `<civilstand>${el('civilstand', p.civilstand.kode)}${datoTid('civilstandsdato', p.civilstand.dato)}</civilstand>` +
    `<statsborgerskab><landekode>5100</landekode>${datoTid('statsborgerskabDato', p.foedselsdato)}</statsborgerskab>` +
    guardian +
    protectionOf('adressebeskyttelse', p.adressebeskyttelse) +
    protectionOf('vejviserbeskyttelse', p.vejviserbeskyttelse) +
    protectionOf('markedsfoeringsbeskyttelse', p.markedsfoeringsbeskyttelse) +
    el('tilmeldtNemsms', p.tilmeldtNemsms ?? false) +
    el('tilmeldtDigitalpost', p.tilmeldtDigitalpost ?? false) +
    '</persondata>'
  );
}

function addressFields(a: Address, f: PersonFixtures): string {
  return (
    el('kommuneCvr', f.municipality.cvr) +
    el('kommunekode', f.municipality.kommunekode) +
    el('vejkode', a.vejkode) +
    el('husnummer', a.husnummer) +
    el('etage', a.etage) +
    el('sidedoer', a.sidedoer) +
    el('conavn', a.conavn) +
    el('postnummer', f.municipality.postnummer) +
    el('postdistrikt', f.municipality.postdistrikt) +
    el('vejnavn', a.vejnavn)
  );
}

function adresse(p: TestPerson, f: PersonFixtures): string {
  let current = '';
  if (p.adresse) {
    const a = p.adresse;
    const floor = [a.etage ? `${a.etage}.` : '', a.sidedoer ?? ''].filter(Boolean).join(' ');
    const street = `${a.vejnavn} ${a.husnummer}${floor ? `, ${floor}` : ''}`;
    current =
      `<aktuelAdresse>${addressFields(a, f)}${el('standardadresse', street)}` +
      `${el('vejadresseringsnavn', a.vejnavn)}${datoTid('tilflytningsdato', a.tilflytningsdato)}</aktuelAdresse>`;
  }
  const abroad = p.udrejse
    ? `<udrejseoplysninger>${el('udrejselandekode', p.udrejse.landekode)}${datoTid('udrejsedato', p.udrejse.dato)}` +
      p.udrejse.adresse.map((line, i) => el(`udlandsadresse${i + 1}`, line)).join('') +
      '</udrejseoplysninger>'
    : '';
  const history = p.adresseHistorik
    .map(
      (a) =>
        `<adresseHistorik>${addressFields(a, f)}${datoTid('tilflytningsdato', a.tilflytningsdato)}${datoTid('fraflytningsdato', a.fraflytningsdato)}</adresseHistorik>`,
    )
    .join('');
  const content = current + abroad + history;
  return content ? `<adresse>${content}</adresse>` : '';
}

function relationer(p: TestPerson): string {
  const r = p.relationer;
  const person = (tag: string, pnr: string | undefined) =>
    pnr ? `<${tag}><personnummer>${pnr}</personnummer></${tag}>` : '';
  const custody = r.foraeldremyndighed
    .map(
      (m) =>
        `<foraeldremyndighed><foraeldremyndighedtype>${m.type}</foraeldremyndighedtype>${dato('foraeldremyndighedStartdato', m.startdato)}<relationPersonnummer>${m.pnr}</relationPersonnummer></foraeldremyndighed>`,
    )
    .join('');
  return (
    '<relationer>' +
    person('aegtefaelle', r.aegtefaelle) +
    r.boern.map((b) => person('barn', b)).join('') +
    person('mor', r.mor) +
    person('far', r.far) +
    custody +
    '</relationer>'
  );
}
