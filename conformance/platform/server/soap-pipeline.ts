import type { IncomingHttpHeaders } from 'node:http';
import type { Element } from '@xmldom/xmldom';
import { platformErrors, serviceplatformFault, soapFault } from '../faults/index.ts';
import type {
  Caller,
  PlatformReply,
  PlatformRequest,
  PlatformServices,
  ServiceHandler,
  SignedCallerReply,
  SoapVersion,
} from '../service-handler.ts';
import { soapHttpInfo } from './content-type.ts';
import { parseSafeXml, type XmlProblem } from './safe-xml.ts';
import { readEnvelope } from './soap-envelope.ts';
import type { XmlShapeLimits } from './xml-shape.ts';

const expectedMedia = { '1.1': 'text/xml (SOAP 1.1)', '1.2': 'application/soap+xml (SOAP 1.2)' } as const;

/** The SOAP versions an endpoint answers: its own first, then the one it also accepts. */
function acceptedVersions(handler: ServiceHandler): SoapVersion[] {
  return handler.alsoAccepts && handler.alsoAccepts !== handler.soapVersion
    ? [handler.soapVersion, handler.alsoAccepts]
    : [handler.soapVersion];
}

/**
 * Everything between the bytes of a SOAP request and the service handler: content type and SOAP
 * version, UTF-8, DTD refusal, XML depth and node limits, parsing, the envelope. The content type
 * picks the version of the exchange; when the endpoint speaks it (its own or the one it
 * `alsoAccepts`), every problem becomes a fault in that version and the handler answers in it. A SOAP message of a version the endpoint does not
 * speak gets a VersionMismatch fault in the endpoint's own version (SOAP 1.1 §4.4.1, SOAP 1.2
 * part 1 §5.4.7), and so does an envelope whose namespace contradicts its content type. Never
 * throws: a handler that throws is answered with a server fault. `soapVersion` in the result is the
 * version the exchange was answered in, for the recorder. A connection without client certificate
 * (`caller` undefined) reaches only a holder-of-key endpoint; any other answers 403 and a
 * ServiceplatformFault that says a certificate is required, before anything else is checked. The
 * result's `caller` is the one a holder-of-key handler proved by the message signature.
 */
export async function runSoapPipeline(
  handler: ServiceHandler,
  input: {
    path: string;
    headers: IncomingHttpHeaders;
    body: string;
    /** Set when the body had to be UTF-8 and is not (see decodeBody): refused before parsing. */
    invalidUtf8At?: number;
    /** Depth and node limits, checked before the DOM is built. */
    xmlLimits: XmlShapeLimits;
    /** The it-system of the TLS client certificate; undefined on a connection without one. */
    caller: Caller | undefined;
    receivedAt: Date;
  },
  platform: PlatformServices,
): Promise<SignedCallerReply & { requestElement?: Element; soapVersion: SoapVersion }> {
  const accepted = acceptedVersions(handler);
  const http = soapHttpInfo(input.headers, accepted.includes('1.1'));
  const contentType = input.headers['content-type'] ?? '';
  // First: nothing else about the request matters to a caller who must come back with a certificate.
  if (!input.caller && handler.callerProof !== 'message-signature')
    return certificateRequired(handler, http.version, accepted);
  if (http.version === undefined) {
    const expected = accepted.map((v) => expectedMedia[v]).join(' or ');
    const reply = serviceplatformFault(handler.soapVersion, [platformErrors.wrongContentType(expected, contentType)]);
    return { ...reply, status: 415, soapVersion: handler.soapVersion };
  }
  if (!accepted.includes(http.version))
    return versionMismatch(handler.soapVersion, platformErrors.versionMismatch(handler.soapVersion, http.version));
  const version = http.version;
  const answer = (reply: PlatformReply) => ({ ...reply, soapVersion: version });

  if (input.invalidUtf8At !== undefined)
    return answer(serviceplatformFault(version, [platformErrors.notUtf8(input.invalidUtf8At)]));
  const parsed = parseSafeXml(input.body, input.xmlLimits);
  if ('problem' in parsed) return answer(serviceplatformFault(version, [xmlProblemError(parsed)]));
  const envelope = readEnvelope(parsed.document);
  if ('problem' in envelope) return answer(serviceplatformFault(version, [platformErrors.notSoapEnvelope(version)]));
  if (envelope.version !== version) {
    // The content type said one version and the envelope is the other: the envelope's namespace is
    // wrong for the version the request is processed in, which SOAP calls a VersionMismatch.
    const error =
      accepted.length > 1
        ? {
            code: 'VersionMismatch',
            text: `The content type ${http.mediaType} says SOAP ${version}, the envelope is SOAP ${envelope.version}. Send the envelope in the version of its content type.`,
          }
        : platformErrors.versionMismatch(version, envelope.version);
    return versionMismatch(version, error);
  }
  if (!envelope.bodyElement) return answer(serviceplatformFault(version, [platformErrors.emptyBody()]));

  try {
    const request = {
      path: input.path,
      soapVersion: version,
      soapAction: http.soapAction,
      contentType,
      headers: input.headers,
      body: input.body,
      document: parsed.document,
      bodyElement: envelope.bodyElement,
      receivedAt: input.receivedAt,
    };
    const reply = await dispatch(handler, request, input.caller, platform);
    if (!reply) return certificateRequired(handler, version, accepted);
    const answered: SignedCallerReply & { requestElement?: Element; soapVersion: SoapVersion } = answer(reply);
    answered.requestElement = envelope.bodyElement; // a new object: no second copy of it
    return answered;
  } catch (error) {
    const reply = serviceplatformFault(version, [platformErrors.internal()], { side: 'server' });
    const message = error instanceof Error ? `${error.message}` : String(error);
    return answer({
      ...reply,
      findings: [...reply.findings, { severity: 'error', code: 'platform.handler-threw', message }],
    });
  }
}

/** The platform's own words for a body that was not parsed; never the parser's. */
function xmlProblemError(parsed: XmlProblem) {
  switch (parsed.problem) {
    case 'doctype':
      return platformErrors.doctypeForbidden();
    case 'too-deep':
      return platformErrors.xmlTooDeep(parsed.limit, parsed.at);
    case 'too-many-nodes':
      return platformErrors.xmlTooManyNodes(parsed.limit, parsed.at, parsed.elements);
    case 'malformed':
      return platformErrors.malformedXml(parsed.at);
  }
}

/** A VersionMismatch fault in `replyVersion`, recorded under the error's code. */
function versionMismatch(
  replyVersion: SoapVersion,
  error: { code: string; text: string },
): PlatformReply & { soapVersion: SoapVersion } {
  const reply = soapFault({ soapVersion: replyVersion, side: 'version-mismatch', reason: error.text });
  return {
    ...reply,
    findings: [{ severity: 'error', code: 'soap.version-mismatch', message: error.text }],
    fault: { code: error.code, text: error.text },
    soapVersion: replyVersion,
  };
}

/** Runs the handler with the caller its kind of endpoint takes; undefined when it needs a certificate the connection lacks. */
function dispatch(
  handler: ServiceHandler,
  request: Omit<PlatformRequest, 'caller'>,
  caller: Caller | undefined,
  platform: PlatformServices,
): Promise<SignedCallerReply> | undefined {
  if (handler.callerProof === 'message-signature') return handler.handle({ ...request, caller }, platform);
  return caller ? handler.handle({ ...request, caller }, platform) : undefined;
}

/**
 * 403 and a ServiceplatformFault for an endpoint that knows its caller only by the client
 * certificate, on a connection without one; in the request's SOAP version where the endpoint speaks
 * it. 403 is what a web server answers a request that lacks a required client certificate (IIS's
 * 403.7), and how .NET and Java clients report it ("forbidden with client authentication scheme
 * 'Anonymous'"), while the body tells a reader what to do.
 */
function certificateRequired(
  handler: ServiceHandler,
  asked: SoapVersion | undefined,
  accepted: SoapVersion[],
): PlatformReply & { soapVersion: SoapVersion } {
  const soapVersion = asked && accepted.includes(asked) ? asked : handler.soapVersion;
  const reply = serviceplatformFault(soapVersion, [
    platformErrors.clientCertificateRequired(`${handler.integration} ${handler.service}`),
  ]);
  return { ...reply, status: 403, soapVersion };
}
