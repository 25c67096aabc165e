import type { Service } from './catalog-types.ts';

/** What the example needs to know beyond the catalogue: the first operation's input fields, from the contract. */
export interface ExampleInput {
  integrationId: string;
  service: Service;
  /** Top-level fields of the first operation's input element, when the contract was read. */
  inputFields?: string[];
}

/** The folder wsdl-tsclient writes a client to: the WSDL's file name, lower case, without extension. */
export function wsdlClientFolder(file: string): string {
  return (file.split('/').pop() ?? file).replace(/\.wsdl$/i, '').toLowerCase();
}

const placeholder = (field: string) => (/uuid/i.test(field) ? "'00000000-0000-0000-0000-000000000000'" : `/* ${field} */ undefined`);

function soapExample({ integrationId, service, inputFields }: ExampleInput): string {
  const wsdl = service.contract.find((f) => /\.wsdl$/i.test(f)) ?? `${service.name}.wsdl`;
  const wsdlName = wsdl.split('/').pop()!;
  const operation = service.operations[0]?.name ?? 'operation';
  const endpoint = service.endpoints.externalTest ?? service.endpoints.production ?? `https://<${integrationId.toLowerCase()}-endpoint>`;
  const usesContext = service.security.includes('context');
  const fields = (inputFields ?? []).map((f) => `  ${f}: ${f === 'InvocationContext' ? 'invocationContext' : placeholder(f)},`);
  const lines = [
    `// ${integrationId} ${service.name} ${service.version}: client generated from the contract with`,
    `//   npx wsdl-tsclient ${wsdlName} -o ./generated`,
    `import { readFileSync } from 'node:fs';`,
    `import { ClientSSLSecurity } from 'soap';`,
    `import { createClientAsync } from './generated/${wsdlClientFolder(wsdl)}/index.ts';`,
    '',
    `const client = await createClientAsync('${wsdlName}', { endpoint: '${endpoint}' });`,
    '// Mutual TLS with the it-system\'s FOCES certificate.',
    `client.setSecurity(new ClientSSLSecurity(readFileSync('system.key'), readFileSync('system.crt')));`,
  ];
  if (!usesContext) lines.push('// Add the SAML token from the STS (SF1514) to the WS-Security header before calling.');
  if (usesContext) {
    lines.push(
      '',
      '// Serviceplatformen reads who is calling from the request body; UUIDs in lower case.',
      'const invocationContext = {',
      "  ServiceAgreementUUID: '<your service agreement>',",
      "  UserSystemUUID: '<your it-system>',",
      "  UserUUID: '<the user>',",
      `  ServiceUUID: '${service.serviceUuid ?? '<service uuid>'}',`,
      '};',
    );
    if (!inputFields?.includes('InvocationContext')) fields.unshift('  InvocationContext: invocationContext,');
  }
  lines.push('', `const [result] = await client.${operation}Async({`, ...fields, '});', 'console.log(result);');
  return lines.join('\n');
}

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
