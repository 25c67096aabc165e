import type { RestOperation } from '../../../catalog/index.ts';
import type { Service } from './catalog-types.ts';
import { fixtureValue, type ExampleFixtures, type ExampleValue } from './example-values.ts';
import { tokenCode, type StsEndpoints } from './rest-token.ts';
import { bodyLiteral, tsLiteral, type JsonSchema } from './schema-literal.ts';
import { platformUrl } from './soap-example.ts';

/** What a REST example is generated from. */
export interface RestExampleInput {
  integrationId: string;
  service: Service;
  fixtures: ExampleFixtures;
  /** The first operation as the service's OpenAPI contract gives it, when the catalogue holds the contract. */
  contract?: { file: string; operation: RestOperation };
  /** SF1514's token endpoints, for services that want a token. */
  sts?: StsEndpoints;
}

/** A value the example cannot know: the caller passes it in `supplied`, and a comment says where it comes from. */
interface Supplied {
  name: string;
  type: string;
  comment: string;
}

/** The headers KOMBIT's token-secured REST services require of every call (org-graphql README, itk-dev's SF1601 client). */
const transactionHeaders = [
  "    'x-TransaktionsId': crypto.randomUUID(),",
  "    'x-TransaktionsTid': new Date().toISOString(),",
];

/** Values for request fields by name: Korsbæk's test data, and WS-Trust's UseKey from the certificate the call uses. */
function knownValue(service: Service, fixtures: ExampleFixtures) {
  return (field: string): ExampleValue | undefined =>
    field === 'UseKey'
      ? {
          literal: "certificate.replace(/-----[A-Z ]+-----|\\s/g, '')",
          note: "the it-system's certificate, base64 DER on one line",
        }
      : fixtureValue(field, service.name, fixtures);
}

/** The exported function's name when the caller must supply values: call + the service's name. */
const fnName = (service: Service) => `call${service.name.replace(/[^\p{L}\p{N}_$]/gu, '')}`;

/** Mutual TLS: the it-system's certificate (and on the platform its test CA), kept in `certificate` when the code needs its text. */
function tlsLines(onPlatform: boolean, keepCertificate: boolean): string[] {
  const [cert, key, ca] = onPlatform
    ? ['system.cert', 'system.key', 'system.ca']
    : ["'system.crt'", "'system.key'", undefined];
  const certCode = keepCertificate ? 'certificate' : `readFileSync(${cert})`;
  return [
    ...(onPlatform ? ["const system = JSON.parse(readFileSync('system.json', 'utf8'));"] : []),
    onPlatform
      ? "// Mutual TLS with the it-system's certificate, trusting the platform's test CA."
      : "// Mutual TLS with the it-system's FOCES certificate, on every call below.",
    ...(keepCertificate ? [`const certificate = readFileSync(${cert}, 'utf8');`] : []),
    `const dispatcher = new Agent({ connect: { cert: ${certCode}, key: readFileSync(${key})${ca ? `, ca: readFileSync(${ca})` : ''} } });`,
  ];
}

/** The request: method, URL expression and body lines, from the contract where the catalogue holds one. */
function request(input: RestExampleInput, base: string | undefined, supplied: Supplied[]) {
  const { service, contract, fixtures } = input;
  const baseCode =
    base !== undefined
      ? tsLiteral(base)
      : (supplied.push({
          name: 'baseUrl',
          type: 'string',
          comment: "the service's address on KOMBIT's external test environment (the catalogue has none)",
        }),
        'supplied.baseUrl');
  const op = contract?.operation;
  const method = op?.method ?? service.operations[0]?.method;
  const path = op?.path ?? service.operations[0]?.path;
  if (!method) {
    supplied.push({
      name: 'method',
      type: 'string',
      comment: "the operation's HTTP method, from KOMBIT's contract for the service (the catalogue lists no operation)",
    });
    supplied.push({
      name: 'path',
      type: 'string',
      comment: "the operation's path below the service's address, from the same contract",
    });
  }
  const methodCode = method ? tsLiteral(method.toUpperCase()) : 'supplied.method';
  // The catalogue's address may already be the operation's (WsTrustRest's is); an OpenAPI path is below the server's.
  const url = !method
    ? `${baseCode} + supplied.path`
    : path === undefined || base?.endsWith(path)
      ? baseCode
      : `${baseCode} + ${tsLiteral(path)}`;
  const hasBody = !method || !['GET', 'HEAD', 'DELETE'].includes(method.toUpperCase());
  const json = op?.requestBody?.content.find((c) => /json/i.test(c.mediaType));
  if (!hasBody) return { methodCode, url, body: undefined };
  if (op && json?.schema) {
    const literal = bodyLiteral(json.schema as JsonSchema, knownValue(service, fixtures), '  ');
    for (const m of literal.missing) {
      supplied.push({
        name: m.name,
        type: `Body[${tsLiteral(m.name)}]`,
        comment: `required by the contract, with no value in Korsbæk's test data or the contract: ${m.path}${m.description ? ` (${m.description})` : ''}`,
      });
    }
    const typeLine = `type Body = NonNullable<paths[${tsLiteral(op.path)}][${tsLiteral(op.method.toLowerCase())}]['requestBody']>['content'][${tsLiteral(json.mediaType)}];`;
    const fields = [...literal.lines, ...literal.missing.map((m) => `  ${m.name}: supplied.${m.name},`)];
    return {
      methodCode,
      url,
      body: { typeLine, lines: ['const body: Body = {', ...fields, '};'], mediaType: json.mediaType },
    };
  }
  if (op && !op.requestBody) return { methodCode, url, body: undefined };
  supplied.push({
    name: 'body',
    type: 'unknown',
    comment: contract
      ? 'the request body (the contract gives no JSON schema for it)'
      : "the request body, as KOMBIT's contract for the service defines it (the catalogue holds no contract for it)",
  });
  return {
    methodCode,
    url,
    body: { typeLine: undefined, lines: ['const body = supplied.body;'], mediaType: 'application/json' },
  };
}

/**
 * A TypeScript call of a REST service with undici (Node's own fetch cannot present a client
 * certificate), its request body typed by openapi-typescript and filled from the contract and
 * Korsbæk's test data, and the token the service wants fetched the way SF1514 issues it. Whatever
 * neither the catalogue nor the contract gives is a field of `supplied`, a parameter of an exported
 * function, with a comment that says where it comes from: the example never holds a placeholder.
 */
export function restExample(input: RestExampleInput): string {
  const { integrationId, service, fixtures, contract } = input;
  const title = `${integrationId} ${service.name} ${service.version}`;
  const wantsToken = service.security.includes('jwt') || service.security.includes('holder-of-key');
  // The embedded platform issues no JWT or access token, so a service that wants one is called on KOMBIT's.
  const onPlatform = service.endpoints.local !== undefined && !wantsToken;
  const base = onPlatform
    ? `${platformUrl}${service.endpoints.local}`
    : (service.endpoints.externalTest ?? service.endpoints.production);
  const supplied: Supplied[] = [];
  const req = request(input, base, supplied);
  const token = tokenCode(service, {
    ...(base && { serviceUrl: base }),
    sts: input.sts ?? {},
    municipality: fixtures.municipality,
  });
  supplied.push(...(token?.supplied ?? []));
  const typesFile = `./generated/${service.name}.ts`;
  const contractName = contract?.file.split('/').pop();

  const setup = onPlatform
    ? [
        `// ${title} on klarmeld's embedded test platform (${fixtures.municipality.name}, CVR ${fixtures.municipality.cvr}).`,
        '// In a project with "type": "module": install undici (Node\'s own fetch cannot present a client',
        '// certificate), start the platform, register an it-system, generate the types from the contract',
        '// file on this page, then run this file.',
        '//   npm install undici',
        '//   npx klarmeld platform start',
        '//   npx klarmeld platform system add "Mit fagsystem" --json > system.json',
      ]
    : [
        `// ${title} on KOMBIT's external test environment, which klarmeld's embedded platform does not`,
        "// simulate: your it-system's FOCES certificate (system.crt, system.key) and your service agreement",
        '// from KOMBIT\'s Administrationsmodul. In a project with "type": "module", install undici (Node\'s own',
        '// fetch cannot present a client certificate):',
        '//   npm install undici',
      ];
  if (contractName && req.body?.typeLine) setup.push(`//   npx openapi-typescript ${contractName} -o ${typesFile}`);
  setup.push(
    supplied.length === 0
      ? '//   npx tsx example.ts'
      : `// ${fnName(service)}(supplied) takes what neither the catalogue nor the contract gives: see Supplied.`,
  );
  if (!contract)
    setup.push(
      "// KOMBIT's OpenAPI contract for this service is not in the catalogue, so the request is not typed here.",
    );

  const call = [
    ...(token ? [...token.lines, ''] : []),
    ...(req.body?.lines ?? []),
    `const response = await fetch(${req.url}, {`,
    `  method: ${req.methodCode},`,
    '  dispatcher,',
    '  headers: {',
    ...(req.body ? [`    'content-type': ${tsLiteral(req.body.mediaType)},`] : []),
    ...(token ? ['    authorization,', ...transactionHeaders] : []),
    '  },',
    ...(req.body ? ['  body: JSON.stringify(body),'] : []),
    '});',
  ];
  const head = [
    ...setup,
    "import { readFileSync } from 'node:fs';",
    "import { Agent, fetch } from 'undici';",
    ...(req.body?.typeLine ? [`import type { paths } from '${typesFile}';`] : []),
    '',
    ...tlsLines(
      onPlatform,
      call.some((line) => line.includes('certificate.')),
    ),
    ...(req.body?.typeLine ? ['', req.body.typeLine] : []),
    '',
  ];
  if (supplied.length === 0)
    return [...head, ...call, 'console.log(response.status, await response.text());'].join('\n');

  const fn = fnName(service);
  return [
    ...head,
    '/** What neither the catalogue nor the contract gives: the caller supplies it. */',
    'export interface Supplied {',
    ...supplied.flatMap((s) => [
      ...(s.comment ? [`  /** ${s.comment.charAt(0).toUpperCase()}${s.comment.slice(1)}. */`] : []),
      `  ${s.name}: ${s.type};`,
    ]),
    '}',
    '',
    `export async function ${fn}(supplied: Supplied) {`,
    ...call.map((line) => (line ? `  ${line}` : line)),
    '  return { status: response.status, body: await response.text() };',
    '}',
  ].join('\n');
}
