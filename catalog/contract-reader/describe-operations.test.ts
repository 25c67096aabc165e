import { describe, expect, it } from 'vitest';
import { describeOperations } from './index.ts';
import { OFFICIAL, official } from './official-contracts.ts';

describe('describeOperations (what the site renders for a contract)', () => {
  it('lists SF1520 PersonLookup with soapAction, SOAP version and the fields of its input and output', () => {
    const [op] = describeOperations(
      new URL('../contracts/SF1520/4/PersonBaseDataExtendedService.wsdl', import.meta.url).pathname,
    );
    expect(op).toMatchObject({
      name: 'PersonLookup',
      soapVersion: '1.1',
      soapAction: 'http://serviceplatformen.dk/xml/wsdl/soap11/CPR/PersonBaseDataExtended/4/PersonLookup',
    });
    expect(op!.input!.fields.map((f) => [f.name, f.minOccurs, f.maxOccurs])).toEqual([
      ['CallContext', 0, 1],
      ['AuthorityContext', 0, 1],
      ['InvocationContext', 0, 1],
      ['PNR', 1, 1],
    ]);
    const uuid = op!.input!.fields[2]!.fields!.find((f) => f.name === 'UserUUID')!;
    expect(uuid).toMatchObject({
      base: 'string',
      minOccurs: 1,
      facets: { pattern: ['[a-f0-9]{8}-[a-f0-9]{4}-[a-f0-9]{4}-[a-f0-9]{4}-[a-f0-9]{12}'] },
    });
    const koen = op!.output!.fields[0]!.fields!.find((f) => f.name === 'koen')!;
    expect(koen.facets?.enumeration).toEqual(['K', 'M']);
    expect(op!.faults[0]!.fields[0]!.name).toBe('ErrorList');
  });

  it('lists the official SF1500 Bruger operations with the RequestHeader and StandardRetur', () => {
    const ops = describeOperations(official(OFFICIAL.sf1500Wsdl('Bruger')));
    const laes = ops.find((o) => o.name === 'laes')!;
    expect(laes.soapVersion).toBe('1.2');
    expect(laes.input!.headers[0]!.fields.map((f) => f.name)).toEqual(['TransactionUUID']);
    expect(laes.output!.fields.map((f) => f.name)).toEqual(['StandardRetur', 'FiltreretOejebliksbillede']);
    expect(ops.map((o) => o.name)).toEqual(expect.arrayContaining(['laes', 'soeg', 'list']));
  });
});
