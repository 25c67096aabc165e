/** A PersonLookup v4 request as a client built from the official WSDL sends it (tests and the bench use it). */
export function personLookupEnvelope(options: {
  pnr: string;
  invocation?: { serviceAgreementUuid: string; userSystemUuid: string; userUuid: string; serviceUuid: string };
  authorityCvr?: string;
}): string {
  const inv = options.invocation;
  const context = inv
    ? `<inv:InvocationContext xmlns:inv="http://serviceplatformen.dk/xml/schemas/InvocationContext/1/">` +
      `<inv:ServiceAgreementUUID>${inv.serviceAgreementUuid}</inv:ServiceAgreementUUID><inv:UserSystemUUID>${inv.userSystemUuid}</inv:UserSystemUUID>` +
      `<inv:UserUUID>${inv.userUuid}</inv:UserUUID><inv:ServiceUUID>${inv.serviceUuid}</inv:ServiceUUID></inv:InvocationContext>`
    : options.authorityCvr
      ? `<aut:AuthorityContext xmlns:aut="http://serviceplatformen.dk/xml/schemas/AuthorityContext/1/"><aut:MunicipalityCVR>${options.authorityCvr}</aut:MunicipalityCVR></aut:AuthorityContext>`
      : '';
  return (
    `<?xml version="1.0" encoding="UTF-8"?><soapenv:Envelope xmlns:soapenv="http://schemas.xmlsoap.org/soap/envelope/"><soapenv:Body>` +
    `<ns:PersonLookupRequest xmlns:ns="http://serviceplatformen.dk/xml/wsdl/soap11/CPR/PersonBaseDataExtended/4/">${context}` +
    `<pnr:PNR xmlns:pnr="http://serviceplatformen.dk/xml/schemas/cpr/PNR/1/">${options.pnr}</pnr:PNR></ns:PersonLookupRequest>` +
    `</soapenv:Body></soapenv:Envelope>`
  );
}

export const personLookupAction = 'http://serviceplatformen.dk/xml/wsdl/soap11/CPR/PersonBaseDataExtended/4/PersonLookup';
