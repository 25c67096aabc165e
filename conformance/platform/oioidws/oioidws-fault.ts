import { ns } from '../../wire/index.ts';
import { soapFault } from '../faults/index.ts';
import type { PlatformReply, SoapVersion } from '../service-handler.ts';
import type { Soap12Fault } from '../sts/soap12-fault.ts';

const subcodeNamespaces: Record<string, string> = { wst: ns.wst, wsse: ns.wsse, wsu: ns.wsu, wsa: ns.wsa };

/**
 * A refusal of an OIOIDWS call as a handler's reply, in the SOAP version of the request: an
 * endpoint that also accepts SOAP 1.1 must fault in 1.1 to a 1.1 client. The WS-Security and
 * WS-Addressing codes travel as the SOAP 1.2 Subcode, or as the SOAP 1.1 faultcode (WS-Security 1.1
 * §12, WS-Addressing 1.0 SOAP Binding §6). Recorded under our permanent code.
 */
export function oioidwsFaultReply(fault: Soap12Fault, operation: string, soapVersion: SoapVersion): PlatformReply {
  const [prefix = 'wsse', local = fault.subcode] = fault.subcode.split(':');
  const reply = soapFault({
    soapVersion,
    side: fault.role === 'Sender' ? 'client' : 'server',
    reason: fault.reason,
    subcode: { prefix, local, namespace: subcodeNamespaces[prefix] ?? ns.wsse },
  });
  return {
    status: fault.httpStatus,
    contentType: reply.contentType,
    body: reply.body,
    operation,
    findings: [{ severity: 'error', code: fault.code, message: fault.reason }],
    fault: { code: fault.code, text: fault.reason },
  };
}
