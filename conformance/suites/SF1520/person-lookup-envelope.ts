import { escapeXml } from '../../clients/tokens/xml.ts';
import { services } from '../shared/korsbaek.ts';

/**
 * The PersonLookup the runner sends as the system in the platform test: SOAP 1.1 with an
 * InvocationContext in the request element, exactly as the official contract defines it.
 */
export function personLookupEnvelope(options: { agreementUuid: string; userSystemUuid: string; cpr: string; userUuid?: string }): string {
  return `<?xml version="1.0" encoding="UTF-8"?>
<soapenv:Envelope xmlns:soapenv="http://schemas.xmlsoap.org/soap/envelope/" xmlns:ns="http://serviceplatformen.dk/xml/wsdl/soap11/CPR/PersonBaseDataExtended/4/" xmlns:inv="http://serviceplatformen.dk/xml/schemas/InvocationContext/1/" xmlns:pnr="http://serviceplatformen.dk/xml/schemas/cpr/PNR/1/">
<soapenv:Header/>
<soapenv:Body>
<ns:PersonLookupRequest>
<inv:InvocationContext>
<inv:ServiceAgreementUUID>${escapeXml(options.agreementUuid)}</inv:ServiceAgreementUUID>
<inv:UserSystemUUID>${escapeXml(options.userSystemUuid)}</inv:UserSystemUUID>
<inv:UserUUID>${escapeXml(options.userUuid ?? '00000000-0000-4000-8000-000000000001')}</inv:UserUUID>
<inv:ServiceUUID>${services.personLookup.serviceUuid}</inv:ServiceUUID>
</inv:InvocationContext>
<pnr:PNR>${escapeXml(options.cpr)}</pnr:PNR>
</ns:PersonLookupRequest>
</soapenv:Body>
</soapenv:Envelope>`;
}
