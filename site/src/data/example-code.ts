import { restExample, type RestExampleInput } from './rest-example.ts';
import { soapExample, type SoapExampleInput } from './soap-example.ts';

export { platformUrl, wsdlClientFolder } from './soap-example.ts';

/**
 * What the example needs beyond the catalogue: the first operation's input fields (SOAP) or its
 * OpenAPI operation and SF1514's token endpoints (REST), and Korsbæk's test data.
 */
export type ExampleInput = SoapExampleInput & Pick<RestExampleInput, 'contract' | 'sts'>;

/**
 * A short TypeScript example calling the service with a client typed from its contract
 * (wsdl-tsclient for SOAP, openapi-typescript for REST); undefined for protocols without one (AMQP).
 */
export function exampleCode(input: ExampleInput): { code: string; kind: 'soap' | 'rest' } | undefined {
  if (input.service.protocol === 'REST') return { code: restExample(input), kind: 'rest' };
  if (input.service.protocol.startsWith('SOAP')) return { code: soapExample(input), kind: 'soap' };
  return undefined;
}
