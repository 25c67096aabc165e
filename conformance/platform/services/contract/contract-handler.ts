import { DOMParser, type Element } from '@xmldom/xmldom';
import { operationKind } from '../../../../catalog/index.ts';
import { checkContext } from '../../context/check-context.ts';
import { platformErrors, serviceplatformFault, soapContentType, soapEnvelopeNs } from '../../faults/index.ts';
import { serveOioidws, type OioidwsOperation } from '../../oioidws/serve-oioidws.ts';
import type { Caller, Finding, PlatformReply, ServiceHandler } from '../../service-handler.ts';
import { AnswerCache } from './answer-cache.ts';
import { buildMessage } from './build-message.ts';
import { checkMessage } from './check-message.ts';
import type { ObjectStore } from './object-store.ts';
import type { ContractOperation, ContractService } from './contract-services.ts';
import { serviceplatformFaultOnDemand, stoettesystemFaultOnDemand } from './fault-on-demand.ts';
import { requestValues } from './request-values.ts';
import { statefulAnswer } from './stateful-answer.ts';

const opOf = (service: ContractService, body: Element | undefined) =>
  service.operations.find(
    (o) => o.input.element === body?.localName && o.input.namespace === (body?.namespaceURI ?? ''),
  );

/**
 * One contract-served endpoint: the operation is found by its request element, the request is
 * checked against the derived tree (findings recorded), the caller by the service's security model
 * (Serviceplatformen's context check, or the OIOIDWS frame of the Støttesystem services), and the
 * answer is built from the response tree and the integration's Korsbæk samples, or is the
 * service's fault when the request holds a fault-on-demand value.
 */
export function contractHandler(service: ContractService, store: ObjectStore): ServiceHandler {
  // Answers built from samples are cached per operation and checked against the response tree once
  // (a field no valid value could be made for shows there); fault answers are rare and built each time.
  const checkAnswer =
    (output: ContractOperation['output']) =>
    (xml: string): Finding[] => {
      if (!output || xml === '') return [];
      const root = new DOMParser().parseFromString(xml, 'text/xml').documentElement as unknown as Element;
      return checkMessage(root, output).map((f) => ({ ...f, code: `response.${f.code}` }));
    };
  const caches = new Map(service.operations.map((o) => [o, new AnswerCache(o.output, checkAnswer(o.output))]));
  /**
   * The answer to a call that is not a fault: an OIO Sag/Dok operation's from the objects kept
   * (built and checked each time: it depends on what was written before), any other's from the cache.
   */
  const answerTo = (
    op: ContractOperation,
    body: Element,
    echo: Map<string, string[]>,
    prefer: string[] | undefined,
    system: string,
  ): { xml: string; findings: Finding[]; statusKode?: number } => {
    const output = op.output;
    const kind = operationKind(op.name);
    if (kind !== 'stateless' && output) {
      const state = statefulAnswer(kind, { name: op.name, service: service.service }, body, store, system);
      const xml = buildMessage(output, {
        samples: [...state.samples, ...op.samples],
        echo,
        ...(prefer && { prefer }),
        ...(state.objects && { objects: state.objects }),
      });
      const statusKode = Number(state.samples.find((x) => x.field === 'StatusKode')?.values[0] ?? 20);
      return { xml, findings: checkAnswer(output)(xml), statusKode };
    }
    return caches
      .get(op)!
      .answer(echo, () =>
        output ? buildMessage(output, { samples: op.samples, echo, ...(prefer && { prefer }) }) : '',
      );
  };
  const requestElements = service.operations.map((o) => `{${o.input.namespace}}${o.input.element}`);
  const base = {
    integration: service.integration,
    service: service.service,
    path: service.path,
    soapVersion: service.soapVersion,
    validatesItself: true,
    requestElements,
  } as const;
  if (service.security.model === 'context') {
    const security = { integration: service.integration, serviceUuid: service.security.serviceUuid };
    return {
      ...base,
      async handle(request, platform): Promise<PlatformReply> {
        const body = request.bodyElement;
        const op = opOf(service, body);
        if (!body || !op)
          return serviceplatformFault(service.soapVersion, [
            platformErrors.unknownOperation(
              `{${body?.namespaceURI ?? ''}}${body?.localName ?? ''}`,
              service.operations.map((o) => o.name),
            ),
          ]);
        const findings = checkMessage(body, op.input);
        // A refusal keeps what the tree check found, so the recording says both.
        const fault = (errors: Parameters<typeof serviceplatformFault>[1]): PlatformReply => {
          const reply = serviceplatformFault(service.soapVersion, errors, { operation: op.name });
          return { ...reply, findings: [...findings, ...reply.findings] };
        };
        if (request.soapAction && op.soapAction && request.soapAction !== op.soapAction)
          return fault([platformErrors.soapActionMismatch(request.soapAction, op.soapAction)]);
        const context = checkContext(body, request.caller, security, platform.registry);
        if (!context.ok) return fault(context.errors);
        const values = requestValues(body, op.input);
        if (values.faultTrigger) return fault([serviceplatformFaultOnDemand(values.faultTrigger)]);
        const answer = answerTo(op, body, values.byName, undefined, request.caller.systemUuid);
        const xml = `<?xml version="1.0" encoding="UTF-8"?><soap:Envelope xmlns:soap="${soapEnvelopeNs[service.soapVersion]}"><soap:Body>${answer.xml}</soap:Body></soap:Envelope>`;
        return {
          status: 200,
          contentType: soapContentType[service.soapVersion],
          body: xml,
          operation: op.name,
          findings: [...findings, ...answer.findings],
        };
      },
    };
  }
  const operations: (OioidwsOperation & { contract: ContractOperation })[] = service.operations.map((o) => ({
    name: o.name,
    soapAction: o.soapAction ?? '',
    input: { local: o.input.element, namespace: o.input.namespace },
    contract: o,
  }));
  const oioidws = {
    entityId: service.security.entityId,
    signingRole: 'contract',
    operations,
    async run(operation: OioidwsOperation, input: Element, _claims: unknown, _platform: unknown, caller: Caller) {
      const op = (operation as (typeof operations)[number]).contract;
      const values = requestValues(input, op.input);
      const findings: Finding[] = checkMessage(input, op.input);
      if (values.faultTrigger) {
        const onDemand = stoettesystemFaultOnDemand(op.output, values.faultTrigger);
        if ('fault' in onDemand) return { outputXml: '', fault: onDemand.fault, findings };
        return {
          outputXml: op.output
            ? buildMessage(op.output, { samples: onDemand.samples, echo: values.byName, prefer: onDemand.prefer })
            : '',
          findings,
          ...(onDemand.statusKode !== undefined && { statusKode: onDemand.statusKode }),
        };
      }
      const answer = answerTo(op, input, values.byName, ['StandardRetur'], caller.systemUuid);
      return {
        outputXml: answer.xml,
        findings: [...findings, ...answer.findings],
        ...(answer.statusKode !== undefined && answer.statusKode !== 20 && { statusKode: answer.statusKode }),
      };
    },
  };
  return {
    ...base,
    callerProof: 'message-signature',
    handle: (request, platform) => serveOioidws(request, platform, oioidws),
  };
}
