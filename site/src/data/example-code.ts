import { soapExample, type SoapExampleInput } from './soap-example.ts';

export { platformUrl, wsdlClientFolder } from './soap-example.ts';

/** What the example needs beyond the catalogue: the first operation's input fields, and Korsbæk's test data. */
export type ExampleInput = SoapExampleInput;

function restExample({ integrationId, service }: ExampleInput): string {
  const openapi = service.contract[0]?.split('/').pop() ?? `${service.name}.json`;
  const op = service.operations[0];
  const base = service.endpoints.externalTest ?? service.endpoints.production ?? `https://<${integrationId.toLowerCase()}-endpoint>`;
  const auth = service.security.includes('jwt') ? 'Bearer ${jwt}' : 'Holder-of-key ${accessToken}';
  return [
    `// ${integrationId} ${service.name} ${service.version}: types generated from the contract with`,
    `//   npx openapi-typescript ${openapi} -o ./generated/${service.name}.ts`,
    `import type { paths } from './generated/${service.name}.ts';`,
    '',
    `type Path = '${op?.path ?? '/'}';`,
    `type Body = paths[Path]['${(op?.method ?? 'post').toLowerCase()}'] extends { requestBody?: { content: { 'application/json': infer B } } } ? B : never;`,
    '',
    'const body: Body = { /* fields of the request schema */ } as Body;',
    `const response = await fetch('${base}' + ('${op?.path ?? ''}' as Path), {`,
    `  method: '${op?.method ?? 'POST'}',`,
    '  headers: {',
    "    'content-type': 'application/json',",
    `    authorization: \`${auth}\`,`,
    "    'x-TransaktionsId': crypto.randomUUID(),",
    "    'x-TransaktionsTid': new Date().toISOString(),",
    '  },',
    '  body: JSON.stringify(body),',
    '});',
    'console.log(response.status, await response.json());',
  ].join('\n');
}

/**
 * A short TypeScript example calling the service with a client typed from its contract
 * (wsdl-tsclient for SOAP, openapi-typescript for REST); undefined for protocols without one (AMQP).
 */
export function exampleCode(input: ExampleInput): { code: string; kind: 'soap' | 'rest' } | undefined {
  if (input.service.protocol === 'REST') return { code: restExample(input), kind: 'rest' };
  if (input.service.protocol.startsWith('SOAP')) return { code: soapExample(input), kind: 'soap' };
  return undefined;
}
