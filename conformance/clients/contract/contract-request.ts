import { ns } from '../../wire/index.ts';
import { buildOioidwsRequest } from '../tokens/sign-oioidws-envelope.ts';
import { buildRequestElement, type RequestValue } from './build-request.ts';
import type { ContractOperationView, ContractServiceView } from './contract-catalogue.ts';

/** Who calls, as the service's security model needs it. */
export type ContractCaller =
  /** Serviceplatformen: the InvocationContext's identifiers (lower-case UUIDs). */
  | {
      model: 'context';
      agreementUuid: string;
      userSystemUuid: string;
      userUuid: string;
      onBehalfOfUser?: string;
      serviceUuid?: string;
    }
  /** Støttesystemer: the STS's token for the service's entity ID and the key of the certificate it is bound to. */
  | { model: 'saml-token'; assertionXml: string; keyPem: string };

export interface ContractRequest {
  body: string;
  headers: Record<string, string>;
}

/**
 * A whole request to one operation of a contract-described service: the request element built from
 * the catalogue's tree with the caller's values, in the service's SOAP version, with its SOAPAction
 * (SOAP 1.1 header, or the action parameter of SOAP 1.2's content type), and the caller's proof:
 * an InvocationContext inside the request element, or an OIOIDWS signature with the token
 * (WS-Addressing Action = the soapAction, To = `url`).
 */
export function contractRequest(
  service: ContractServiceView,
  operation: ContractOperationView,
  caller: ContractCaller,
  url: string,
  values: RequestValue[] = [],
  /** Changes the request element before it is wrapped and signed (a caller's own rewriting; the signature then covers it). */
  edit: (element: string) => string = (element) => element,
): ContractRequest {
  const action = operation.soapAction ?? '';
  const headers: Record<string, string> =
    service.soapVersion === '1.1'
      ? { 'content-type': 'text/xml; charset=utf-8', soapaction: `"${action}"` }
      : { 'content-type': `application/soap+xml; charset=utf-8${action ? `; action="${action}"` : ''}` };
  if (caller.model === 'context') {
    const context: RequestValue[] = [
      { field: 'InvocationContext/ServiceAgreementUUID', values: [caller.agreementUuid] },
      { field: 'InvocationContext/UserSystemUUID', values: [caller.userSystemUuid] },
      { field: 'InvocationContext/UserUUID', values: [caller.userUuid] },
      {
        field: 'InvocationContext/ServiceUUID',
        values: [caller.serviceUuid ?? (service.security.model === 'context' ? service.security.serviceUuid : '')],
      },
      ...(caller.onBehalfOfUser
        ? [{ field: 'InvocationContext/OnBehalfOfUser', values: [caller.onBehalfOfUser] }]
        : []),
    ];
    const element = edit(buildRequestElement(operation.input, [...values, ...context]));
    const envelopeNs = service.soapVersion === '1.1' ? ns.soap11 : ns.soap12;
    return {
      headers,
      body: `<?xml version="1.0" encoding="UTF-8"?><s:Envelope xmlns:s="${envelopeNs}"><s:Body>${element}</s:Body></s:Envelope>`,
    };
  }
  const element = edit(buildRequestElement(operation.input, values));
  return {
    headers,
    body: buildOioidwsRequest(element, {
      assertionXml: caller.assertionXml,
      keyPem: caller.keyPem,
      action,
      to: url,
      soapVersion: service.soapVersion,
    }),
  };
}
