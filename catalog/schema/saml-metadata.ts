import { z } from 'zod';
import { url } from './identifiers.ts';

/** A SAML 2.0 binding, by its URN (e.g. `urn:oasis:names:tc:SAML:2.0:bindings:HTTP-Redirect`). */
export const samlBinding = z
  .string()
  .regex(/^urn:oasis:names:tc:SAML:2\.0:bindings:/, { message: 'Write the binding as its SAML 2.0 URN' })
  .meta({ description: 'SAML 2.0 binding URN, e.g. urn:oasis:names:tc:SAML:2.0:bindings:HTTP-Redirect' });

/** One endpoint of the identity provider's metadata, and where the embedded platform answers it. */
export const samlEndpoint = z.strictObject({
  binding: samlBinding,
  location: url.meta({ description: 'Location in the metadata (KOMBIT external test)' }),
  responseLocation: url.optional().meta({ description: 'ResponseLocation in the metadata, when it has one' }),
  local: z
    .string()
    .regex(/^\//, { message: 'Write the path on the embedded platform, starting with /' })
    .meta({ description: "The location's path: where the embedded platform answers this binding" }),
  localResponse: z
    .string()
    .regex(/^\//)
    .optional()
    .meta({ description: "The response location's path on the embedded platform" }),
});

/** An attribute the identity provider says it asserts, with the values the metadata lists (none: per user). */
export const samlAttribute = z.strictObject({
  name: z.string().min(1).meta({ description: 'Attribute Name, e.g. dk:gov:saml:attribute:CvrNumberIdentifier' }),
  nameFormat: z.string().min(1).optional(),
  friendlyName: z.string().min(1).optional(),
  values: z
    .array(z.string())
    .default([])
    .meta({ description: 'The values the metadata lists; empty when they depend on the user' }),
});

/**
 * What a SAML 2.0 identity provider's signed metadata (an `EntityDescriptor` with an
 * `IDPSSODescriptor`) says about one of its services: single sign-on or single logout. Written by
 * `klarmeld catalog import-contract` from the metadata file; read by the platform's Context
 * Handler and the web-login suites.
 */
export const samlService = z.strictObject({
  role: z.enum(['single-sign-on', 'single-logout']).meta({ description: 'Which IdP service this is' }),
  idpEntityId: z.string().min(1).meta({ description: "The identity provider's entityID (Issuer of its messages)" }),
  wantAuthnRequestsSigned: z
    .boolean()
    .meta({ description: 'WantAuthnRequestsSigned: the IdP takes only signed AuthnRequests (SAML metadata §2.4.4)' }),
  endpoints: z.array(samlEndpoint).min(1).meta({ description: 'The bindings the IdP offers for this service' }),
  nameIdFormats: z.array(z.string().min(1)).default([]),
  attributes: z.array(samlAttribute).default([]).meta({ description: 'The attributes the IdP asserts' }),
  signing: z
    .strictObject({
      certificateSubject: z.string().min(1).optional(),
      certificateValidTo: z.string().min(1).optional(),
      metadataSignatureAlgorithm: z.string().min(1).optional(),
    })
    .default({})
    .meta({ description: "The IdP's signing certificate and the algorithm its metadata is signed with" }),
});

export type SamlService = z.infer<typeof samlService>;
export type SamlEndpoint = z.infer<typeof samlEndpoint>;
