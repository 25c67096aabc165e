import type { Service } from './catalog-types.ts';
import { fixtureValue, testUser, type ExampleField, type ExampleFixtures } from './example-values.ts';

/** What a SOAP example is generated from. */
export interface SoapExampleInput {
  integrationId: string;
  service: Service;
  /** Top-level fields of the first operation's input element, when the contract was read. */
  inputFields?: ExampleField[];
  fixtures: ExampleFixtures;
}

/** Where `klarmeld platform start` listens by default. */
export const platformUrl = 'https://127.0.0.1:8443';

/** The folder wsdl-tsclient writes a client to: the WSDL's file name, lower case, without extension. */
export function wsdlClientFolder(file: string): string {
  return (file.split('/').pop() ?? file).replace(/\.wsdl$/i, '').toLowerCase();
}

/**
 * The WSDL the client is generated from: one of the service's contract files on this page, or,
 * when klarmeld has none (a service recorded by `catalog import-contract`), KOMBIT's own file
 * as the service's sources name it, which the reader fetches from there. Never a file name made
 * up from the service's name: no such file is on the page (issue 10).
 */
export function exampleWsdl(service: Service): { file: string; onPage: boolean; source?: string } | undefined {
  const own = service.contract.find((f) => /\.wsdl$/i.test(f));
  if (own) return { file: own, onPage: true };
  const source = service.sources.find((s) => /\.wsdl$/i.test(s));
  return source ? { file: source.split(/[/:]/).pop()!, onPage: false, source } : undefined;
}

/** Where the client comes from, in the example's comments. */
function generateLines(wsdl: ReturnType<typeof exampleWsdl>): string[] {
  if (wsdl?.onPage) return [`//   npx wsdl-tsclient ${wsdl.file.split('/').pop()} -o ./generated`];
  if (wsdl)
    return [
      `// klarmeld has no contract files for this service: get KOMBIT's ${wsdl.file} (and the schemas it imports)`,
      `// from ${wsdl.source}, then:`,
      `//   npx wsdl-tsclient ${wsdl.file} -o ./generated`,
    ];
  return [
    "// klarmeld has no contract files for this service: get its WSDL from KOMBIT (the integration's",
    '// documentation on Digitaliseringskataloget), generate the client from it with wsdl-tsclient, and',
    '// import createClientAsync from the folder it writes.',
  ];
}

/** How to get from this page to a run: on the embedded platform, or on KOMBIT's external test environment. */
function setup(
  { integrationId, service, fixtures }: SoapExampleInput,
  wsdl: ReturnType<typeof exampleWsdl>,
  onPlatform: boolean,
  needsAgreement: boolean,
): string[] {
  const title = `${integrationId} ${service.name} ${service.version}`;
  const { name, cvr } = fixtures.municipality;
  if (!onPlatform) {
    return [
      `// ${title} on KOMBIT's external test environment, which klarmeld's embedded platform does not`,
      "// simulate: your it-system's FOCES certificate, and your service agreement from KOMBIT's",
      `// Administrationsmodul. Generate the client from the ${wsdl?.onPage ? 'contract files on this page' : "service's WSDL"}:`,
      ...generateLines(wsdl),
    ];
  }
  return [
    `// ${title} on klarmeld's embedded test platform (${name}, CVR ${cvr}).`,
    '// In a project with "type": "module": start the platform, register an it-system (and its service',
    '// agreement), generate the client from the contract files on this page, then run this file.',
    '//   npx klarmeld platform start',
    '//   npx klarmeld platform system add "Mit fagsystem" --json > system.json',
    ...(needsAgreement
      ? [
          `//   npx klarmeld platform agreement add --system "Mit fagsystem" --service ${integrationId}/${service.name} --municipality ${cvr} --json > agreement.json`,
        ]
      : []),
    ...generateLines(wsdl),
    '//   npx tsx example.ts',
  ];
}

/** The InvocationContext: on the platform from the registration's files and a Korsbæk test user. */
function invocationContext(service: Service, fixtures: ExampleFixtures, onPlatform: boolean): string[] {
  const user = testUser(fixtures);
  return [
    '',
    '// Serviceplatformen reads who is calling from the request body; UUIDs in lower case.',
    'const invocationContext = {',
    onPlatform
      ? '  ServiceAgreementUUID: agreement.agreementUuid,'
      : "  ServiceAgreementUUID: '<your service agreement>',",
    onPlatform ? '  UserSystemUUID: system.systemUuid,' : "  UserSystemUUID: '<your it-system>',",
    onPlatform && user ? `  UserUUID: ${user.literal}, // ${user.note}` : "  UserUUID: '<the user>',",
    `  ServiceUUID: ${service.serviceUuid ? `'${service.serviceUuid}'` : onPlatform ? 'agreement.serviceUuid' : "'<service uuid>'"},`,
    '};',
  ];
}

/**
 * The call's input: the InvocationContext where the service reads one, a Korsbæk value for every
 * field the fixtures can fill, optional fields left out. A required field without a test value,
 * or a body the contract leaves open (xs:any), is said in a comment, never given a placeholder.
 */
function inputLines(
  fields: ExampleField[],
  service: Service,
  fixtures: ExampleFixtures,
  usesContext: boolean,
): string[] {
  const lines = usesContext ? ['  InvocationContext: invocationContext,'] : [];
  const unfilled: string[] = [];
  for (const field of fields) {
    if (field.name === 'InvocationContext') continue;
    if (field.name === '(any)') {
      lines.push('  // The contract leaves this body open (any XML), so the typed client cannot build it for you.');
      continue;
    }
    const value = fixtureValue(field.name, service.name, fixtures);
    if (value) lines.push(`  ${field.name}: ${value.literal}, // ${value.note}`);
    else if (field.required) unfilled.push(field.name);
  }
  if (unfilled.length > 0)
    lines.push(`  // Also required by the contract, with no value in Korsbæk's test data: ${unfilled.join(', ')}.`);
  return lines;
}

/**
 * A TypeScript call of the service's first operation through the client wsdl-tsclient generates
 * from its WSDL. Services the embedded platform serves (a `local` endpoint) are called there,
 * with the files `klarmeld platform system add` and `agreement add` write, so the code runs as
 * pasted; the others call KOMBIT's external test environment.
 */
export function soapExample(input: SoapExampleInput): string {
  const { integrationId, service, inputFields, fixtures } = input;
  const wsdl = exampleWsdl(service);
  const wsdlName = wsdl?.file.split('/').pop();
  // Without a WSDL name the client's folder is unknown: the call is shown on a client the reader generated.
  const clientImport = wsdlName
    ? `import { createClientAsync } from './generated/${wsdlClientFolder(wsdlName)}/client.ts';`
    : '// import { createClientAsync } from the client wsdl-tsclient generated';
  const onPlatform = service.endpoints.local !== undefined;
  const endpoint = onPlatform
    ? `${platformUrl}${service.endpoints.local}`
    : (service.endpoints.externalTest ??
      service.endpoints.production ??
      `https://<${integrationId.toLowerCase()}-endpoint>`);
  const usesContext =
    service.security.includes('context') || Boolean(inputFields?.some((f) => f.name === 'InvocationContext'));
  // A service that reads an InvocationContext needs no token; a token-secured one wants one from the STS.
  const wantsToken = !usesContext && service.security.includes('saml-token');
  return [
    ...setup(input, wsdl, onPlatform, usesContext || wantsToken),
    `import { readFileSync } from 'node:fs';`,
    `import { ClientSSLSecurity } from 'soap';`,
    clientImport,
    '',
    ...(onPlatform ? ["const system = JSON.parse(readFileSync('system.json', 'utf8'));"] : []),
    ...(onPlatform && usesContext ? ["const agreement = JSON.parse(readFileSync('agreement.json', 'utf8'));"] : []),
    `const client = await createClientAsync('${wsdlName ?? '<the WSDL you fetched>'}', { endpoint: '${endpoint}' });`,
    ...(onPlatform
      ? [
          "// Mutual TLS with the it-system's certificate, trusting the platform's test CA (soap reads the files).",
          'client.setSecurity(new ClientSSLSecurity(system.key, system.cert, system.ca));',
        ]
      : [
          "// Mutual TLS with the it-system's FOCES certificate.",
          "client.setSecurity(new ClientSSLSecurity(readFileSync('system.key'), readFileSync('system.crt')));",
        ]),
    ...(wantsToken
      ? [
          '// Add a SAML token from the STS (SF1514) to the WS-Security header before calling: see the reference system.',
        ]
      : []),
    ...(usesContext ? invocationContext(service, fixtures, onPlatform) : []),
    '',
    `const [result] = await client.${service.operations[0]?.name ?? 'operation'}Async({`,
    ...inputLines(inputFields ?? [], service, fixtures, usesContext),
    '});',
    'console.log(JSON.stringify(result, null, 2));',
  ].join('\n');
}
