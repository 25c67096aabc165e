import type { ContractModel, OperationModel, PortModel, QName, ServiceModel } from './model.ts';

export interface FoundOperation {
  service: ServiceModel;
  port: PortModel;
  operation: OperationModel;
}

/**
 * The operation a request is for: by its soapAction (SOAP 1.1 `SOAPAction` header or the SOAP 1.2
 * `action` parameter, quotes allowed) when given, else by the request's body element `{ns}local`.
 * When both are given they must agree. Undefined when no operation fits; the caller answers with
 * the platform's fault for an unknown operation or a wrong soapAction.
 */
export function findOperation(
  model: ContractModel,
  by: { soapAction?: string; element?: QName },
): FoundOperation | undefined {
  const action = by.soapAction?.trim().replace(/^"(.*)"$/, '$1');
  for (const service of model.services) {
    for (const port of service.ports) {
      for (const operation of port.operations) {
        const actionFits = action === undefined || action === '' ? undefined : operation.soapAction === action;
        const elementFits = by.element === undefined ? undefined : operation.input?.body.includes(by.element) === true;
        if (actionFits === false || elementFits === false) continue;
        if (actionFits || elementFits) return { service, port, operation };
      }
    }
  }
  return undefined;
}
