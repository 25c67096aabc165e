/**
 * Every ErrorCode the platform core puts in a ServiceplatformFault, with its ErrorText. KOMBIT
 * publishes no list of codes, so the codes are the platform's own stable names; the texts follow
 * the real platform's where one is known (the missing security model text is quoted from it).
 * Services add their own codes next to their code; reuse these where the meaning is the same.
 */
import type { PlatformError } from './serviceplatform-fault.ts';

const e = (code: string, text: string): PlatformError => ({ code, text });

export const platformErrors = {
  malformedXml: (why: string) => e('MalformedRequest', `The request is not well-formed XML: ${why}`),
  doctypeForbidden: () =>
    e('MalformedRequest', 'The request contains a DOCTYPE or entity declaration. Serviceplatformen does not accept DTDs; send the envelope without one.'),
  notSoapEnvelope: (version: string) =>
    e('MalformedRequest', `The request is not a SOAP ${version} envelope with a Body. Send a soap:Envelope in the namespace of SOAP ${version}.`),
  emptyBody: () => e('MalformedRequest', 'The SOAP Body is empty: it must hold the request element of the operation.'),
  versionMismatch: (expected: string, got: string) =>
    e('VersionMismatch', `This endpoint speaks SOAP ${expected}, the request is SOAP ${got}.`),
  wrongContentType: (expected: string, got: string) =>
    e('UnsupportedMediaType', `Content-Type ${got || '(none)'} is not accepted here: this endpoint expects ${expected}.`),
  bodyTooLarge: (limit: number) => e('RequestTooLarge', `The request body is larger than ${limit} bytes, the limit of this platform.`),
  unknownOperation: (element: string, known: readonly string[]) =>
    e('UnknownOperation', `The operation of request element ${element} is not offered by this service. Operations: ${known.join(', ')}.`),
  soapActionMismatch: (action: string, expected: string) =>
    e('InvalidSoapAction', `SOAPAction ${action || '(none)'} does not match the request element; expected ${expected}.`),
  securityModelMissing: (supported: readonly string[]) =>
    e('SecurityModelMissing', `Security model for the called operation was not provided. The following are supported: ${supported.join(', ')}`),
  contextFieldMissing: (context: string, field: string) => e('InvalidContext', `${context} is missing ${field}.`),
  contextFieldInvalid: (context: string, field: string, why: string) => e('InvalidContext', `${context}/${field} is not valid: ${why}`),
  userSystemMismatch: (given: string) =>
    e('UserSystemNotAuthenticated', `UserSystemUUID ${given} is not the it-system of the client certificate used for this call.`),
  serviceUuidMismatch: (given: string, expected: string) =>
    e('InvalidServiceUUID', `ServiceUUID ${given} is not the service being called (${expected}).`),
  agreementUnknown: (uuid: string) => e('ServiceAgreementNotFound', `Service agreement ${uuid} does not exist.`),
  agreementOfOtherSystem: (uuid: string) =>
    e('ServiceAgreementNotValid', `Service agreement ${uuid} belongs to another it-system than the one calling.`),
  agreementOtherService: (uuid: string) => e('ServiceAgreementNotValid', `Service agreement ${uuid} does not cover the called service.`),
  agreementNotApproved: (uuid: string) =>
    e('ServiceAgreementNotApproved', `Service agreement ${uuid} is not approved by the authority (status pending).`),
  noAgreementForMunicipality: (cvr: string) =>
    e('ServiceAgreementNotFound', `The it-system has no approved service agreement for this service with the authority with CVR ${cvr}.`),
  internal: () => e('InternalError', 'The platform failed while handling the request. The exchange was recorded; report it with its time.'),
} as const;
