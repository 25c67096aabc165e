import { spawnSync } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { afterAll, describe, expect, it } from 'vitest';
import { compileValidator, readContract } from '../index.ts';
import { OFFICIAL, official } from '../official-contracts.ts';

const xmllint = spawnSync('xmllint', ['--version']).status === 0;
const contracts = (p: string) => fileURLToPath(new URL(`../../contracts/${p}`, import.meta.url));
const tmp = mkdtempSync(join(tmpdir(), 'klarmeld-xmllint-'));
afterAll(() => rmSync(tmp, { recursive: true, force: true }));

/** libxml2's verdict on `xml` against `xsd`. */
function lint(xsd: string, xml: string): boolean {
  const file = join(tmp, 'doc.xml');
  writeFileSync(file, xml);
  return spawnSync('xmllint', ['--noout', '--schema', xsd, file]).status === 0;
}

const PBD = 'http://serviceplatformen.dk/xml/wsdl/soap11/CPR/PersonBaseDataExtended/4/';
const person = (body: string) =>
  `<pbd:PersonLookupResponse xmlns:pbd="${PBD}"><pbd:persondata>${body}</pbd:persondata></pbd:PersonLookupResponse>`;
const base =
  '<pbd:personnummer>0101001234</pbd:personnummer><pbd:koen>M</pbd:koen><pbd:antalBoernUnder18>0</pbd:antalBoernUnder18><pbd:status><pbd:status>90</pbd:status></pbd:status>';
const brugerLaes = readFileSync(
  fileURLToPath(new URL('../test-fixtures/bruger-laes-output.xml', import.meta.url)),
  'utf8',
);
const tilhoerer =
  '<sd:Tilhoerer><sd:ReferenceID><sd:UUIDIdentifikator>a0000000-0000-4000-8000-00000000000d</sd:UUIDIdentifikator></sd:ReferenceID></sd:Tilhoerer>';
const message = readFileSync(
  official(
    'kombit__bfo_infrastructureSamples-java/bf-client-example-app/src/main/resources/example_messages/externTestBesked.xml',
  ),
  'utf8',
);

const CASES: { schema: string; xsd: string; docs: Record<string, string> }[] = [
  {
    schema: 'SF1520 PersonBaseDataExtended.xsd',
    xsd: contracts('SF1520/4/PersonBaseDataExtended.xsd'),
    docs: {
      valid: person(base),
      'status outside the enumeration': person(base.replace('>90<', '>2<')),
      'missing antalBoernUnder18': person(base.replace('<pbd:antalBoernUnder18>0</pbd:antalBoernUnder18>', '')),
      'fields out of order': person(
        '<pbd:koen>M</pbd:koen><pbd:personnummer>0101001234</pbd:personnummer><pbd:antalBoernUnder18>0</pbd:antalBoernUnder18>',
      ),
      'boolean written as yes': person(`${base}<pbd:tilmeldtDigitalpost>yes</pbd:tilmeldtDigitalpost>`),
      'integer with a decimal': person(base.replace('<pbd:antalBoernUnder18>0<', '<pbd:antalBoernUnder18>1.5<')),
      'PNR longer than 10': person(base.replace('0101001234', '01010012345')),
      'empty persondata': person(''),
    },
  },
  {
    schema: 'SF1461 Beskedkuvert.xsd (official example message)',
    xsd: contracts('SF1461/2/Beskedkuvert.xsd'),
    docs: {
      valid: message,
      'missing BeskedVersion': message.replace(/<ns2:BeskedVersion>.*<\/ns2:BeskedVersion>/, ''),
      'date that does not exist': message.replace('2022-02-13T08:00:00', '2022-02-30T08:00:00'),
      'both UUID and URN in one id': message.replace(
        '<UUIDIdentifikator>01157488-c45c-4fd2-b076-1de12effbf66</UUIDIdentifikator>',
        '<UUIDIdentifikator>x</UUIDIdentifikator><URNIdentifikator>y</URNIdentifikator>',
      ),
    },
  },
  {
    schema: 'SF1470 SagDokumentIndeks.xsd',
    xsd: contracts('SF1470/6/SagDokumentIndeks.xsd'),
    docs: {
      valid:
        '<s:FremsoegSagDokumentIndeksInput xmlns:s="urn:oio:sts:sagdok:sagdokumentindeks:6"><s:SagUuid>x</s:SagUuid><s:Filter><s:SagVis><s:Vis>egenskaber</s:Vis></s:SagVis><s:SagInkluder>journalpost</s:SagInkluder></s:Filter></s:FremsoegSagDokumentIndeksInput>',
      'unknown Vis value':
        '<s:FremsoegSagDokumentIndeksInput xmlns:s="urn:oio:sts:sagdok:sagdokumentindeks:6"><s:Filter><s:SagVis><s:Vis>alt</s:Vis></s:SagVis></s:Filter></s:FremsoegSagDokumentIndeksInput>',
      'SoegUdtryk without a criterion':
        '<s:FremsoegSagDokumentIndeksInput xmlns:s="urn:oio:sts:sagdok:sagdokumentindeks:6"><s:SoegUdtryk><s:operation>AND</s:operation></s:SoegUdtryk></s:FremsoegSagDokumentIndeksInput>',
      'UnikRetur without Type':
        '<s:ImporterSagDokumentIndeksOutput xmlns:s="urn:oio:sts:sagdok:sagdokumentindeks:6" xmlns:sd="urn:oio:sagdok:3.0.0"><sd:UnikRetur><sd:StatusKode>20</sd:StatusKode><sd:UUIDIdentifikator>a0000000-0000-4000-8000-000000000003</sd:UUIDIdentifikator></sd:UnikRetur></s:ImporterSagDokumentIndeksOutput>',
    },
  },
  ...[contracts('SF1500/6/Bruger.xsd'), official(`${OFFICIAL.sf1500Dir}/xsd/6.0.STS-0/BrugerOperationer.xsd`)].map(
    (xsd) => ({
      schema: `${xsd.includes('shared') ? 'official' : "project's"} Bruger laes output with a full registration`,
      xsd,
      docs: {
        valid: brugerLaes,
        'unknown GyldighedStatusKode': brugerLaes.replace('>Aktiv<', '>Slettet<'),
        'address without Indeks': brugerLaes.replace('<sd:Indeks>1</sd:Indeks>', ''),
        'Tilhoerer twice': brugerLaes.replace(tilhoerer, tilhoerer + tilhoerer),
        'relations out of order': brugerLaes
          .replace(tilhoerer, '')
          .replace('<sd:Adresser>', `${tilhoerer}<sd:Adresser>`),
        'user name over 200 characters': brugerLaes.replace('Anna Jensen', 'A'.repeat(201)),
        'undeclared element in LokalUdvidelse': brugerLaes.replace(
          '</b:AttributListe>',
          '<sd:LokalUdvidelse><x:Y xmlns:x="urn:x"/></sd:LokalUdvidelse></b:AttributListe>',
        ),
      },
    }),
  ),
  {
    schema: 'official SF1500 BrugerOperationer.xsd',
    xsd: official(`${OFFICIAL.sf1500Dir}/xsd/6.0.STS-0/BrugerOperationer.xsd`),
    docs: {
      valid:
        '<b:ListInput xmlns:b="http://stoettesystemerne.dk/organisation/bruger/6/" xmlns:sd="urn:oio:sagdok:3.0.0"><sd:UUIDIdentifikator>a0000000-0000-4000-8000-000000000003</sd:UUIDIdentifikator><sd:UUIDIdentifikator>A0000000-0000-4000-8000-000000000004</sd:UUIDIdentifikator></b:ListInput>',
      'no UUID at all':
        '<b:ListInput xmlns:b="http://stoettesystemerne.dk/organisation/bruger/6/" xmlns:sd="urn:oio:sagdok:3.0.0"/>',
      'malformed UUID':
        '<b:LaesInput xmlns:b="http://stoettesystemerne.dk/organisation/bruger/6/" xmlns:sd="urn:oio:sagdok:3.0.0"><sd:UUIDIdentifikator>nope</sd:UUIDIdentifikator></b:LaesInput>',
      'valid time filter':
        '<b:LaesInput xmlns:b="http://stoettesystemerne.dk/organisation/bruger/6/" xmlns:sd="urn:oio:sagdok:3.0.0"><sd:UUIDIdentifikator>a0000000-0000-4000-8000-000000000003</sd:UUIDIdentifikator><sd:VirkningFraFilter><sd:TidsstempelDatoTid>2024-01-01T00:00:00Z</sd:TidsstempelDatoTid></sd:VirkningFraFilter></b:LaesInput>',
    },
  },
];

describe.skipIf(!xmllint)('the validator agrees with xmllint (libxml2) on valid and broken documents', () => {
  for (const c of CASES) {
    it(`${c.schema}`, () => {
      const validator = compileValidator(readContract(c.xsd));
      const verdicts = Object.entries(c.docs).map(([label, xml]) => ({
        label,
        xmllint: lint(c.xsd, xml),
        klarmeld: validator.validate(xml).length === 0,
      }));
      expect(verdicts.filter((v) => v.xmllint !== v.klarmeld)).toEqual([]);
      expect(verdicts.find((v) => v.label === 'valid')!.klarmeld).toBe(true);
    });
  }
});

// Without xmllint the comparison cannot run: skipped (and said so) on a developer's machine,
// a failure in CI, where .ci/run installs libxml2-utils and a skip would hide a broken set-up.
describe.skipIf(xmllint)('the validator agrees with xmllint', () => {
  it('needs xmllint (apt-get install libxml2-utils)', (context) => {
    if (!process.env.CI) context.skip('xmllint is not installed (apt-get install libxml2-utils)');
    expect.fail('xmllint is not installed, although .ci/run installs libxml2-utils');
  });
});
