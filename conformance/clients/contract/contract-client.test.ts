import { existsSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { beforeAll, describe, expect, it } from 'vitest';
import type { Catalog } from '../../../catalog/index.ts';
import { xmllintAvailable, xmllintFindings } from '../../../catalog/index.ts';
import { loadCatalog } from '../../../catalog/index.ts';
import { buildRequestElement, contractCatalogue, readContractAnswer } from './index.ts';

const contracts = fileURLToPath(new URL('../../../../shared/contracts/', import.meta.url));
const xsds = {
  callDemoService: `${contracts}Serviceplatformen__demoservice-client-net/contracts/DemoServiceMsg.xsd`,
};

describe('the generic contract client', () => {
  let catalog: Catalog;
  beforeAll(async () => {
    catalog = (await loadCatalog()).catalog;
  });
  const operation = (integration: string, name: string) => {
    const service = contractCatalogue(catalog).find(
      (s) => s.integration === integration && s.operations.some((o) => o.name === name),
    )!;
    return { service, op: service.operations.find((o) => o.name === name)! };
  };

  it("sees the shipped catalogue's imported services with their security model, as the platform serves them", () => {
    const seen = contractCatalogue(catalog).map((s) => `${s.integration} ${s.service} ${s.security.model}`);
    expect(seen).toEqual(
      expect.arrayContaining(['SF0101 Demo context', 'SF1491 YdelseListeHent saml-token', 'SF1510 Klasse saml-token']),
    );
  });

  it.skipIf(!xmllintAvailable() || !existsSync(xsds.callDemoService))(
    'builds requests the official XSDs accept, with the given values where they name a field',
    () => {
      const demo = operation('SF0101', 'callDemoService').op;
      const xml = buildRequestElement(demo.input, [
        { field: 'messageString', values: ['Hej'] },
        { field: 'InvocationContext/UserUUID', values: ['0b7e4b2c-1d5a-4f8e-9c3d-2a6b8e0f1c4d'] },
      ]);
      expect(xml).toContain('<messageString>Hej</messageString>');
      expect(xml).toContain('<UserUUID>0b7e4b2c-1d5a-4f8e-9c3d-2a6b8e0f1c4d</UserUUID>');
      expect(xmllintFindings(xsds.callDemoService, xml)).toEqual([]);
      const laes = operation('SF1510', 'laes').op;
      // An element of another namespace (sagdok's UUIDIdentifikator) is written in its own namespace.
      expect(buildRequestElement(laes.input, [])).toMatch(
        /^<LaesInput xmlns="http:\/\/stoettesystemerne.dk\/klassifikation\/klasse\/7\/"><UUIDIdentifikator xmlns="urn:oio:sagdok:3.0.0">[0-9a-f-]{36}<\/UUIDIdentifikator><\/LaesInput>$/,
      );
    },
  );

  it('reads data, a ServiceplatformFault, a StandardRetur refusal and a SvarReaktion/Fejl', () => {
    const env = (body: string) =>
      `<s:Envelope xmlns:s="http://schemas.xmlsoap.org/soap/envelope/"><s:Body>${body}</s:Body></s:Envelope>`;
    expect(readContractAnswer(env('<R xmlns="urn:x"><A><B>1</B><B>2</B></A><C>Korsbæk</C></R>'))).toEqual({
      ok: true,
      values: { 'A/B': ['1', '2'], C: ['Korsbæk'] },
    });
    expect(
      readContractAnswer(
        env(
          '<s:Fault><faultcode>s:Client</faultcode><faultstring>x</faultstring><detail><ServiceplatformFault><ErrorList><Error><ErrorCode>TestFaultRequested</ErrorCode><ErrorText>asked</ErrorText></Error></ErrorList></ServiceplatformFault></detail></s:Fault>',
        ),
      ),
    ).toEqual({ ok: false, code: 'TestFaultRequested', text: 'asked' });
    expect(
      readContractAnswer(
        env('<R><StandardRetur><StatusKode>50</StatusKode><FejlbeskedTekst>nej</FejlbeskedTekst></StandardRetur></R>'),
      ),
    ).toEqual({ ok: false, code: 'StatusKode 50', text: 'nej' });
    expect(
      readContractAnswer(
        env(
          '<R><HovedOplysningerSvar><SvarReaktion><Fejl><FejlId>F1</FejlId><FejlTekst>t</FejlTekst></Fejl></SvarReaktion></HovedOplysningerSvar></R>',
        ),
      ),
    ).toEqual({ ok: false, code: 'F1', text: 't' });
    expect(() => readContractAnswer('<html/>')).toThrow(/without a SOAP envelope/);
  });
});
