import { z } from 'zod';
import { lowerCaseUuid, url } from './identifiers.ts';
import { message } from './message.ts';
import { samlService } from './saml-metadata.ts';

/** The wire protocols KOMBIT's services use. */
export const protocol = z.enum(['SOAP 1.1', 'SOAP 1.2', 'REST', 'AMQP', 'SAML 2.0']).meta({
  description: 'Wire protocol of the service',
});

/**
 * How a caller proves who it is:
 * - `context`: client certificate (mutual TLS) plus InvocationContext or AuthorityContext in the request body (Serviceplatformen);
 * - `saml-token`: SAML 2.0 holder-of-key token from the STS (SF1514) in a signed WS-Security header (OIOIDWS);
 * - `jwt`: OAuth2 client-credentials JWT from the STS as a bearer token;
 * - `holder-of-key`: SAML token exchanged for an access token (Serviceplatformen REST);
 * - `certificate`: mutual TLS only (e.g. the Beskedfordeler push to a supplier's endpoint);
 * - `saml-signature`: a SAML 2.0 protocol message (AuthnRequest, LogoutRequest) signed with the it-system's
 *   certificate, carried by the user's browser (the Context Handler's web single sign-on and logout).
 */
export const securityModel = z
  .enum(['context', 'saml-token', 'jwt', 'holder-of-key', 'certificate', 'saml-signature'])
  .meta({
    description: 'Security model: context, saml-token, jwt, holder-of-key, certificate or saml-signature',
  });

/**
 * A parameter of a REST operation (OpenAPI `parameters`): a header such as x-TransaktionsId, a
 * path segment or a query value, described like a simple message field so its values can be
 * checked and made without the contract.
 */
export const restParameter = z.strictObject({
  name: z.string().min(1).meta({ description: 'Name as sent: x-TransaktionsId, message …' }),
  in: z.enum(['header', 'path', 'query']).meta({ description: 'Where it travels' }),
  required: z.boolean().optional().meta({ description: 'True when the contract requires it' }),
  type: z.string().min(1).meta({ description: "The schema's name (x-TransaktionsId) or its JSON type" }),
  base: z.string().optional().meta({ description: 'The built-in type its value is checked as (string, dateTime …)' }),
  pattern: z.array(z.string()).optional().meta({ description: 'Patterns the value must match (anchors removed)' }),
  maxLength: z.number().int().min(0).optional(),
});

/** One operation of a service. */
export const operation = z.strictObject({
  name: z.string().min(1).meta({ description: 'Operation name as in the contract, e.g. laes or PersonLookup' }),
  soapAction: z.string().optional().meta({ description: 'SOAPAction URI, for SOAP services' }),
  method: z
    .enum(['GET', 'POST', 'PUT', 'PATCH', 'DELETE'])
    .optional()
    .meta({ description: 'HTTP method, for REST services' }),
  path: z.string().optional().meta({ description: 'Path below the endpoint, for REST services' }),
  description: z.string().optional(),
  input: message
    .optional()
    .meta({ description: 'The request element and its fields, as the official contract declares them' }),
  output: message.optional().meta({ description: 'The response element and its fields' }),
  parameters: z
    .array(restParameter)
    .optional()
    .meta({ description: 'REST: the headers, path and query parameters the contract declares' }),
});

/** Where a service answers, per environment. Unknown endpoints are left out, never guessed. */
export const endpoints = z.strictObject({
  local: z
    .string()
    .regex(/^\//, { message: 'Write the path on the embedded platform, starting with /' })
    .optional()
    .meta({ description: 'Path on the embedded test platform, e.g. /service/CPR/PersonBaseDataExtended/4' }),
  externalTest: url.optional().meta({ description: "KOMBIT's external test environment" }),
  production: url.optional().meta({ description: 'Production' }),
});

/** A webservice of an integration version. */
export const service = z.strictObject({
  name: z.string().min(1).meta({ description: 'Service name, e.g. PersonBaseDataExtendedService or Bruger' }),
  version: z.string().min(1).meta({ description: 'Service version, e.g. 4 or 6' }),
  protocol,
  security: z.array(securityModel).min(1).meta({ description: 'Security models the service accepts' }),
  serviceUuid: lowerCaseUuid.optional().meta({ description: 'ServiceUUID used in the InvocationContext' }),
  entityId: z
    .string()
    .optional()
    .meta({ description: 'entityID: the AppliesTo / audience of a token for this service' }),
  provider: z
    .enum(['platform', 'supplier'])
    .default('platform')
    .meta({ description: 'Who serves it: the platform, or the supplier system (push/callback)' }),
  contract: z
    .array(z.string().min(1))
    .default([])
    .meta({ description: 'Contract files, relative to catalog/contracts/ (WSDL, XSD or OpenAPI)' }),
  operations: z.array(operation).default([]),
  endpoints: endpoints.default({}),
  saml: samlService
    .optional()
    .meta({ description: "A SAML 2.0 identity provider's service, as import-contract reads it from the IdP metadata" }),
  sources: z.array(z.string().min(1)).default([]),
});

export type Service = z.infer<typeof service>;
export type Operation = z.infer<typeof operation>;
export type RestParameter = z.infer<typeof restParameter>;
export type Protocol = z.infer<typeof protocol>;
export type SecurityModel = z.infer<typeof securityModel>;
