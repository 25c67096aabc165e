import { beforeAll, describe, expect, it } from 'vitest';
import { join } from 'node:path';
import { parseXml, selectAll } from '../../../wire/index.ts';
import { canValidateOfficially, officialSchemas, validateWithOfficialXsd } from './official-xsd.ts';
import { loadKorsbaek } from '../../../../catalog/index.ts';
import type { OrganisationFixtures } from './organisation-fixtures.ts';
import { runOrganisationOperation, type OrganisationOperation } from './organisation-operations.ts';
import { orgNs, type OrgObjekt } from './registrering-xml.ts';

let fx: OrganisationFixtures;
const ulla = '273e2e2b-8778-44c9-8a65-9af669655990';
const jobcenter = '8d47b0cf-e86e-4cd4-8a44-107b3d908b62';
const missing = '00000000-0000-4000-8000-000000000000';

beforeAll(async () => {
  const { korsbaek } = await loadKorsbaek();
  if (!korsbaek.organisation) throw new Error('The shipped catalogue has no korsbaek/organisation.yaml');
  fx = korsbaek.organisation;
});

function run(objekt: OrgObjekt, operation: OrganisationOperation, inner: string, cvr = '11111111') {
  const element = { laes: 'LaesInput', list: 'ListInput', soeg: 'SoegInput' }[operation];
  const input = parseXml(
    `<p:${element} xmlns:p="${orgNs[objekt]}" xmlns:sd="${orgNs.sd}" xmlns:orgfaelles="${orgNs.orgfaelles}">${inner}</p:${element}>`,
  ).documentElement!;
  return runOrganisationOperation(objekt, operation, input as unknown as Node, fx, cvr);
}

const uuidXml = (u: string) => `<sd:UUIDIdentifikator>${u}</sd:UUIDIdentifikator>`;
const soegBruger = (attrs: string, relations = '') =>
  `<sd:MaksimalAntalKvantitet>10</sd:MaksimalAntalKvantitet><p:AttributListe><p:Egenskab>${attrs}</p:Egenskab></p:AttributListe><p:TilstandListe/><p:RelationListe>${relations}</p:RelationListe>`;

const cases: [string, OrgObjekt, OrganisationOperation, string, number][] = [
  ['Bruger laes of a known user', 'bruger', 'laes', uuidXml(ulla), 20],
  ['Bruger laes of an unknown UUID', 'bruger', 'laes', uuidXml(missing), 44],
  ['Bruger laes of a malformed UUID', 'bruger', 'laes', uuidXml('not-a-uuid'), 40],
  ['Bruger list of two users', 'bruger', 'list', uuidXml(ulla) + uuidXml('7de98591-f030-46fb-8781-c96e931dc49b'), 20],
  ['Bruger soeg by name', 'bruger', 'soeg', soegBruger('<sd:BrugerNavn>ulla*</sd:BrugerNavn>'), 20],
  ['OrganisationEnhed laes', 'organisationenhed', 'laes', uuidXml(jobcenter), 20],
  [
    'OrganisationEnhed list',
    'organisationenhed',
    'list',
    uuidXml(jobcenter) + uuidXml('6a2f9b7b-1db4-4093-993f-b7fb0d6baeb1'),
    20,
  ],
  ['OrganisationEnhed soeg by name', 'organisationenhed', 'soeg', soegBruger('<sd:EnhedNavn>Job%</sd:EnhedNavn>'), 20],
];

describe('SF1500 Bruger and OrganisationEnhed operations', () => {
  it.each(cases)('%s answers StatusKode %s', (_name, objekt, operation, inner, kode) => {
    expect(run(objekt, operation, inner).statusKode).toBe(kode);
  });

  it('finds the Jobcenter caseworkers by unit, and nothing for another municipality', () => {
    const inJobcenter = run(
      'bruger',
      'soeg',
      soegBruger(
        '',
        `<sd:TilknyttedeEnheder><sd:ReferenceID>${uuidXml(jobcenter)}</sd:ReferenceID></sd:TilknyttedeEnheder>`,
      ),
    );
    const ids = selectAll("//*[local-name()='IdListe']/*", parseXml(inJobcenter.outputXml)).map((n) => n.textContent);
    expect(ids).toEqual([ulla, 'a7ed237f-9c3e-46e1-97e1-a61620fc339b']);
    expect(run('bruger', 'laes', uuidXml(ulla), '29189846').statusKode).toBe(44);
  });

  it.skipIf(!canValidateOfficially()).each(cases)(
    '%s validates against the official XSD',
    (_name, objekt, operation, inner) => {
      const { outputXml } = run(objekt, operation, inner);
      const file = join(
        officialSchemas.sf1500,
        '6.0.STS-0',
        objekt === 'bruger' ? 'BrugerOperationer.xsd' : 'OrganisationEnhedOperationer.xsd',
      );
      expect(validateWithOfficialXsd(outputXml, [{ namespace: orgNs[objekt], file }])).toEqual([]);
    },
  );
});

describe('the official XSD check itself', () => {
  it.skipIf(!canValidateOfficially())('rejects an output with a misplaced element', () => {
    const broken = `<b:LaesOutput xmlns:b="${orgNs.bruger}" xmlns:sd="${orgNs.sd}"><sd:StandardRetur><sd:FejlbeskedTekst>x</sd:FejlbeskedTekst><sd:StatusKode>20</sd:StatusKode></sd:StandardRetur></b:LaesOutput>`;
    const file = join(officialSchemas.sf1500, '6.0.STS-0', 'BrugerOperationer.xsd');
    expect(validateWithOfficialXsd(broken, [{ namespace: orgNs.bruger, file }]).length).toBeGreaterThan(0);
  });
});
