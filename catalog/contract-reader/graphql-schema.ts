import { extname } from 'node:path';
import { ContractError } from './contract-error.ts';

const GRAPHQL_EXTENSIONS = new Set(['.graphql', '.graphqls', '.gql']);

/** The first word of a GraphQL SDL document, after comments and descriptions. */
const SDL_START =
  /^(?:\s*(?:#[^\n]*\n|"""[\s\S]*?"""|"[^"\n]*"))*\s*(?:type|schema|enum|input|interface|union|scalar|directive|extend)\b/;

/** Whether a file is a GraphQL schema (SDL): by its extension, or by its text when that is not XML. */
export function isGraphqlSchema(file: string, text?: string): boolean {
  if (GRAPHQL_EXTENSIONS.has(extname(file).toLowerCase())) return true;
  return text !== undefined && !text.trimStart().startsWith('<') && SDL_START.test(text);
}

/** Whether a file name is a GraphQL schema's, for finding them in a directory. */
export const hasGraphqlExtension = (file: string) => GRAPHQL_EXTENSIONS.has(extname(file).toLowerCase());

/**
 * The error for a GraphQL schema given where a WSDL/XSD bundle is read. KOMBIT publishes some read
 * APIs this way (SF1500's OrganisationHent: kombit/org-graphql, schemaOrganisationV1.gql), so the
 * file is not broken and must not be "replaced with the official one": it is a kind of contract
 * klarmeld does not read.
 */
export function graphqlSchemaError(file: string): ContractError {
  return new ContractError(
    'contract.graphql',
    file,
    `${file} is a GraphQL schema (SDL), not a WSDL/XSD bundle or an OpenAPI document. klarmeld reads SOAP contracts (WSDL/XSD) and ` +
      'OpenAPI 3 documents only, so it cannot import GraphQL queries or types. The file is fine as it is: record the GraphQL service by hand ' +
      'in the integration file, as SF1500 records OrganisationHent: protocol REST, security jwt, one operation per query field of type Query ' +
      '(name: the query, method: POST, description: "GraphQL-forespørgsel <query>(<arguments>)"), the endpoint, and the .gql file in sources.',
  );
}
