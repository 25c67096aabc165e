import { execFileSync } from 'node:child_process';
import { cpSync, mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { loadPersonFixtures } from './person-fixtures.ts';
import { personLookupContent } from './person-xml.ts';

const contract = new URL('../../../../../shared/contracts/itk-dev__serviceplatformen/resources/person-base-data-extended-service-contract/', import.meta.url).pathname;
const ns = 'http://serviceplatformen.dk/xml/wsdl/soap11/CPR/PersonBaseDataExtended/4/';

/**
 * A temp copy of the official contract, changed in one way only: PersonBaseDataExtendedServiceTypes.xsd
 * uses the cpr: (PNR) namespace but leaves its xs:import to the including schema. Java's validators
 * accept that; libxml2 (xmllint) insists each schema document imports what it references, so the
 * copy gets that one xs:import line. No type, element or restriction is touched.
 */
function officialSchemaForXmllint(): string {
  const copy = mkdtempSync(join(tmpdir(), 'pbde-xsd-'));
  cpSync(contract, copy, { recursive: true });
  const types = join(copy, 'xsd', 'PersonBaseDataExtendedServiceTypes.xsd');
  const text = readFileSync(types, 'utf8');
  const rootEnd = text.indexOf('>', text.indexOf('<xsd:schema')) + 1;
  writeFileSync(types, `${text.slice(0, rootEnd)}<xsd:import namespace="http://serviceplatformen.dk/xml/schemas/cpr/PNR/1/" schemaLocation="../sp/PNR_1.xsd"/>${text.slice(rootEnd)}`);
  return join(copy, 'PersonBaseDataExtendedServiceMsg.xsd');
}

describe('PersonLookup answers of the Korsbæk fixtures', () => {
  it('validate against the OFFICIAL PersonBaseDataExtendedServiceMsg.xsd (xmllint)', async () => {
    const fixtures = await loadPersonFixtures();
    const dir = mkdtempSync(join(tmpdir(), 'pbde-'));
    const files = fixtures.persons.map((person) => {
      const file = join(dir, `${person.pnr}.xml`);
      writeFileSync(file, `<?xml version="1.0" encoding="UTF-8"?><PersonLookupResponse xmlns="${ns}">${personLookupContent(person, fixtures, '2026-06-01')}</PersonLookupResponse>`);
      return file;
    });
    expect(files.length).toBeGreaterThanOrEqual(8);
    const run = () => execFileSync('xmllint', ['--noout', '--schema', officialSchemaForXmllint(), ...files], { stdio: 'pipe' });
    expect(run).not.toThrow();
  });

  it('computes ages and children under 18 on the day of the lookup', async () => {
    const fixtures = await loadPersonFixtures();
    const anne = fixtures.persons.find((p) => p.pnr === '0103701111')!;
    expect(personLookupContent(anne, fixtures, '2026-06-01')).toContain('<alder>56</alder>');
    expect(personLookupContent(anne, fixtures, '2026-06-01')).toContain('<antalBoernUnder18>1</antalBoernUnder18>');
    expect(personLookupContent(anne, fixtures, '2030-08-24')).toContain('<antalBoernUnder18>0</antalBoernUnder18>');
  });
});
