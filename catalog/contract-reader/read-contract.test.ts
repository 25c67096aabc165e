import { cpSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { ContractError, readContract, type ContractModel } from './index.ts';
import { OFFICIAL, official } from './official-contracts.ts';

const operations = (m: ContractModel, service: string) =>
  m.services.find((s) => s.name === service)!.ports[0]!.operations;

describe('readContract on the official bundles', () => {
  it('reads all 16 SF1500 v6 WSDLs, SOAP 1.2, with Bruger laes/soeg/list and their soapActions', () => {
    const m = readContract(official(`${OFFICIAL.sf1500Dir}/wsdl`));
    expect(m.services).toHaveLength(16);
    expect(m.services.every((s) => s.ports.every((p) => p.soapVersion === '1.2'))).toBe(true);
    const bruger = operations(m, 'BrugerService');
    expect(bruger.map((o) => o.name)).toEqual(expect.arrayContaining(['laes', 'soeg', 'list']));
    const laes = bruger.find((o) => o.name === 'laes')!;
    expect(laes.soapAction).toBe('http://kombit.dk/sts/organisation/bruger/laes');
    expect(laes.input!.body).toEqual(['{http://stoettesystemerne.dk/organisation/bruger/6/}LaesInput']);
    expect(laes.input!.headers).toEqual(['{http://kombit.dk/xml/schemas/RequestHeader/1/}RequestHeader']);
    expect(laes.output!.body).toEqual(['{http://stoettesystemerne.dk/organisation/bruger/6/}LaesOutput']);
  });

  it('reads PersonBaseDataExtended v4 (context and token): SOAP 1.1, PersonLookup and the ServiceplatformFault', () => {
    for (const file of [OFFICIAL.personBaseDataContext, OFFICIAL.personBaseDataToken]) {
      const m = readContract(official(file));
      const [port] = m.services[0]!.ports;
      expect(port!.soapVersion).toBe('1.1');
      const [op] = port!.operations;
      expect(op!.name).toBe('PersonLookup');
      expect(op!.soapAction).toBe(
        'http://serviceplatformen.dk/xml/wsdl/soap11/CPR/PersonBaseDataExtended/4/PersonLookup',
      );
      expect(op!.faults).toEqual([
        {
          name: 'ServiceplatformFault',
          element: '{http://serviceplatformen.dk/xml/schemas/ServiceplatformFault/1/}ServiceplatformFault',
        },
      ]);
    }
  });

  it('reads SagDokumentIndeks v5 (context, token) and v6 with importer, opdater, fremsoeg, fjern', () => {
    for (const file of [
      OFFICIAL.sagDokumentIndeks5Context,
      OFFICIAL.sagDokumentIndeks5Token,
      OFFICIAL.sagDokumentIndeks6,
    ]) {
      const ops = readContract(official(file))
        .services[0]!.ports[0]!.operations.map((o) => o.name)
        .sort();
      expect(ops).toEqual(['fjern', 'fremsoeg', 'importer', 'opdater']);
    }
  });

  it('reads Klasse v7, the STS and the Beskedfordeler bundle', () => {
    expect(operations(readContract(official(OFFICIAL.klasse7)), 'KlasseService_7').map((o) => o.name)).toContain(
      'laes',
    );
    const sts = readContract(official(OFFICIAL.sts)).services[0]!.ports[0]!;
    expect(sts.soapVersion).toBe('1.2');
    expect(sts.operations[0]!.soapAction).toBe('http://docs.oasis-open.org/ws-sx/ws-trust/200512/RST/Issue');
    const push = readContract(official(OFFICIAL.beskedfordelerPush));
    expect(push.kind).toBe('xsd');
    expect(push.schema.elements.has('{urn:oio:sts:1.0.0}ModtagBeskedInput')).toBe(true);
    expect(
      readContract(official(OFFICIAL.beskedfordelerWsdl)).services[0]!.ports[0]!.operations.length,
    ).toBeGreaterThan(5);
  });

  it("skips OpenAPI documents given among the files (SF1514's contract list mixes WSDL and OpenAPI)", () => {
    const dir = new URL('../contracts/SF1514/1/', import.meta.url).pathname;
    const m = readContract([
      `${dir}SecurityTokenService.wsdl`,
      `${dir}ws-trust.xsd`,
      `${dir}sts-rest-issue.openapi.json`,
    ]);
    expect(m.services[0]!.ports[0]!.operations[0]!.name).toBe('Trust13Issue');
    expect(m.skipped).toEqual([`${dir}sts-rest-issue.openapi.json`]);
  });

  it('describes fields with types, cardinality and facets (InvocationContext UUID pattern)', () => {
    const m = readContract(official(OFFICIAL.personBaseDataContext));
    const uuid = m.schema.types.get('{http://serviceplatformen.dk/xml/schemas/InvocationContext/1/}UUIDtype');
    expect(uuid?.kind === 'simple' && uuid.facets.pattern).toEqual([
      '[a-f0-9]{8}-[a-f0-9]{4}-[a-f0-9]{4}-[a-f0-9]{4}-[a-f0-9]{12}',
    ]);
  });
});

describe('readContract on broken bundles', () => {
  const tmp = mkdtempSync(join(tmpdir(), 'klarmeld-contract-'));
  afterAll(() => rmSync(tmp, { recursive: true, force: true }));
  const copy = (name: string) => {
    const dir = join(tmp, name);
    cpSync(official(OFFICIAL.personBaseDataDir), dir, { recursive: true });
    return dir;
  };
  const errorOf = (fn: () => unknown) => {
    try {
      fn();
    } catch (e) {
      return e as ContractError;
    }
    throw new Error('expected a ContractError');
  };

  it('names the importing file and the missing XSD when an imported schema is missing', () => {
    const dir = copy('missing-xsd');
    rmSync(join(dir, 'sp/InvocationContext_1.xsd'));
    const e = errorOf(() => readContract(join(dir, 'wsdl/context/PersonBaseDataExtendedService.wsdl')));
    expect(e).toBeInstanceOf(ContractError);
    expect(e.code).toBe('contract.file-missing');
    expect(e.file).toBe(join(dir, 'PersonBaseDataExtendedServiceMsg.xsd'));
    expect(e.message).toContain('sp/InvocationContext_1.xsd');
  });

  it('names the file and the binding when a binding is not SOAP', () => {
    const dir = copy('unknown-binding');
    const wsdl = join(dir, 'wsdl/context/PersonBaseDataExtendedService.wsdl');
    writeFileSync(
      wsdl,
      readFileSync(wsdl, 'utf8').replace(
        '<soap:binding transport="http://schemas.xmlsoap.org/soap/http" style="document"/>',
        '<http:binding xmlns:http="http://schemas.xmlsoap.org/wsdl/http/" verb="POST"/>',
      ),
    );
    const e = errorOf(() => readContract(wsdl));
    expect(e.code).toBe('contract.binding-unknown');
    expect(e.message).toContain('PersonBaseDataExtendedBinding');
    expect(e.message).toContain('http:binding');
  });

  it('names the port when it uses a binding no WSDL declares', () => {
    const dir = copy('missing-binding');
    const wsdl = join(dir, 'wsdl/context/PersonBaseDataExtendedService.wsdl');
    writeFileSync(
      wsdl,
      readFileSync(wsdl, 'utf8').replace('binding="tns:PersonBaseDataExtendedBinding"', 'binding="tns:NoSuchBinding"'),
    );
    const e = errorOf(() => readContract(wsdl));
    expect(e.code).toBe('contract.binding-unknown');
    expect(e.message).toContain('NoSuchBinding');
  });

  it('says which file is malformed', () => {
    const dir = copy('malformed');
    writeFileSync(join(dir, 'sp/PNR_1.xsd'), '<xsd:schema xmlns:xsd="http://www.w3.org/2001/XMLSchema">');
    const e = errorOf(() => readContract(join(dir, 'wsdl/context/PersonBaseDataExtendedService.wsdl')));
    expect(e.code).toBe('contract.xml-malformed');
    expect(e.file).toBe(join(dir, 'sp/PNR_1.xsd'));
  });

  it('refuses constructs it does not support (xs:group) instead of validating wrongly', () => {
    const file = join(tmp, 'group.xsd');
    writeFileSync(
      file,
      '<xs:schema xmlns:xs="http://www.w3.org/2001/XMLSchema" targetNamespace="urn:t" xmlns:t="urn:t"><xs:group name="g"><xs:sequence><xs:element name="a"/></xs:sequence></xs:group><xs:element name="e"><xs:complexType><xs:group ref="t:g"/></xs:complexType></xs:element></xs:schema>',
    );
    const e = errorOf(() => readContract(file));
    expect(e.code).toBe('contract.unsupported');
    expect(e.message).toContain('xs:group ref="t:g"');
  });
});
