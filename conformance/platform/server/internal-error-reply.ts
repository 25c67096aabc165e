import type { IncomingHttpHeaders } from 'node:http';
import { platformErrors, serviceplatformFault } from '../faults/index.ts';
import type { Finding, ServiceHandler, SoapVersion } from '../service-handler.ts';
import { soapHttpInfo } from './content-type.ts';

export interface InternalErrorReply {
  status: number;
  contentType: string;
  body: string;
  soapVersion?: SoapVersion;
  findings: Finding[];
  fault: { code: string; text: string };
}

/**
 * The answer when the platform itself failed on a request (a handler or route threw: a bug of the
 * platform, never the caller's doing): the platform's InternalError in the form the endpoint
 * speaks. A SOAP endpoint answers a ServiceplatformFault (server side) in the request's SOAP
 * version when the endpoint speaks it, else in its own; a plain HTTP route answers the JSON
 * `{ code, message }` every route uses. The findings carry what was thrown, for the recorder.
 */
export function internalErrorReply(
  handler: ServiceHandler | undefined,
  headers: IncomingHttpHeaders,
  error: unknown,
): InternalErrorReply {
  const threw: Finding = {
    severity: 'error',
    code: 'platform.handler-threw',
    message: error instanceof Error ? error.message : String(error),
  };
  const internal = platformErrors.internal();
  if (handler) {
    const asked = soapHttpInfo(headers).version;
    const soapVersion =
      asked && (asked === handler.soapVersion || asked === handler.alsoAccepts) ? asked : handler.soapVersion;
    const reply = serviceplatformFault(soapVersion, [internal], { side: 'server' });
    return {
      status: reply.status,
      contentType: reply.contentType,
      body: reply.body,
      soapVersion,
      findings: [...reply.findings, threw],
      fault: reply.fault!,
    };
  }
  return {
    status: 500,
    contentType: 'application/json; charset=utf-8',
    body: JSON.stringify({ code: internal.code, message: internal.text }),
    findings: [{ severity: 'error', code: `fault.${internal.code}`, message: internal.text }, threw],
    fault: { code: internal.code, text: internal.text },
  };
}
