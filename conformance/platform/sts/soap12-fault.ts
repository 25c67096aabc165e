import { ns } from '../../wire/index.ts';
import { soapFault } from '../faults/index.ts';
import type { PlatformReply } from '../service-handler.ts';

/**
 * A SOAP 1.2 fault of the WS-* parts of the platform (STS, OIOIDWS). `code` is our permanent code
 * for the recorder and tests; the wire carries the standard Code/Subcode/Reason, built by the
 * core's one fault builder.
 */
export interface Soap12Fault {
  code: string;
  /** Sender: the caller must change the request; Receiver: the platform failed. */
  role: 'Sender' | 'Receiver';
  /** Qualified subcode, e.g. wst:InvalidRequest or wsse:FailedCheck. */
  subcode: string;
  reason: string;
  httpStatus: number;
}

const subcodeNamespaces: Record<string, string> = { wst: ns.wst, wsse: ns.wsse, wsu: ns.wsu, wsa: ns.wsa };

export function soap12FaultXml(fault: Soap12Fault): string {
  const [prefix = 'wst', local = fault.subcode] = fault.subcode.split(':');
  return soapFault({
    soapVersion: '1.2',
    side: fault.role === 'Sender' ? 'client' : 'server',
    reason: fault.reason,
    subcode: { prefix, local, namespace: subcodeNamespaces[prefix] ?? ns.wst },
  }).body;
}

/** A fault by the caller's mistake; HTTP 500 like every fault of the platform. */
export function senderFault(code: string, subcode: string, reason: string): Soap12Fault {
  return { code, role: 'Sender', subcode, reason, httpStatus: 500 };
}

/** The fault as a handler's reply, recorded under our permanent code. */
export function faultReply(fault: Soap12Fault, operation: string): PlatformReply {
  return {
    status: fault.httpStatus,
    contentType: 'application/soap+xml; charset=utf-8',
    body: soap12FaultXml(fault),
    operation,
    findings: [{ severity: 'error', code: fault.code, message: fault.reason }],
    fault: { code: fault.code, text: fault.reason },
  };
}
