import type { Element } from '@xmldom/xmldom';
import { checkContext } from '../../context/check-context.ts';
import { child, textContentOf } from '../../context/xml-children.ts';
import { platformErrors, serviceplatformFault, soapContentType, type PlatformError } from '../../faults/index.ts';
import type { PlatformReply, ServiceHandler } from '../../service-handler.ts';
import type { PersonFixtures } from './person-fixtures.ts';
import { personLookupContent } from './person-xml.ts';

export const pnrNs = 'http://serviceplatformen.dk/xml/schemas/cpr/PNR/1/';

export interface PersonLookupService {
  integration: string;
  service: string;
  path: string;
  serviceUuid: string;
  /** Target namespace of the v4 messages, e.g. http://serviceplatformen.dk/xml/wsdl/soap11/CPR/PersonBaseDataExtended/4/ */
  namespace: string;
  soapAction?: string;
}

/**
 * The answer to an unknown PNR. The real service answers with a SOAP fault (HTTP 500), not an
 * empty PersonLookupResponse, which is what public clients expect (they treat any non-200 answer
 * as "no person"); KOMBIT does not publish the ErrorCode/ErrorText, so these are the platform's.
 */
export const personNotFound = (pnr: string): PlatformError => ({
  code: 'PersonNotFound',
  text: `No person with PNR ${pnr} in the CPR replica.`,
});

/** SF1520 PersonBaseDataExtendedService v4 PersonLookup over the context security model, answered from the Korsbæk fixtures. */
export function personLookupHandler(service: PersonLookupService, fixtures: PersonFixtures): ServiceHandler {
  const byPnr = new Map(fixtures.persons.map((p) => [p.pnr, p]));
  // Answers only change with the date (age, children under 18): cache one envelope per person per day.
  const cache = new Map<string, string>();
  const envelope = (content: string) =>
    `<?xml version="1.0" encoding="UTF-8"?><soap:Envelope xmlns:soap="http://schemas.xmlsoap.org/soap/envelope/"><soap:Body>` +
    `<PersonLookupResponse xmlns="${service.namespace}">${content}</PersonLookupResponse></soap:Body></soap:Envelope>`;
  const operation = 'PersonLookup';
  const fault = (errors: PlatformError[]): PlatformReply => serviceplatformFault('1.1', errors, { operation });

  return {
    integration: service.integration,
    service: service.service,
    path: service.path,
    soapVersion: '1.1',
    requestElements: [`{${service.namespace}}PersonLookupRequest`],
    async handle(request, platform) {
      const body = request.bodyElement as Element;
      if (body.localName !== 'PersonLookupRequest' || body.namespaceURI !== service.namespace) {
        return serviceplatformFault('1.1', [
          platformErrors.unknownOperation(`{${body.namespaceURI ?? ''}}${body.localName}`, [operation]),
        ]);
      }
      if (request.soapAction && service.soapAction && request.soapAction !== service.soapAction) {
        return fault([platformErrors.soapActionMismatch(request.soapAction, service.soapAction)]);
      }
      const context = checkContext(body, request.caller, service, platform.registry);
      if (!context.ok) return fault(context.errors);
      const pnrElement = child(body, pnrNs, 'PNR');
      const pnr = pnrElement ? textContentOf(pnrElement).trim() : '';
      if (!pnr) return fault([platformErrors.contextFieldMissing('PersonLookupRequest', 'PNR')]);
      const person = byPnr.get(pnr);
      if (!person) return fault([personNotFound(pnr)]);
      const today = platform.clock().toISOString().slice(0, 10);
      const key = `${pnr}|${today}`;
      let text = cache.get(key);
      if (text === undefined) {
        if (cache.size > 10_000) cache.clear();
        text = envelope(personLookupContent(person, fixtures, today));
        cache.set(key, text);
      }
      return { status: 200, contentType: soapContentType['1.1'], body: text, operation, findings: [] };
    },
  };
}
