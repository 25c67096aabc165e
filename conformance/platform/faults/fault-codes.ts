/**
 * Every ErrorCode the platform core puts in a ServiceplatformFault, with its ErrorText. KOMBIT
 * publishes no list of codes, so the codes are the platform's own stable names; the texts follow
 * the real platform's where one is known (the missing security model text is quoted from it).
 * Services add their own codes next to their code; reuse these where the meaning is the same.
 */
import type { PlatformError } from './serviceplatform-fault.ts';

const e = (code: string, text: string): PlatformError => ({ code, text });

/** Where in the request a problem is (1-based, in characters), as the platform words it. */
interface Position {
  line: number;
  column: number;
}
const where = (at?: Position) => (at ? ` (line ${at.line}, column ${at.column})` : '');

export const platformErrors = {
  malformedXml: (at?: Position) =>
    e(
      'MalformedRequest',
      `The request is not well-formed XML${where(at)}. Check that every element is closed in the right order, attribute values are quoted, and & and < in text are written &amp; and &lt;.`,
    ),
  xmlTooDeep: (limit: number, at: Position) =>
    e(
      'MalformedRequest',
      `The request is nested too deeply: its elements go more than ${limit} levels deep${where(at)}, the limit of this platform. Serviceplatformen messages are nested far less; send the message without the extra nesting.`,
    ),
  xmlTooManyNodes: (limit: number, at: Position, elements: number) =>
    e(
      'MalformedRequest',
      `The request has too many elements: more than ${limit} elements, attributes, comments, processing instructions, CDATA sections and entity or character references together, the limit of this platform (passed at line ${at.line}, column ${at.column}, after ${elements} elements). Serviceplatformen messages have a few hundred; send fewer in one request.`,
    ),
  notUtf8: (byteOffset: number) =>
    e(
      'MalformedRequest',
      `The request body is not valid UTF-8 (the first invalid byte sequence starts at byte ${byteOffset}). Send the message encoded as UTF-8, the encoding Serviceplatformen expects.`,
    ),
  doctypeForbidden: () =>
    e(
      'MalformedRequest',
      'The request contains a DOCTYPE or entity declaration. Serviceplatformen does not accept DTDs; send the envelope without one.',
    ),
  notSoapEnvelope: (version: string) =>
    e(
      'MalformedRequest',
      `The request is not a SOAP ${version} envelope with a Body. Send a soap:Envelope in the namespace of SOAP ${version}.`,
    ),
  emptyBody: () => e('MalformedRequest', 'The SOAP Body is empty: it must hold the request element of the operation.'),
  versionMismatch: (expected: string, got: string) =>
    e('VersionMismatch', `This endpoint speaks SOAP ${expected}, the request is SOAP ${got}.`),
  wrongContentType: (expected: string, got: string) =>
    e(
      'UnsupportedMediaType',
      `Content-Type ${got || '(none)'} is not accepted here: this endpoint expects ${expected}.`,
    ),
  bodyTooLarge: (limit: number) =>
    e('RequestTooLarge', `The request body is larger than ${limit} bytes, the limit of this platform.`),
  unknownOperation: (element: string, known: readonly string[]) =>
    e(
      'UnknownOperation',
      `The operation of request element ${element} is not offered by this service. Operations: ${known.join(', ')}.`,
    ),
  soapActionMismatch: (action: string, expected: string) =>
    e(
      'InvalidSoapAction',
      `SOAPAction ${action || '(none)'} does not match the request element; expected ${expected}.`,
    ),
  securityModelMissing: (supported: readonly string[]) =>
    e(
      'SecurityModelMissing',
      `Security model for the called operation was not provided. The following are supported: ${supported.join(', ')}`,
    ),
  contextFieldMissing: (context: string, field: string) => e('InvalidContext', `${context} is missing ${field}.`),
  contextFieldInvalid: (context: string, field: string, why: string) =>
    e('InvalidContext', `${context}/${field} is not valid: ${why}`),
  userSystemMismatch: (given: string) =>
    e(
      'UserSystemNotAuthenticated',
      `UserSystemUUID ${given} is not the it-system of the client certificate used for this call.`,
    ),
  serviceUuidMismatch: (given: string, expected: string) =>
    e('InvalidServiceUUID', `ServiceUUID ${given} is not the service being called (${expected}).`),
  agreementUnknown: (uuid: string) => e('ServiceAgreementNotFound', `Service agreement ${uuid} does not exist.`),
  agreementOfOtherSystem: (uuid: string) =>
    e('ServiceAgreementNotValid', `Service agreement ${uuid} belongs to another it-system than the one calling.`),
  agreementOtherService: (uuid: string) =>
    e('ServiceAgreementNotValid', `Service agreement ${uuid} does not cover the called service.`),
  agreementNotApproved: (uuid: string) =>
    e('ServiceAgreementNotApproved', `Service agreement ${uuid} is not approved by the authority (status pending).`),
  noAgreementForMunicipality: (cvr: string) =>
    e(
      'ServiceAgreementNotFound',
      `The it-system has no approved service agreement for this service with the authority with CVR ${cvr}.`,
    ),
  clientCertificateRequired: (what: string) =>
    e(
      'ClientCertificateRequired',
      `${what} knows its caller only by the TLS client certificate, and this connection has none. Connect with the it-system's certificate and key (klarmeld platform system add gives them; curl --cert cert.pem --key key.pem). Only the holder-of-key endpoints (the STS and the Støttesystem services) take a call without one, proven by its WS-Security signature.`,
    ),
  internal: () =>
    e(
      'InternalError',
      'The platform failed while handling the request. The exchange was recorded; report it with its time.',
    ),
} as const;
