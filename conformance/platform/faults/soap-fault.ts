/**
 * SOAP faults for both SOAP versions, in one builder, so every service of the platform answers
 * problems the same way. The HTTP status is 500 for both versions: that is what SOAP 1.1 requires
 * and what the Java stacks behind KOMBIT's services send for SOAP 1.2 too.
 */
import type { SoapVersion } from '../service-handler.ts';
import { escapeXml } from '../../wire/index.ts';

export const soapEnvelopeNs: Record<SoapVersion, string> = {
  '1.1': 'http://schemas.xmlsoap.org/soap/envelope/',
  '1.2': 'http://www.w3.org/2003/05/soap-envelope',
};

export const soapContentType: Record<SoapVersion, string> = {
  '1.1': 'text/xml; charset=utf-8',
  '1.2': 'application/soap+xml; charset=utf-8',
};

/** Who is to blame: `client` = soap:Client / env:Sender, `server` = soap:Server / env:Receiver. */
export type FaultSide = 'client' | 'server' | 'version-mismatch' | 'must-understand';

export interface SoapFaultSpec {
  soapVersion: SoapVersion;
  side: FaultSide;
  /** faultstring (1.1) / Reason/Text (1.2). */
  reason: string;
  /** A qualified subcode (SOAP 1.2 Subcode; SOAP 1.1 puts it in faultcode instead), e.g. WS-Trust's wst:InvalidRequest. */
  subcode?: { prefix: string; namespace: string; local: string };
  /** Already-serialised XML placed inside detail / env:Detail. */
  detailXml?: string;
}

export interface FaultResponse {
  status: number;
  contentType: string;
  body: string;
}

const codes11: Record<FaultSide, string> = {
  client: 'soap:Client',
  server: 'soap:Server',
  'version-mismatch': 'soap:VersionMismatch',
  'must-understand': 'soap:MustUnderstand',
};
const codes12: Record<FaultSide, string> = {
  client: 'env:Sender',
  server: 'env:Receiver',
  'version-mismatch': 'env:VersionMismatch',
  'must-understand': 'env:MustUnderstand',
};

export function soapFault(spec: SoapFaultSpec): FaultResponse {
  const body = spec.soapVersion === '1.1' ? fault11(spec) : fault12(spec);
  return { status: 500, contentType: soapContentType[spec.soapVersion], body };
}

function fault11(spec: SoapFaultSpec): string {
  const sub = spec.subcode;
  const code = sub ? `${sub.prefix}:${sub.local}` : codes11[spec.side];
  const subNs = sub ? ` xmlns:${sub.prefix}="${escapeXml(sub.namespace)}"` : '';
  const detail = spec.detailXml ? `<detail>${spec.detailXml}</detail>` : '';
  return (
    `<?xml version="1.0" encoding="UTF-8"?><soap:Envelope xmlns:soap="${soapEnvelopeNs['1.1']}"><soap:Body>` +
    `<soap:Fault${subNs}><faultcode>${code}</faultcode><faultstring>${escapeXml(spec.reason)}</faultstring>${detail}</soap:Fault>` +
    `</soap:Body></soap:Envelope>`
  );
}

function fault12(spec: SoapFaultSpec): string {
  const sub = spec.subcode;
  const subcode = sub
    ? `<env:Subcode><env:Value xmlns:${sub.prefix}="${escapeXml(sub.namespace)}">${sub.prefix}:${sub.local}</env:Value></env:Subcode>`
    : '';
  const detail = spec.detailXml ? `<env:Detail>${spec.detailXml}</env:Detail>` : '';
  return (
    `<?xml version="1.0" encoding="UTF-8"?><env:Envelope xmlns:env="${soapEnvelopeNs['1.2']}"><env:Body><env:Fault>` +
    `<env:Code><env:Value>${codes12[spec.side]}</env:Value>${subcode}</env:Code>` +
    `<env:Reason><env:Text xml:lang="en">${escapeXml(spec.reason)}</env:Text></env:Reason>${detail}` +
    `</env:Fault></env:Body></env:Envelope>`
  );
}
