/**
 * The official fault of Serviceplatformen: `ServiceplatformFault/ErrorList/Error(ErrorCode, ErrorText)`
 * in namespace http://serviceplatformen.dk/xml/schemas/ServiceplatformFault/1/ (ServiceplatformFault_1.xsd,
 * the `ServiceplatformFault` wsdl:fault of every Serviceplatformen operation), inside a SOAP fault's detail.
 */
import type { PlatformReply, SoapVersion } from '../service-handler.ts';
import { escapeXml } from '../../wire/index.ts';
import { soapFault, type FaultSide } from './soap-fault.ts';

export const serviceplatformFaultNs = 'http://serviceplatformen.dk/xml/schemas/ServiceplatformFault/1/';

export interface PlatformError {
  code: string;
  text: string;
}

/** Just the detail element, for callers that build their own envelope. */
export function serviceplatformFaultDetail(errors: readonly PlatformError[]): string {
  const list = errors
    .map(
      (e) =>
        `<spf:Error><spf:ErrorCode>${escapeXml(e.code)}</spf:ErrorCode><spf:ErrorText>${escapeXml(e.text)}</spf:ErrorText></spf:Error>`,
    )
    .join('');
  return `<spf:ServiceplatformFault xmlns:spf="${serviceplatformFaultNs}"><spf:ErrorList>${list}</spf:ErrorList></spf:ServiceplatformFault>`;
}

/**
 * A whole reply carrying a ServiceplatformFault. The faultstring is the first error's text, so a
 * client that only shows faultstring still tells the user what went wrong.
 */
export function serviceplatformFault(
  soapVersion: SoapVersion,
  errors: readonly PlatformError[],
  options: { side?: FaultSide; operation?: string } = {},
): PlatformReply {
  const first = errors[0] ?? { code: 'Unknown', text: 'The request failed.' };
  const reply = soapFault({
    soapVersion,
    side: options.side ?? 'client',
    reason: first.text,
    detailXml: serviceplatformFaultDetail(errors),
  });
  return {
    ...reply,
    operation: options.operation,
    findings: errors.map((e) => ({ severity: 'error' as const, code: `fault.${e.code}`, message: e.text })),
    fault: { code: first.code, text: first.text },
  };
}
