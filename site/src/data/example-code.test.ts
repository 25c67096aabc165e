import { beforeAll, describe, expect, it } from 'vitest';
import { listFixtures } from '../../../conformance/platform/fixture-list.ts';
import type { Service } from './catalog-types.ts';
import { exampleCode, wsdlClientFolder } from './example-code.ts';
import type { ExampleFixtures } from './example-values.ts';

const soap: Service = {
  name: 'PersonBaseDataExtendedService',
  version: '4',
  protocol: 'SOAP 1.1',
  security: ['context'],
  serviceUuid: 'e6be2436-bf35-4df2-83fe-925142825dc2',
  provider: 'platform',
  contract: ['SF1520/4/wsdl/context/PersonBaseDataExtendedService.wsdl'],
  operations: [{ name: 'PersonLookup' }],
  endpoints: { local: '/service/CPR/PersonBaseDataExtended/4', externalTest: 'https://exttest.serviceplatformen.dk/service/CPR/PersonBaseDataExtended/4' },
  sources: [],
};
const external: Service = { ...soap, name: 'CVROnline', serviceUuid: 'c0daecde-e278-43b7-84fd-477bfeeea027', endpoints: { externalTest: 'https://exttest.serviceplatformen.dk/service/CVR/Online/2' } };
const field = (name: string, required = true) => ({ name, required });

let fixtures: ExampleFixtures;
beforeAll(async () => {
  fixtures = await listFixtures();
});

describe('the generated TypeScript example', () => {
  it('calls a service of the embedded platform there, with Korsbæk’s test person and user and the registration’s files', () => {
    const { code, kind } = exampleCode({ integrationId: 'SF1520', service: soap, inputFields: [field('CallContext', false), field('InvocationContext'), field('PNR')], fixtures })!;
    expect(kind).toBe('soap');
    expect(code).toContain("from './generated/personbasedataextendedservice/client.ts'");
    expect(code).toContain("{ endpoint: 'https://127.0.0.1:8443/service/CPR/PersonBaseDataExtended/4' }");
    expect(code).toContain('npx klarmeld platform agreement add --system "Mit fagsystem" --service SF1520/PersonBaseDataExtendedService --municipality 11111111 --json > agreement.json');
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
    const input = (name: string) => ({ integrationId: 'SF1500', service: { ...soap, name, security: ['saml-token' as const] }, inputFields: [field('UUIDIdentifikator')], fixtures });
    expect(exampleCode(input('Bruger'))!.code).toContain(`UUIDIdentifikator: '${fixtures.users[0]!.uuid}'`);
    expect(exampleCode(input('OrganisationEnhed'))!.code).toContain(`UUIDIdentifikator: '${fixtures.units[0]!.uuid}'`);
  });

  it('names required fields Korsbæk has no value for, and an open (xs:any) body, instead of inventing values', () => {
    const { code } = exampleCode({ integrationId: 'SF1514', service: { ...soap, security: ['certificate'] }, inputFields: [field('(any)'), field('Sagstype'), field('Note', false)], fixtures })!;
    expect(code).toContain('// The contract leaves this body open (any XML)');
    expect(code).toContain("// Also required by the contract, with no value in Korsbæk's test data: Sagstype.");
    expect(code).not.toMatch(/Note|\(any\):|undefined/);
    expect(code).not.toContain('agreement.json');
  });

  it('calls a service the platform does not simulate on KOMBIT’s external test environment, and says so', () => {
    const { code } = exampleCode({ integrationId: 'SF1530', service: external, inputFields: [field('InvocationContext')], fixtures })!;
    expect(code).toContain("on KOMBIT's external test environment, which klarmeld's embedded platform does not");
    expect(code).toContain("{ endpoint: 'https://exttest.serviceplatformen.dk/service/CVR/Online/2' }");
    expect(code).toContain("ServiceUUID: 'c0daecde-e278-43b7-84fd-477bfeeea027'");
    expect(code).not.toContain('127.0.0.1');
  });

  it('tells a token-secured service to add the STS token', () => {
    const { code } = exampleCode({ integrationId: 'SF1500', service: { ...soap, security: ['saml-token'] }, fixtures })!;
    expect(code).toContain('SF1514');
    expect(code).not.toContain('invocationContext');
  });

  it('types a REST call with openapi-typescript', () => {
    const rest: Service = { ...soap, name: 'KlassifikationListeHent', protocol: 'REST', security: ['jwt'], contract: ['SF1510/x.json'], operations: [{ name: 'hent', method: 'POST', path: '/liste' }] };
    const { code, kind } = exampleCode({ integrationId: 'SF1510', service: rest, fixtures })!;
    expect(kind).toBe('rest');
    expect(code).toContain('npx openapi-typescript x.json');
    expect(code).toContain("method: 'POST'");
    expect(code).toContain('Bearer ${jwt}');
  });

  it('has no example for AMQP, which has no typed client', () => {
    expect(exampleCode({ integrationId: 'SF1462', service: { ...soap, protocol: 'AMQP' }, fixtures })).toBeUndefined();
  });

  it('names the client folder as wsdl-tsclient does', () => {
    expect(wsdlClientFolder('a/b/Bruger.wsdl')).toBe('bruger');
  });
});
