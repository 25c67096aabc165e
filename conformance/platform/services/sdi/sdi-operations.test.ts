import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { DatabaseSync } from 'node:sqlite';
import { afterEach, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import type { Element } from '@xmldom/xmldom';
import { parseXml } from '../../../wire/index.ts';
import { canValidateOfficially, officialSchemas, validateWithOfficialXsd } from '../organisation/official-xsd.ts';
import { loadKorsbaek, type KorsbaekCases } from '../../../../catalog/index.ts';
import { korsbaekImporterXml, seedKorsbaekCases } from './sdi-fixtures.ts';
import { runSdiOperation, type SdiOperation } from './sdi-operations.ts';
import { createSdiStore, type SdiStore } from './sdi-store.ts';
import { sdiNs } from './sdi-xml.ts';

const now = new Date('2026-11-22T09:00:00Z');
const carport = '753e0265-9a96-480f-b22c-a6bbbb8b5859';
let dir: string;
let db: DatabaseSync;
let store: SdiStore;

let cases: KorsbaekCases;
beforeAll(async () => {
  const { korsbaek } = await loadKorsbaek();
  if (!korsbaek.cases) throw new Error('The shipped catalogue has no korsbaek/cases.yaml');
  cases = korsbaek.cases;
});

beforeEach(() => {
  dir = mkdtempSync(join(tmpdir(), 'klarmeld-sdi-'));
  db = new DatabaseSync(join(dir, 'platform.sqlite'));
  store = createSdiStore(db);
});
afterEach(() => {
  db.close();
  rmSync(dir, { recursive: true, force: true });
});

const ns = `xmlns:sdi="${sdiNs.sdi}" xmlns:sag="${sdiNs.sag}" xmlns:sd="${sdiNs.sd}"`;
function run(operation: SdiOperation, xml: string, cvr = '11111111') {
  const input = parseXml(xml).documentElement as unknown as Element;
  return runSdiOperation(operation, input, { store, cvr, now });
}
const fremsoegByUuid = (uuid: string) =>
  `<sdi:FremsoegSagDokumentIndeksInput ${ns}><sdi:SagUuid>${uuid}</sdi:SagUuid></sdi:FremsoegSagDokumentIndeksInput>`;
const fremsoegByTitle = (title: string) =>
  `<sdi:FremsoegSagDokumentIndeksInput ${ns}><sdi:SoegUdtryk><sdi:SoegSag><sag:AttributListe><sag:Egenskaber><sag:Titel>${title}</sag:Titel></sag:Egenskaber></sag:AttributListe><sag:TilstandListe/><sag:RelationListe/></sdi:SoegSag></sdi:SoegUdtryk></sdi:FremsoegSagDokumentIndeksInput>`;
const opdater = `<sdi:OpdaterSagDokumentIndeksInput ${ns}><sdi:OpdaterSagIndeks><sd:UUIDIdentifikator>${carport}</sd:UUIDIdentifikator><sag:TilstandListe><sag:Fremdrift><sag:FremdriftStatusKode>Afgjort</sag:FremdriftStatusKode></sag:Fremdrift></sag:TilstandListe><sdi:Tidspunkt>2026-11-22T09:00:00Z</sdi:Tidspunkt></sdi:OpdaterSagIndeks></sdi:OpdaterSagDokumentIndeksInput>`;
const fjern = `<sdi:FjernSagDokumentIndeksInput ${ns}><sdi:SagUuid><sd:UUIDIdentifikator>${carport}</sd:UUIDIdentifikator></sdi:SagUuid></sdi:FjernSagDokumentIndeksInput>`;
const statusOf = (xml: string) => /StatusKode>(\d+)</.exec(xml)?.[1];

describe('SF1470 SagDokumentIndeks', () => {
  it('imports the Korsbæk cases once, however often the same UUIDs are imported', () => {
    const first = run('importer', korsbaekImporterXml(cases));
    expect(first.statusKode).toBe(20);
    expect(first.outputXml.match(/<sd:UnikRetur>/g)).toHaveLength(3);
    run('importer', korsbaekImporterXml(cases));
    expect(store.count('11111111')).toBe(3);
  });

  it('imports every case of the catalogue (korsbaek/cases.yaml) with its number, title and progress', () => {
    expect(seedKorsbaekCases(store, now, cases)).toBe(cases.cases.length);
    for (const c of cases.cases) {
      const found = run('fremsoeg', fremsoegByUuid(c.uuid)).outputXml;
      expect(found).toContain(`<sag:Sagsnummer>${c.sagsnummer}</sag:Sagsnummer>`);
      expect(found).toContain(`<sag:Titel>${c.titel}</sag:Titel>`);
      expect(found).toContain(`<sag:FremdriftStatusKode>${c.fremdrift}</sag:FremdriftStatusKode>`);
      expect(found).toContain(c.sagsklasse);
    }
  });

  it('finds a case by UUID and by a title with wildcards, and nothing for another municipality', async () => {
    seedKorsbaekCases(store, now, cases);
    expect(run('fremsoeg', fremsoegByUuid(carport)).outputXml).toContain('Byggetilladelse til carport');
    const byTitle = run('fremsoeg', fremsoegByTitle('*carport*'));
    expect(byTitle.outputXml).toContain('<sdi:Antal>1</sdi:Antal>');
    expect(run('fremsoeg', fremsoegByUuid(carport), '29189846').statusKode).toBe(44);
  });

  it('updates, then removes a case; the index survives reopening the database', async () => {
    seedKorsbaekCases(store, now, cases);
    expect(run('opdater', opdater).statusKode).toBe(20);
    expect(run('fremsoeg', fremsoegByUuid(carport)).outputXml).toContain(
      '<sag:FremdriftStatusKode>Afgjort</sag:FremdriftStatusKode>',
    );
    db.close();
    db = new DatabaseSync(join(dir, 'platform.sqlite'));
    store = createSdiStore(db);
    expect(statusOf(run('fjern', fjern).outputXml)).toBe('20');
    expect(run('fremsoeg', fremsoegByUuid(carport)).statusKode).toBe(44);
    expect(statusOf(run('fjern', fjern).outputXml)).toBe('44');
  });

  it('removes a case with its journalised documents unless told to leave them', () => {
    const doc = (uuid: string) =>
      `<sdi:DokumentIndeks><sd:UUIDIdentifikator>${uuid}</sd:UUIDIdentifikator><di:Registrering xmlns:di="${sdiNs.di}"/></sdi:DokumentIndeks>`;
    const sag = (uuid: string, dokument: string) =>
      `<sdi:SagIndeks><sd:UUIDIdentifikator>${uuid}</sd:UUIDIdentifikator><sag:Registrering><sag:RelationListe><sag:Journalpost><gd:ReferenceID xmlns:gd="${sdiNs.gd}"><sd:UUIDIdentifikator>${dokument}</sd:UUIDIdentifikator></gd:ReferenceID></sag:Journalpost></sag:RelationListe></sag:Registrering></sdi:SagIndeks>`;
    const [s1, s2, d1, d2] = [
      '11111111-0000-4000-8000-000000000001',
      '11111111-0000-4000-8000-000000000002',
      '22222222-0000-4000-8000-000000000001',
      '22222222-0000-4000-8000-000000000002',
    ];
    expect(
      run(
        'importer',
        `<sdi:ImporterSagDokumentIndeksInput ${ns}>${doc(d1)}${doc(d2)}${sag(s1, d1)}${sag(s2, d2)}</sdi:ImporterSagDokumentIndeksInput>`,
      ).statusKode,
    ).toBe(20);
    const fjernOne = (uuid: string, keep: string) =>
      `<sdi:FjernSagDokumentIndeksInput ${ns}><sdi:SagUuid><sd:UUIDIdentifikator>${uuid}</sd:UUIDIdentifikator></sdi:SagUuid>${keep}</sdi:FjernSagDokumentIndeksInput>`;
    run('fjern', fjernOne(s1, ''));
    run('fjern', fjernOne(s2, '<sdi:EfterladSagsloeseDokumenter>true</sdi:EfterladSagsloeseDokumenter>'));
    expect(store.list('11111111', 'dokument').map((o) => o.uuid)).toEqual([d2]);
  });

  it.skipIf(!canValidateOfficially())(
    'answers every operation with output valid against the official XSD',
    async () => {
      seedKorsbaekCases(store, now, cases);
      const outputs = [
        korsbaekImporterXml(cases),
        run('importer', korsbaekImporterXml(cases)).outputXml,
        run('fremsoeg', fremsoegByUuid(carport)).outputXml,
        run('fremsoeg', fremsoegByTitle('Ansøgning*')).outputXml,
        run('opdater', opdater).outputXml,
        run('fjern', fjern).outputXml,
        run('fremsoeg', fremsoegByUuid(carport)).outputXml,
      ];
      const file = join(officialSchemas.sf1470, '6.0.STS-0', 'SagDokumentIndeksOperationer.xsd');
      for (const xml of outputs) expect(validateWithOfficialXsd(xml, [{ namespace: sdiNs.sdi, file }])).toEqual([]);
    },
  );
});
