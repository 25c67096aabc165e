import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { xmllintAvailable, xmllintFindings } from './xmllint-findings.ts';

const xsd = fileURLToPath(new URL('../../contracts/SF1520/4/PersonBaseDataExtended.xsd', import.meta.url));
const PBD = 'http://serviceplatformen.dk/xml/wsdl/soap11/CPR/PersonBaseDataExtended/4/';
const answer = (persondata: string, relationer = '') =>
  `<?xml version="1.0" encoding="UTF-8"?><PersonLookupResponse xmlns="${PBD}"><persondata>${persondata}</persondata>${relationer}</PersonLookupResponse>`;
const base = '<personnummer>0101001234</personnummer><koen>M</koen><antalBoernUnder18>0</antalBoernUnder18>';

describe.skipIf(!xmllintAvailable())('xmllintFindings', () => {
  it('is empty for a valid document', () => {
    expect(xmllintFindings(xsd, answer(base))).toEqual([]);
  });

  it('names the path of the element xmllint rejects', () => {
    const findings = xmllintFindings(xsd, answer(base.replace('<koen>M</koen>', '<koen>X</koen>')));
    expect(findings.map((f) => f.path)).toEqual(['/PersonLookupResponse/persondata/koen']);
    expect(findings[0]!.message).toContain("'X'");
  });

  it('tells repeated siblings apart by their position', () => {
    const children =
      '<relationer><barn><personnummer>0101101234</personnummer></barn><barn><personnummer>01011012345</personnummer></barn></relationer>';
    const findings = xmllintFindings(xsd, answer(base, children));
    expect(findings.map((f) => f.path)).toEqual(['/PersonLookupResponse/relationer/barn[2]/personnummer']);
  });

  it('reports an element the schema does not expect where it stands', () => {
    const findings = xmllintFindings(xsd, answer(`${base}<skonummer>42</skonummer>`));
    expect(findings.map((f) => f.path)).toEqual(['/PersonLookupResponse/persondata/skonummer']);
    expect(findings[0]!.message).toContain('not expected');
  });

  it('never calls a document valid when the schema itself cannot be read', () => {
    expect(xmllintFindings('/nonexistent/schema.xsd', answer(base)).length).toBeGreaterThan(0);
  });
});

describe.skipIf(xmllintAvailable())('xmllintFindings', () => {
  it('is skipped: xmllint is not installed (apt-get install libxml2-utils)', () => {});
});
