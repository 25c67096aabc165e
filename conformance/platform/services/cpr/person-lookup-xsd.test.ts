import { cpSync, mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { DOMParser, XMLSerializer } from '@xmldom/xmldom';
import { request } from 'undici';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { compileValidator, readContract } from '../../../../catalog/index.ts';
import { xmllintAvailable, xmllintFindings } from '../../../../catalog/index.ts';
import type { AddedSystem } from '../../admin/platform-admin.ts';
import type { RunningPlatform } from '../../server/start-platform.ts';
import { personLookupAction, personLookupEnvelope } from '../../../clients/index.ts';
import { agentFor, postSoap, startTestPlatform } from '../../testing/test-platform.ts';
import { loadKorsbaek } from '../../../../catalog/index.ts';
import type { PersonFixtures } from './person-fixtures.ts';
import { personLookupContent } from './person-xml.ts';

const officialContract = new URL(
  '../../../../../shared/contracts/itk-dev__serviceplatformen/resources/person-base-data-extended-service-contract/',
  import.meta.url,
).pathname;
const projectWsdl = new URL(
  '../../../../catalog/contracts/SF1520/4/PersonBaseDataExtendedService.wsdl',
  import.meta.url,
).pathname;
const ns = 'http://serviceplatformen.dk/xml/wsdl/soap11/CPR/PersonBaseDataExtended/4/';

/**
 * A temp copy of the official contract, changed in one way only: PersonBaseDataExtendedServiceTypes.xsd
 * uses the cpr: (PNR) namespace but leaves its xs:import to the including schema. Java's validators
 * accept that; libxml2 (xmllint) insists each schema document imports what it references, so the
 * copy gets that one xs:import line. No type, element or restriction is touched.
 */
function officialSchemaForXmllint(): string {
  const copy = mkdtempSync(join(tmpdir(), 'pbde-xsd-'));
  cpSync(officialContract, copy, { recursive: true });
  const types = join(copy, 'xsd', 'PersonBaseDataExtendedServiceTypes.xsd');
  const text = readFileSync(types, 'utf8');
  const rootEnd = text.indexOf('>', text.indexOf('<xsd:schema')) + 1;
  writeFileSync(
    types,
    `${text.slice(0, rootEnd)}<xsd:import namespace="http://serviceplatformen.dk/xml/schemas/cpr/PNR/1/" schemaLocation="../sp/PNR_1.xsd"/>${text.slice(rootEnd)}`,
  );
  return join(copy, 'PersonBaseDataExtendedServiceMsg.xsd');
}

/** The PersonLookupResponse element of a SOAP answer, as a document of its own (namespaces kept). */
function responseElement(envelope: string): string {
  const doc = new DOMParser().parseFromString(envelope, 'text/xml');
  const response = doc.getElementsByTagNameNS(ns, 'PersonLookupResponse')[0];
  if (!response) throw new Error(`no PersonLookupResponse in the answer: ${envelope.slice(0, 300)}`);
  return new XMLSerializer().serializeToString(response);
}

/** `<pnr> <path>: <message>` per finding, so a failing test names the person and the element. */
/** Korsbæk's test persons as the shipped catalogue holds them (what startTestPlatform serves). */
async function loadPersonFixtures(): Promise<PersonFixtures> {
  const { korsbaek } = await loadKorsbaek();
  if (!korsbaek.persons) throw new Error('The shipped catalogue has no korsbaek/persons.yaml');
  return korsbaek.persons;
}

const describeFindings = (pnr: string, findings: { path: string; message: string }[]) =>
  findings.map((f) => `${pnr} ${f.path}: ${f.message}`);

describe('PersonLookup answers of the platform for every Korsbæk fixture person', () => {
  let platform: RunningPlatform;
  let system: AddedSystem;
  let fixtures: PersonFixtures;
  const answers = new Map<string, string>();
  let since: string;

  beforeAll(async () => {
    fixtures = await loadPersonFixtures();
    platform = await startTestPlatform();
    system = await platform.admin.addSystem({ name: 'SF1520 contract check' });
    const agreement = platform.admin.addAgreement({
      system: system.systemUuid,
      service: 'SF1520',
      municipalityCvr: '11111111',
    });
    const invocation = {
      serviceAgreementUuid: agreement.agreementUuid,
      userSystemUuid: system.systemUuid,
      userUuid: '11111111-2222-4333-8444-555555555555',
      serviceUuid: agreement.serviceUuid!,
    };
    const agent = agentFor(system);
    since = new Date(Date.now() - 1000).toISOString();
    for (const person of fixtures.persons) {
      const res = await postSoap(
        agent,
        `${platform.url}/service/CPR/PersonBaseDataExtended/4`,
        personLookupEnvelope({ pnr: person.pnr, invocation }),
        {
          'content-type': 'text/xml; charset=utf-8',
          soapaction: `"${personLookupAction}"`,
        },
      );
      expect(res.status, `${person.pnr}: ${res.body.slice(0, 300)}`).toBe(200);
      answers.set(person.pnr, res.body);
    }
  });
  afterAll(async () => platform?.stop());

  it('covers every fixture person', () => {
    expect(fixtures.persons.length).toBeGreaterThanOrEqual(8);
    expect([...answers.keys()].sort()).toEqual(fixtures.persons.map((p) => p.pnr).sort());
  });

  it('are valid against the project contract (catalog/contracts/SF1520/4, the project validator)', () => {
    const validator = compileValidator(readContract(projectWsdl));
    const findings = [...answers].flatMap(([pnr, body]) =>
      describeFindings(pnr, validator.validate(body, { limit: 1000 })),
    );
    expect(findings).toEqual([]);
  });

  it.skipIf(!xmllintAvailable())(
    'are valid against the OFFICIAL PersonBaseDataExtendedServiceMsg.xsd (xmllint)',
    () => {
      const xsd = officialSchemaForXmllint();
      const findings = [...answers].flatMap(([pnr, body]) =>
        describeFindings(pnr, xmllintFindings(xsd, responseElement(body))),
      );
      expect(findings).toEqual([]);
    },
  );

  it('leave no validation finding in the exchanges the platform recorded', async () => {
    const list = await request(`${platform.url}/klarmeld/exchanges?since=${since}&limit=1000`, {
      dispatcher: agentFor(system),
    });
    const { exchanges } = (await list.body.json()) as {
      exchanges: { operation?: string; findings: { code: string; path?: string; message: string }[] }[];
    };
    const lookups = exchanges.filter((e) => e.operation === 'PersonLookup');
    expect(lookups).toHaveLength(fixtures.persons.length);
    expect(lookups.flatMap((e) => e.findings)).toEqual([]);
  });

  it('use every element the project contract adds for the fixtures (so the check above is not vacuous)', () => {
    const all = [...answers.values()].join('');
    for (const element of [
      'stilling',
      'statsborgerskab',
      'umyndiggoerelse',
      'vejviserbeskyttelse',
      'markedsfoeringsbeskyttelse',
      'tilmeldtNemsms',
      'conavn',
      'vejadresseringsnavn',
      'udrejseoplysninger',
      'adresseHistorik',
      'foraeldremyndighed',
    ]) {
      expect(all, element).toContain(`<${element}>`);
    }
  });
});

describe.skipIf(xmllintAvailable())('PersonLookup answers against the official XSD', () => {
  it('is skipped: xmllint is not installed (apt-get install libxml2-utils)', () => {});
});

describe('PersonLookup answer content', () => {
  it('computes ages and children under 18 on the day of the lookup', async () => {
    const fixtures = await loadPersonFixtures();
    const anne = fixtures.persons.find((p) => p.pnr === '0103701111')!;
    expect(personLookupContent(anne, fixtures, '2026-06-01')).toContain('<alder>56</alder>');
    expect(personLookupContent(anne, fixtures, '2026-06-01')).toContain('<antalBoernUnder18>1</antalBoernUnder18>');
    expect(personLookupContent(anne, fixtures, '2030-08-24')).toContain('<antalBoernUnder18>0</antalBoernUnder18>');
  });
});
