import { escapeXml } from '../../wire/index.ts';

/** The InvocationContext of a Serviceplatformen call, as InvocationContext_1.xsd defines it. */
export interface InvocationContextValues {
  serviceAgreementUuid: string;
  userSystemUuid: string;
  userUuid: string;
  serviceUuid: string;
}

export interface PersonLookupOptions {
  pnr: string;
  /** The context security model's identification; or `authorityCvr` for an AuthorityContext; or neither. */
  invocation?: InvocationContextValues;
  authorityCvr?: string;
}

/** The v4 message namespace of the official PersonBaseDataExtendedService WSDL. */
export const personLookupNamespace = 'http://serviceplatformen.dk/xml/wsdl/soap11/CPR/PersonBaseDataExtended/4/';
/** The SOAPAction of PersonLookup v4 (SOAP 1.1: sent in the SOAPAction header). */
export const personLookupAction = `${personLookupNamespace}PersonLookup`;

/**
 * SF1520 PersonLookup v4 as a client built from the official WSDL sends it: SOAP 1.1 with the
 * InvocationContext (or AuthorityContext) inside the request element, not in a SOAP header. Every
 * value is escaped, so whatever a user passes (e.g. `--pnr '<x'`) gives a well-formed envelope
 * that the platform can answer with a fault.
 */
export function personLookupEnvelope(options: PersonLookupOptions): string {
  const inv = options.invocation;
  const context = inv
    ? `<inv:InvocationContext xmlns:inv="http://serviceplatformen.dk/xml/schemas/InvocationContext/1/">` +
      `<inv:ServiceAgreementUUID>${escapeXml(inv.serviceAgreementUuid)}</inv:ServiceAgreementUUID>` +
      `<inv:UserSystemUUID>${escapeXml(inv.userSystemUuid)}</inv:UserSystemUUID>` +
      `<inv:UserUUID>${escapeXml(inv.userUuid)}</inv:UserUUID>` +
      `<inv:ServiceUUID>${escapeXml(inv.serviceUuid)}</inv:ServiceUUID></inv:InvocationContext>`
    : options.authorityCvr
      ? `<aut:AuthorityContext xmlns:aut="http://serviceplatformen.dk/xml/schemas/AuthorityContext/1/">` +
        `<aut:MunicipalityCVR>${escapeXml(options.authorityCvr)}</aut:MunicipalityCVR></aut:AuthorityContext>`
      : '';
  return (
    `<?xml version="1.0" encoding="UTF-8"?><soapenv:Envelope xmlns:soapenv="http://schemas.xmlsoap.org/soap/envelope/"><soapenv:Header/><soapenv:Body>` +
    `<ns:PersonLookupRequest xmlns:ns="${personLookupNamespace}">${context}` +
    `<pnr:PNR xmlns:pnr="http://serviceplatformen.dk/xml/schemas/cpr/PNR/1/">${escapeXml(options.pnr)}</pnr:PNR></ns:PersonLookupRequest>` +
    `</soapenv:Body></soapenv:Envelope>`
  );
}
