import { describe, expect, it } from 'vitest';
import { DOMParser } from '@xmldom/xmldom';
import { compileValidator, readContract } from '../index.ts';
import { OFFICIAL, official } from '../official-contracts.ts';

const PBD = 'http://serviceplatformen.dk/xml/wsdl/soap11/CPR/PersonBaseDataExtended/4/';
const IC = 'http://serviceplatformen.dk/xml/schemas/InvocationContext/1/';

const request = (uuid = 'a0000000-0000-4000-8000-000000000003', extra = '') => `
<pbd:PersonLookupRequest xmlns:pbd="${PBD}" xmlns:ic="${IC}" xmlns:p="http://serviceplatformen.dk/xml/schemas/cpr/PNR/1/">
  <ic:InvocationContext>
    <ic:UserUUID>${uuid}</ic:UserUUID>
    <ic:ServiceAgreementUUID>a0000000-0000-4000-8000-000000000001</ic:ServiceAgreementUUID>
    <ic:UserSystemUUID>a0000000-0000-4000-8000-000000000002</ic:UserSystemUUID>
    <ic:ServiceUUID>a0000000-0000-4000-8000-000000000004</ic:ServiceUUID>${extra}
  </ic:InvocationContext>
  <p:PNR>0101001234</p:PNR>
</pbd:PersonLookupRequest>`;

const response = (persondata: string) =>
  `<pbd:PersonLookupResponse xmlns:pbd="${PBD}"><pbd:persondata>${persondata}</pbd:persondata></pbd:PersonLookupResponse>`;

describe.each([
  ['the official contract', () => readContract(official(OFFICIAL.personBaseDataContext))],
  ["the project's contract", () => readContract('catalog/contracts/SF1520/4/PersonBaseDataExtendedService.wsdl')],
])('compileValidator on PersonBaseDataExtended v4 (%s)', (_label, load) => {
  const validator = compileValidator(load());

  it('accepts a valid request (xs:all in any order) and a valid response', () => {
    expect(validator.validate(request())).toEqual([]);
    expect(
      validator.validate(
        response(
          '<pbd:personnummer>0101001234</pbd:personnummer><pbd:koen>K</pbd:koen><pbd:antalBoernUnder18>0</pbd:antalBoernUnder18>',
        ),
      ),
    ).toEqual([]);
  });

  it('reports an upper-case UUID with the path of the field', () => {
    const findings = validator.validate(request('A0000000-0000-4000-8000-000000000003'));
    expect(findings).toHaveLength(1);
    expect(findings[0]!.path).toBe('/PersonLookupRequest/InvocationContext/UserUUID');
    expect(findings[0]!.message).toContain('does not match the pattern');
  });

  it('reports a missing required field, a bad enumeration value and an unknown element', () => {
    expect(validator.validate(response('<pbd:koen>K</pbd:koen>'))[0]!.message).toContain('antalBoernUnder18');
    expect(
      validator.validate(response('<pbd:koen>X</pbd:koen><pbd:antalBoernUnder18>0</pbd:antalBoernUnder18>'))[0]!
        .message,
    ).toContain('not one of the allowed values');
    expect(validator.validate(request(undefined, '<ic:Surprise>1</ic:Surprise>'))[0]!.message).toContain(
      'unexpected element <Surprise>',
    );
  });

  it('validates the body of a SOAP envelope given as a DOM element, ignoring undeclared header blocks', () => {
    const xml = `<s:Envelope xmlns:s="http://schemas.xmlsoap.org/soap/envelope/"><s:Header><x:Security xmlns:x="urn:x"/></s:Header><s:Body>${request('bad')}</s:Body></s:Envelope>`;
    const doc = new DOMParser().parseFromString(xml, 'text/xml');
    const findings = validator.validate(doc.documentElement as unknown as Element);
    expect(findings.map((f) => f.path)).toEqual(['/Envelope/Body/PersonLookupRequest/InvocationContext/UserUUID']);
  });

  it('reports an element no schema declares, and malformed XML, as findings', () => {
    expect(validator.validate('<x:Nope xmlns:x="urn:nope"/>')[0]!.message).toContain(
      'no schema of this contract declares',
    );
    expect(validator.validate('<a><b></a>')[0]!.message).toContain('not well-formed');
  });
});

describe('compileValidator on choice, extension and built-ins', () => {
  it('accepts either branch of a choice (personnummer, or birth date and name) and rejects a mix', () => {
    const v = compileValidator(readContract('catalog/contracts/SF1520/4/PersonBaseDataExtendedService.wsdl'));
    const rel = (inner: string) =>
      `<pbd:PersonLookupResponse xmlns:pbd="${PBD}"><pbd:relationer><pbd:mor>${inner}</pbd:mor></pbd:relationer></pbd:PersonLookupResponse>`;
    expect(v.validate(rel('<pbd:personnummer>0101001234</pbd:personnummer>'))).toEqual([]);
    expect(
      v.validate(rel('<pbd:foedselsdato><pbd:dato>1952-02-29</pbd:dato></pbd:foedselsdato><pbd:navn>Else</pbd:navn>')),
    ).toEqual([]);
    expect(
      v.validate(rel('<pbd:foedselsdato><pbd:dato>1950-02-30</pbd:dato></pbd:foedselsdato>'))[0]!.message,
    ).toContain('not a valid date');
    expect(v.validate(rel('<pbd:personnummer>1</pbd:personnummer><pbd:navn>Else</pbd:navn>'))[0]!.message).toContain(
      'unexpected element <navn>',
    );
  });

  it('follows complexContent extension in the SF1500 Bruger contract (StandardRetur in LaesOutput)', () => {
    const v = compileValidator(readContract(official(OFFICIAL.sf1500Wsdl('Bruger'))));
    const ns = 'http://stoettesystemerne.dk/organisation/bruger/6/';
    const ok = `<b:LaesOutput xmlns:b="${ns}" xmlns:sd="urn:oio:sagdok:3.0.0"><sd:StandardRetur><sd:StatusKode>20</sd:StatusKode><sd:FejlbeskedTekst>OK</sd:FejlbeskedTekst></sd:StandardRetur></b:LaesOutput>`;
    expect(v.validate(ok)).toEqual([]);
    expect(v.validate(ok.replace('<sd:StatusKode>20</sd:StatusKode>', ''))[0]!.message).toContain('StatusKode');
  });

  it('enforces fixed values (GraenseIndikator is fixed to true in SagDokObjekt)', () => {
    const v = compileValidator(readContract('catalog/contracts/SF1500/6/Bruger.wsdl'));
    const laes = (g: string) =>
      `<b:LaesInput xmlns:b="http://stoettesystemerne.dk/organisation/bruger/6/" xmlns:sd="urn:oio:sagdok:3.0.0"><sd:UUIDIdentifikator>a0000000-0000-4000-8000-000000000003</sd:UUIDIdentifikator><sd:VirkningTilFilter><sd:GraenseIndikator>${g}</sd:GraenseIndikator></sd:VirkningTilFilter></b:LaesInput>`;
    expect(v.validate(laes('true'))).toEqual([]);
    expect(v.validate(laes('false'))[0]!.message).toContain('fixed value');
  });

  it('says so when an element has the right name in the wrong namespace', () => {
    const v = compileValidator(readContract('catalog/contracts/SF1500/6/Bruger.wsdl'));
    const [finding] = v.validate(
      '<b:LaesInput xmlns:b="http://stoettesystemerne.dk/organisation/bruger/6/"><b:UUIDIdentifikator>a0000000-0000-4000-8000-000000000003</b:UUIDIdentifikator></b:LaesInput>',
    );
    expect(finding!.message).toBe(
      'expected <UUIDIdentifikator>, found <UUIDIdentifikator> in namespace "http://stoettesystemerne.dk/organisation/bruger/6/" instead of "urn:oio:sagdok:3.0.0"',
    );
  });
});
