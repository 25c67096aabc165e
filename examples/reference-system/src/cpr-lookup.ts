/**
 * How to call SF1520 (CPR replika opslag, PersonBaseDataExtended v4) from TypeScript.
 *
 * 1. Generate a typed client from the contract: wsdl-tsclient (see ../scripts/generate-clients.ts).
 * 2. Connect with your it-system's FOCES certificate (mutual TLS): an undici Agent.
 * 3. Put an InvocationContext in the request: your service agreement, your it-system, the
 *    user, and PersonBaseDataExtended's ServiceUUID, every UUID in lower case.
 */
import { randomUUID } from 'node:crypto';
import type { Agent } from 'undici';
import { createClientAsync } from '../generated/personbasedataextendedservice/index.ts';
import type { InvocationContext } from '../generated/personbasedataextendedservice/definitions/InvocationContext.ts';
import type { PersonLookupResponse } from '../generated/personbasedataextendedservice/definitions/PersonLookupResponse.ts';
import { soapRequest } from './http.ts';

export interface CprLookupOptions {
  /** The contract: catalog/contracts/SF1520/4/PersonBaseDataExtendedService.wsdl */
  wsdl: string;
  /** e.g. https://exttest.serviceplatformen.dk/service/CPR/PersonBaseDataExtended/4 */
  endpoint: string;
  /** undici Agent holding the it-system's certificate and key. */
  agent: Agent;
  invocationContext: InvocationContext;
  /** Only for the `wrong-soap-version` fault: send SOAP 1.2 to this SOAP 1.1 service. */
  soap12?: boolean;
  /** Only for the `invocation-context-in-header` fault: send the InvocationContext as a SOAP Header, not in the request element. */
  invocationContextInHeader?: boolean;
}

const INVOCATION_CONTEXT = 'http://serviceplatformen.dk/xml/schemas/InvocationContext/1/';

export async function createCprLookup(options: CprLookupOptions) {
  const client = await createClientAsync(options.wsdl, {
    endpoint: options.endpoint,
    request: soapRequest(options.agent) as never,
    forceSoap12Headers: options.soap12 ?? false,
  });

  /** Looks one person up by CPR number; a ServiceplatformFault (e.g. not found) rejects. */
  return async function lookup(cpr: string): Promise<PersonLookupResponse> {
    // A fresh call id per lookup lets the municipality trace this very call in its logs.
    const invocationContext = { ...options.invocationContext, CallersServiceCallIdentifier: randomUUID() };
    if (options.invocationContextInHeader) {
      // The mistake of a WS-Security habit: context in the Header, where Serviceplatformen does not read it.
      client.clearSoapHeaders();
      client.addSoapHeader(invocationContextHeader(invocationContext));
      const [answer] = await client.PersonLookupAsync({ PNR: cpr });
      return answer;
    }
    const [answer] = await client.PersonLookupAsync({ InvocationContext: invocationContext, PNR: cpr });
    return answer;
  };
}

/** The InvocationContext as a SOAP Header element (only for the `invocation-context-in-header` fault). */
function invocationContextHeader(context: InvocationContext): string {
  const escape = (text: string) => text.replace(/[<>&]/g, (c) => ({ '<': '&lt;', '>': '&gt;', '&': '&amp;' })[c]!);
  const fields = Object.entries(context)
    .filter(([, value]) => value !== undefined)
    .map(([name, value]) => `<ic:${name}>${escape(String(value))}</ic:${name}>`);
  return `<ic:InvocationContext xmlns:ic="${INVOCATION_CONTEXT}">${fields.join('')}</ic:InvocationContext>`;
}
