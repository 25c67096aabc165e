import { existsSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { describeOperations } from '../../../catalog/index.ts';
import { cardinality, catalogueMessageRows, contractRows } from './contract-view.ts';

const shared = new URL('../../../../shared/contracts/', import.meta.url).pathname;
const bruger = `${shared}itk-dev__serviceplatformen/resources/sf1500/Tekniske specifikationer (v6.0 Services)/v6_0_0_0/wsdl/Bruger.wsdl`;
const pbde = new URL('../../../catalog/contracts/SF1520/4/PersonBaseDataExtendedService.wsdl', import.meta.url)
  .pathname;

describe('the contract as the integration page shows it', () => {
  it.skipIf(!existsSync(bruger))(
    'lists the Bruger operations of the official SF1500 v6 WSDL with soapAction and SOAP 1.2',
    () => {
      const [service] = contractRows(describeOperations(bruger));
      const laes = service!.operations.find((op) => op.name === 'laes')!;
      expect(service!.operations.map((op) => op.name)).toEqual(expect.arrayContaining(['laes', 'soeg', 'list']));
      expect(laes.soapAction).toBe('http://kombit.dk/sts/organisation/bruger/laes');
      expect(laes.soapVersion).toBe('1.2');
      expect(laes.input!.element).toBe('LaesInput');
      expect(laes.input!.fields[0]).toMatchObject({ name: 'UUIDIdentifikator', cardinality: '1', depth: 0 });
      expect(laes.output!.fields.map((f) => f.name)).toContain('StandardRetur');
      expect(Math.max(...laes.output!.fields.map((f) => f.depth))).toBeLessThanOrEqual(2);
    },
  );

  it.skipIf(!existsSync(pbde))(
    'lists the fields of PersonLookup, nested fields indented, with types and cardinality',
    () => {
      const [service] = contractRows(describeOperations(pbde));
      const lookup = service!.operations[0]!;
      expect(lookup.soapVersion).toBe('1.1');
      expect(lookup.input!.fields.find((f) => f.name === 'PNR')).toMatchObject({ cardinality: '1', depth: 0 });
      expect(lookup.input!.fields.find((f) => f.name === 'ServiceUUID')).toMatchObject({ cardinality: '1', depth: 1 });
    },
  );

  it('shows a message the catalogue records (an imported service without contract files) in the same rows, with enumerations', () => {
    const rows = catalogueMessageRows({
      element: 'SpoergResponse',
      namespace: 'urn:x',
      fields: [
        {
          name: 'Forsendelse',
          type: 'ForsendelseType',
          minOccurs: 0,
          fields: [
            { name: 'StatusKode', type: 'StatusKodeType', enumeration: ['Modtaget', 'Afsendt'] },
            { name: '*', namespace: '##other', type: 'any', minOccurs: 0, maxOccurs: 'unbounded' },
          ],
        },
      ],
    });
    expect(rows).toEqual({
      element: 'SpoergResponse',
      truncated: false,
      fields: [
        { name: 'Forsendelse', type: 'ForsendelseType', cardinality: '0..1', depth: 0 },
        { name: 'StatusKode', type: 'StatusKodeType', cardinality: '1', depth: 1, values: ['Modtaget', 'Afsendt'] },
        { name: '(any)', type: 'any (##other)', cardinality: '0..*', depth: 1 },
      ],
    });
  });

  it('writes cardinality as contracts are documented', () => {
    expect([cardinality(1, 1), cardinality(0, 1), cardinality(0, 'unbounded'), cardinality(2, 5)]).toEqual([
      '1',
      '0..1',
      '0..*',
      '2..5',
    ]);
  });
});
