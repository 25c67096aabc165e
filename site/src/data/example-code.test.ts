import { describe, expect, it } from 'vitest';
import type { Service } from './catalog-types.ts';
import { exampleCode, wsdlClientFolder } from './example-code.ts';

const soap: Service = {
  name: 'PersonBaseDataExtendedService',
  version: '4',
  protocol: 'SOAP 1.1',
  security: ['context'],
  serviceUuid: 'e6be2436-bf35-4df2-83fe-925142825dc2',
  provider: 'platform',
  contract: ['SF1520/4/wsdl/context/PersonBaseDataExtendedService.wsdl'],
  operations: [{ name: 'PersonLookup' }],
  endpoints: { externalTest: 'https://exttest.serviceplatformen.dk/service/CPR/PersonBaseDataExtended/4' },
  sources: [],
};

describe('the generated TypeScript example', () => {
  it('calls the first operation through the wsdl-tsclient client of the service WSDL', () => {
    const { code, kind } = exampleCode({ integrationId: 'SF1520', service: soap, inputFields: ['InvocationContext', 'PNR'] })!;
    expect(kind).toBe('soap');
    expect(code).toContain("from './generated/personbasedataextendedservice/index.ts'");
    expect(code).toContain('client.PersonLookupAsync({');
    expect(code).toContain('InvocationContext: invocationContext,');
    expect(code).toContain("ServiceUUID: 'e6be2436-bf35-4df2-83fe-925142825dc2'");
    expect(code).toContain("{ endpoint: 'https://exttest.serviceplatformen.dk/service/CPR/PersonBaseDataExtended/4' }");
  });

  it('tells a token-secured service to add the STS token', () => {
    const { code } = exampleCode({ integrationId: 'SF1500', service: { ...soap, security: ['saml-token'] } })!;
    expect(code).toContain('SF1514');
    expect(code).not.toContain('invocationContext');
  });

  it('types a REST call with openapi-typescript', () => {
    const rest: Service = { ...soap, name: 'KlassifikationListeHent', protocol: 'REST', security: ['jwt'], contract: ['SF1510/x.json'], operations: [{ name: 'hent', method: 'POST', path: '/liste' }] };
    const { code, kind } = exampleCode({ integrationId: 'SF1510', service: rest })!;
    expect(kind).toBe('rest');
    expect(code).toContain('npx openapi-typescript x.json');
    expect(code).toContain("method: 'POST'");
    expect(code).toContain('Bearer ${jwt}');
  });

  it('has no example for AMQP, which has no typed client', () => {
    expect(exampleCode({ integrationId: 'SF1462', service: { ...soap, protocol: 'AMQP' } })).toBeUndefined();
  });

  it('names the client folder as wsdl-tsclient does', () => {
    expect(wsdlClientFolder('a/b/Bruger.wsdl')).toBe('bruger');
  });
});
