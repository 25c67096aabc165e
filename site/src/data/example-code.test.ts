import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { beforeAll, describe, expect, it } from 'vitest';
import { loadCatalog } from '../../../catalog/index.ts';
import { listFixtures } from '../../../conformance/platform/index.ts';
import type { Service } from './catalog-types.ts';
import { contractLibrary } from './contracts.ts';
import { exampleCode, wsdlClientFolder } from './example-code.ts';
import type { ExampleFixtures } from './example-values.ts';
import { stsEndpoints } from './rest-token.ts';

const repo = fileURLToPath(new URL('../../../', import.meta.url));

const soap: Service = {
  name: 'PersonBaseDataExtendedService',
  version: '4',
  protocol: 'SOAP 1.1',
  security: ['context'],
  serviceUuid: 'e6be2436-bf35-4df2-83fe-925142825dc2',
  provider: 'platform',
  contract: ['SF1520/4/wsdl/context/PersonBaseDataExtendedService.wsdl'],
  operations: [{ name: 'PersonLookup' }],
  endpoints: {
    local: '/service/CPR/PersonBaseDataExtended/4',
    externalTest: 'https://exttest.serviceplatformen.dk/service/CPR/PersonBaseDataExtended/4',
  },
  sources: [],
};
const external: Service = {
  ...soap,
  name: 'CVROnline',
  serviceUuid: 'c0daecde-e278-43b7-84fd-477bfeeea027',
  endpoints: { externalTest: 'https://exttest.serviceplatformen.dk/service/CVR/Online/2' },
};
const field = (name: string, required = true) => ({ name, required });

let fixtures: ExampleFixtures;
beforeAll(async () => {
  fixtures = await listFixtures();
});

describe('the generated TypeScript example', () => {
  it('calls a service of the embedded platform there, with Korsbæk’s test person and user and the registration’s files', () => {
    const { code, kind } = exampleCode({
      integrationId: 'SF1520',
      service: soap,
      inputFields: [field('CallContext', false), field('InvocationContext'), field('PNR')],
      fixtures,
    })!;
    expect(kind).toBe('soap');
    expect(code).toContain("from './generated/personbasedataextendedservice/client.ts'");
    expect(code).toContain("{ endpoint: 'https://127.0.0.1:8443/service/CPR/PersonBaseDataExtended/4' }");
    expect(code).toContain(
      'npx klarmeld platform agreement add --system "Mit fagsystem" --service SF1520/PersonBaseDataExtendedService --municipality 11111111 --json > agreement.json',
    );
    expect(code).toContain('client.setSecurity(new ClientSSLSecurity(system.key, system.cert, system.ca));');
    expect(code).toContain('ServiceAgreementUUID: agreement.agreementUuid,');
    expect(code).toContain('UserSystemUUID: system.systemUuid,');
    expect(code).toContain("UserUUID: '273e2e2b-8778-44c9-8a65-9af669655990', // Ulla Jakobsen, a Korsbæk test user");
    expect(code).toContain("ServiceUUID: 'e6be2436-bf35-4df2-83fe-925142825dc2'");
    expect(code).toContain("PNR: '0103701111', // Anne Marie Hansen, a Korsbæk test person");
    expect(code.match(/InvocationContext: invocationContext,/g)).toHaveLength(1);
    // Optional fields without a test value are left out; nothing is a placeholder.
    expect(code).not.toContain('CallContext');
    expect(code).not.toMatch(/undefined|0{8}-0{4}|<[a-z ]+>/);
  });

  it('fills the Organisation’s UUIDIdentifikator with a test user for Bruger and a test unit for OrganisationEnhed', () => {
    const input = (name: string) => ({
      integrationId: 'SF1500',
      service: { ...soap, name, security: ['saml-token' as const] },
      inputFields: [field('UUIDIdentifikator')],
      fixtures,
    });
    expect(exampleCode(input('Bruger'))!.code).toContain(`UUIDIdentifikator: '${fixtures.users[0]!.uuid}'`);
    expect(exampleCode(input('OrganisationEnhed'))!.code).toContain(`UUIDIdentifikator: '${fixtures.units[0]!.uuid}'`);
  });

  it('names required fields Korsbæk has no value for, and an open (xs:any) body, instead of inventing values', () => {
    const { code } = exampleCode({
      integrationId: 'SF1514',
      service: { ...soap, security: ['certificate'] },
      inputFields: [field('(any)'), field('Sagstype'), field('Note', false)],
      fixtures,
    })!;
    expect(code).toContain('// The contract leaves this body open (any XML)');
    expect(code).toContain("// Also required by the contract, with no value in Korsbæk's test data: Sagstype.");
    expect(code).not.toMatch(/Note|\(any\):|undefined/);
    expect(code).not.toContain('agreement.json');
  });

  it('calls a service the platform does not simulate on KOMBIT’s external test environment, and says so', () => {
    const { code } = exampleCode({
      integrationId: 'SF1530',
      service: external,
      inputFields: [field('InvocationContext')],
      fixtures,
    })!;
    expect(code).toContain("on KOMBIT's external test environment, which klarmeld's embedded platform does not");
    expect(code).toContain("{ endpoint: 'https://exttest.serviceplatformen.dk/service/CVR/Online/2' }");
    expect(code).toContain("ServiceUUID: 'c0daecde-e278-43b7-84fd-477bfeeea027'");
    expect(code).not.toContain('127.0.0.1');
  });

  it('tells a token-secured service to add the STS token', () => {
    const { code } = exampleCode({
      integrationId: 'SF1500',
      service: { ...soap, security: ['saml-token'] },
      fixtures,
    })!;
    expect(code).toContain('SF1514');
    expect(code).not.toContain('invocationContext');
  });

  it('types a REST call’s body with openapi-typescript and fills it from the contract and Korsbæk’s data', async () => {
    const { catalog } = await loadCatalog();
    const service = catalog.integrations
      .find((i) => i.id === 'SF1514')!
      .versions.flatMap((v) => v.services)
      .find((s) => s.name === 'WsTrustRest')!;
    const contract = contractLibrary(join(repo, 'catalog', 'contracts')).restOperation(service)!;
    const { code, kind } = exampleCode({
      integrationId: 'SF1514',
      service,
      fixtures,
      contract,
      sts: stsEndpoints(catalog),
    })!;
    expect(kind).toBe('rest');
    expect(code).toContain('npx openapi-typescript sts-rest-issue.openapi.json -o ./generated/WsTrustRest.ts');
    expect(code).toContain(
      "type Body = NonNullable<paths['/runtime/api/rest/wstrust/v1/issue']['post']['requestBody']>['content']['application/json'];",
    );
    expect(code).toContain("Cvr: '11111111', // Korsbæk Kommune");
    expect(code).toContain('UseKey: certificate.replace(');
    expect(code).toContain("fetch('https://127.0.0.1:8443/runtime/api/rest/wstrust/v1/issue', {");
    // Everything is known, so it runs as pasted: no function that asks the caller for anything.
    expect(code).toContain('//   npx tsx example.ts');
    expect(code).not.toMatch(/supplied|\/\*|<[a-z ]+>|undefined/);
  });

  it('fetches a REST service’s token as SF1514 issues it: a JWT, or a SAML token exchanged for a Holder-of-key access token', () => {
    const sts = { wsTrustRest: 'https://sts.test/rest', oauth: 'https://sts.test/oauth' };
    const rest: Service = {
      ...soap,
      name: 'OrganisationHent',
      protocol: 'REST',
      security: ['jwt'],
      entityId: 'http://stoettesystemerne.dk/service/organisation/3',
      contract: [],
      operations: [{ name: 'organisation', method: 'POST' }],
      endpoints: { externalTest: 'https://org.test/organisationhent/1' },
    };
    const jwt = exampleCode({ integrationId: 'SF1500', service: rest, fixtures, sts })!.code;
    expect(jwt).toContain("fetch('https://sts.test/oauth', {");
    expect(jwt).toContain(
      "scope: 'entityid:http://stoettesystemerne.dk/service/organisation/3,anvenderkontekst:11111111',",
    );
    expect(jwt).toContain('const authorization = `Bearer ${jwt}`;');

    const hok = exampleCode({
      integrationId: 'SF1601',
      service: {
        ...rest,
        name: 'KombiPostAfsend',
        security: ['holder-of-key'],
        entityId: 'http://entityid.kombit.dk/service/kombipostafsend/1',
        operations: [],
        endpoints: { externalTest: 'https://exttest.serviceplatformen.dk/service/KombiPostAfsend_1/kombi' },
      },
      fixtures,
      sts,
    })!.code;
    expect(hok).toContain("fetch('https://sts.test/rest', {");
    expect(hok).toContain(
      "AppliesTo: { EndpointReference: { Address: 'http://entityid.kombit.dk/service/kombipostafsend/1' } },",
    );
    expect(hok).toContain("fetch('https://exttest.serviceplatformen.dk/service/AccessTokenService_1/token', {");
    expect(hok).toContain('const authorization = `${token.token_type} ${token.access_token}`;');
  });

  it('asks the caller, in a typed parameter with a comment, for what neither the catalogue nor a contract gives', () => {
    const rest: Service = {
      ...soap,
      name: 'KlassifikationListeHentREST',
      protocol: 'REST',
      security: ['jwt'],
      contract: [],
      operations: [{ name: 'hent', method: 'POST', path: '/KlassifikationListeHentREST' }],
      endpoints: {},
    };
    const { code } = exampleCode({ integrationId: 'SF1510', service: rest, fixtures, sts: {} })!;
    expect(code).toContain('export async function callKlassifikationListeHentREST(supplied: Supplied) {');
    for (const field of ['baseUrl: string;', 'body: unknown;', 'entityId: string;', 'oauthUrl: string;'])
      expect(code).toContain(`  ${field}`);
    expect(code).toContain("fetch(supplied.baseUrl + '/KlassifikationListeHentREST', {");
    expect(code).toContain("KOMBIT's OpenAPI contract for this service is not in the catalogue");
    expect(code).not.toMatch(/fields of the request schema|accessToken|<[a-z0-9-]+-endpoint>/);
  });

  it('asks the caller for a required body field the contract gives no value for, typed from the contract', () => {
    const rest: Service = {
      ...soap,
      name: 'Opslag',
      protocol: 'REST',
      security: ['certificate'],
      contract: ['X/opslag.json'],
      operations: [{ name: 'opslag', method: 'POST' }],
      endpoints: { externalTest: 'https://x.test' },
    };
    const schema = {
      type: 'object',
      required: ['Cvr', 'Reference'],
      properties: { Cvr: { type: 'string' }, Reference: { type: 'string', description: 'The case number' } },
    };
    const operation = {
      method: 'post',
      path: '/opslag',
      operationId: 'opslag',
      parameters: [],
      requestBody: { required: true, content: [{ mediaType: 'application/json', schema }] },
      responses: [],
      security: [],
    };
    const { code } = exampleCode({
      integrationId: 'SF9999',
      service: rest,
      fixtures,
      contract: { file: '/c/X/opslag.json', operation },
    })!;
    expect(code).toContain(
      "  /** Required by the contract, with no value in Korsbæk's test data or the contract: Reference (The case number). */\n  Reference: Body['Reference'];",
    );
    expect(code).toContain("    Cvr: '11111111', // Korsbæk Kommune");
    expect(code).toContain('    Reference: supplied.Reference,');
    expect(code).toContain("fetch('https://x.test' + '/opslag', {");
    expect(code).not.toContain('authorization');
  });

  it('for a service without contract files (an imported one) names KOMBIT’s WSDL from its sources, or none, never a file that is not there (issue 10)', () => {
    const source =
      'itk-dev/serviceplatformen@9afa6353:resources/sf1500/Tekniske specifikationer (v6.0 Services)/v6_0_0_0/wsdl/Bruger.wsdl';
    const imported: Service = {
      ...external,
      name: 'Bruger',
      security: ['saml-token'],
      contract: [],
      sources: [source],
    };
    const named = exampleCode({ integrationId: 'SF1500', service: imported, fixtures })!.code;
    expect(named).toContain(
      "// klarmeld has no contract files for this service: get KOMBIT's Bruger.wsdl (and the schemas it imports)",
    );
    expect(named).toContain(`// from ${source}, then:`);
    expect(named).toContain("from './generated/bruger/client.ts'");
    expect(named).not.toContain('contract files on this page');
    const unnamed = exampleCode({ integrationId: 'SF1500', service: { ...imported, sources: [] }, fixtures })!.code;
    expect(unnamed).not.toMatch(/Bruger\.wsdl|contract files on this page|from '\.\/generated/);
    expect(unnamed).toContain('get its WSDL from KOMBIT');
  });

  it('fills the example from the request fields the catalogue records when the service has no contract files', () => {
    const imported: Service = {
      ...soap,
      contract: [],
      operations: [
        {
          name: 'PersonLookup',
          input: {
            element: 'PersonLookupRequest',
            namespace: 'urn:x',
            fields: [
              { name: 'InvocationContext', type: 'InvocationContextType' },
              { name: 'PNR', type: 'PNRType' },
              { name: 'Note', type: 'string', minOccurs: 0 },
            ],
          },
        },
      ],
    };
    const inputFields = contractLibrary(join(repo, 'catalog', 'contracts')).inputFields(imported);
    expect(inputFields).toEqual([field('InvocationContext'), field('PNR'), field('Note', false)]);
    expect(exampleCode({ integrationId: 'SF1520', service: imported, inputFields, fixtures })!.code).toContain(
      "PNR: '0103701111'",
    );
  });

  it('has no example for AMQP, which has no typed client', () => {
    expect(exampleCode({ integrationId: 'SF1462', service: { ...soap, protocol: 'AMQP' }, fixtures })).toBeUndefined();
  });

  it('names the client folder as wsdl-tsclient does', () => {
    expect(wsdlClientFolder('a/b/Bruger.wsdl')).toBe('bruger');
  });
});
