import { ns } from '../../clients/tokens/namespaces.ts';
import { escapeXml } from '../../clients/tokens/xml.ts';

/**
 * A SOAP 1.2 fault for the WS-* parts of the platform (STS, OIOIDWS). `code` is our permanent
 * code for the recorder and tests; the wire carries the standard Code/Subcode/Reason.
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

const subcodeNamespaces: Record<string, string> = { wst: ns.wst, wsse: ns.wsse, wsu: ns.wsu };

export function soap12FaultXml(fault: Soap12Fault, relatesTo?: string): string {
  const prefix = fault.subcode.split(':')[0] ?? '';
  const subNs = subcodeNamespaces[prefix];
  const relates = relatesTo ? `<a:RelatesTo>${escapeXml(relatesTo)}</a:RelatesTo>` : '';
  return `<?xml version="1.0" encoding="UTF-8"?><s:Envelope xmlns:s="${ns.soap12}" xmlns:a="${ns.wsa}"><s:Header><a:Action s:mustUnderstand="1">http://www.w3.org/2005/08/addressing/soap/fault</a:Action>${relates}</s:Header><s:Body><s:Fault><s:Code><s:Value>s:${fault.role}</s:Value><s:Subcode><s:Value${subNs ? ` xmlns:${prefix}="${subNs}"` : ''}>${escapeXml(fault.subcode)}</s:Value></s:Subcode></s:Code><s:Reason><s:Text xml:lang="en">${escapeXml(fault.reason)}</s:Text></s:Reason></s:Fault></s:Body></s:Envelope>`;
}

/** A fault by the caller's mistake. HTTP 500: the .NET-based KOMBIT STS and services answer every fault with 500, and SOAP clients read the fault from the body either way. */
export function senderFault(code: string, subcode: string, reason: string): Soap12Fault {
  return { code, role: 'Sender', subcode, reason, httpStatus: 500 };
}
