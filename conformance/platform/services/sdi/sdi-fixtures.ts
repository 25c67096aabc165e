import type { Element } from '@xmldom/xmldom';
import type { KorsbaekCases } from '../../../../catalog/index.ts';
import { escapeXml, parseXml } from '../../../wire/index.ts';
import { runSdiOperation } from './sdi-operations.ts';
import type { SdiStore } from './sdi-store.ts';

export const korsbaekCvr = '11111111';

const namespaces =
  'xmlns:sdi="urn:oio:sts:sagdok:sagdokumentindeks:6" xmlns:sag="urn:oio:sts:sagdok:sag:6" xmlns:gd="urn:oio:sts:generelledefinitioner:6" xmlns:sd="urn:oio:sagdok:3.0.0"';

/**
 * Korsbæk's cases (catalog/data/korsbaek/cases.yaml) as one ImporterSagDokumentIndeksInput: each a
 * SagIndeks whose registration, properties, progress and relations are valid from the case's
 * registration time without end. Valid against the official SagDokumentIndeksOperationer.xsd.
 */
export function korsbaekImporterXml(cases: KorsbaekCases): string {
  const sagIndeks = cases.cases.map((c) => {
    const from = escapeXml(c.registeredAt);
    const virkning = (ns: 'sag' | 'gd') =>
      `<${ns}:Virkning><sd:FraTidspunkt><sd:TidsstempelDatoTid>${from}</sd:TidsstempelDatoTid></sd:FraTidspunkt><sd:TilTidspunkt><sd:GraenseIndikator>true</sd:GraenseIndikator></sd:TilTidspunkt></${ns}:Virkning>`;
    const relation = (name: string, uuid: string) =>
      `<sag:${name}>${virkning('gd')}<gd:ReferenceID><sd:UUIDIdentifikator>${escapeXml(uuid)}</sd:UUIDIdentifikator></gd:ReferenceID></sag:${name}>`;
    return (
      `<sdi:SagIndeks><sd:UUIDIdentifikator>${escapeXml(c.uuid)}</sd:UUIDIdentifikator><sag:Registrering>` +
      `<sd:Tidspunkt>${from}</sd:Tidspunkt><sd:LivscyklusKode>Importeret</sd:LivscyklusKode>` +
      `<sd:BrugerRef><sd:UUIDIdentifikator>${escapeXml(c.registeredBy)}</sd:UUIDIdentifikator></sd:BrugerRef>` +
      `<sag:AttributListe><sag:Egenskaber>${virkning('sag')}` +
      `<sag:BrugervendtNoegle>${escapeXml(c.brugervendtNoegle ?? c.sagsnummer)}</sag:BrugervendtNoegle>` +
      `<sag:Sagsnummer>${escapeXml(c.sagsnummer)}</sag:Sagsnummer><sag:Titel>${escapeXml(c.titel)}</sag:Titel>` +
      `</sag:Egenskaber></sag:AttributListe>` +
      `<sag:TilstandListe><sag:Fremdrift>${virkning('sag')}<sag:FremdriftStatusKode>${c.fremdrift}</sag:FremdriftStatusKode></sag:Fremdrift></sag:TilstandListe>` +
      `<sag:RelationListe>${relation('Sagsaktoer', c.sagsaktoer)}${relation('Sagsklasse', c.sagsklasse)}</sag:RelationListe>` +
      `</sag:Registrering></sdi:SagIndeks>`
    );
  });
  return `<sdi:ImporterSagDokumentIndeksInput ${namespaces}>${sagIndeks.join('')}</sdi:ImporterSagDokumentIndeksInput>`;
}

/**
 * Puts Korsbæk Kommune's cases into an empty index (a tester's own imports are never
 * overwritten: the seed runs only when the municipality has no objects yet).
 */
export function seedKorsbaekCases(store: SdiStore, now: Date, cases: KorsbaekCases): number {
  if (store.count(korsbaekCvr) > 0) return 0;
  const input = parseXml(korsbaekImporterXml(cases)).documentElement as unknown as Element;
  runSdiOperation('importer', input, { store, cvr: korsbaekCvr, now });
  return store.count(korsbaekCvr);
}
