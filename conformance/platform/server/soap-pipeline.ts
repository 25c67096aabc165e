import type { IncomingHttpHeaders } from 'node:http';
import type { Element } from '@xmldom/xmldom';
import { platformErrors, serviceplatformFault, soapFault } from '../faults/index.ts';
import type { Caller, PlatformReply, PlatformServices, ServiceHandler } from '../service-handler.ts';
import { soapHttpInfo } from './content-type.ts';
import { parseSafeXml } from './safe-xml.ts';
import { readEnvelope } from './soap-envelope.ts';

const expectedMedia = { '1.1': 'text/xml (SOAP 1.1)', '1.2': 'application/soap+xml (SOAP 1.2)' } as const;

/**
 * Everything between the bytes of a SOAP request and the service handler: content type and SOAP
 * version, DTD refusal, parsing, the envelope. Every problem becomes a fault in the endpoint's own
 * SOAP version; a SOAP message of the other version gets a VersionMismatch fault (SOAP 1.1 §4.4.1,
 * SOAP 1.2 part 1 §5.4.7). Never throws: a handler that throws is answered with a server fault.
 */
export async function runSoapPipeline(
  handler: ServiceHandler,
  input: { path: string; headers: IncomingHttpHeaders; body: string; caller: Caller; receivedAt: Date },
  platform: PlatformServices,
): Promise<PlatformReply & { requestElement?: Element }> {
  const version = handler.soapVersion;
  const http = soapHttpInfo(input.headers);
  const contentType = input.headers['content-type'] ?? '';
  if (http.version === undefined) {
    const reply = serviceplatformFault(version, [platformErrors.wrongContentType(expectedMedia[version], contentType)]);
    return { ...reply, status: 415 };
  }
  if (http.version !== version) return versionMismatch(version, http.version);

  const parsed = parseSafeXml(input.body);
  if ('problem' in parsed) {
    const error = parsed.problem === 'doctype' ? platformErrors.doctypeForbidden() : platformErrors.malformedXml(parsed.detail);
    return serviceplatformFault(version, [error]);
  }
  const envelope = readEnvelope(parsed.document);
  if ('problem' in envelope) return serviceplatformFault(version, [platformErrors.notSoapEnvelope(version)]);
  if (envelope.version !== version) return versionMismatch(version, envelope.version);
  if (!envelope.bodyElement) return serviceplatformFault(version, [platformErrors.emptyBody()]);

  try {
    const reply = await handler.handle(
      {
        path: input.path,
        soapVersion: version,
        soapAction: http.soapAction,
        contentType,
        headers: input.headers,
        body: input.body,
        document: parsed.document,
        bodyElement: envelope.bodyElement,
        caller: input.caller,
        receivedAt: input.receivedAt,
      },
      platform,
    );
    return { ...reply, requestElement: envelope.bodyElement };
  } catch (error) {
    const reply = serviceplatformFault(version, [platformErrors.internal()], { side: 'server' });
    const message = error instanceof Error ? `${error.message}` : String(error);
    return { ...reply, findings: [...reply.findings, { severity: 'error', code: 'platform.handler-threw', message }] };
  }
}

function versionMismatch(expected: '1.1' | '1.2', got: '1.1' | '1.2'): PlatformReply {
  const error = platformErrors.versionMismatch(expected, got);
  const reply = soapFault({ soapVersion: expected, side: 'version-mismatch', reason: error.text });
  return { ...reply, findings: [{ severity: 'error', code: 'soap.version-mismatch', message: error.text }], fault: { code: error.code, text: error.text } };
}
