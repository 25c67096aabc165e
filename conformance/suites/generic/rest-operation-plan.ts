import { isSimple, valueFor } from '../../../catalog/index.ts';
import type { MessageField, RestContractOperation, RestContractService } from '../../../catalog/index.ts';
import { label, sampleValuesInAnswer } from './plan-parts.ts';

/** What the generic suite tests of one REST operation, all read from the catalogue (restContractServices). */
export interface RestOperationPlan {
  service: RestContractService;
  operation: RestContractOperation;
  /** Group id and requirement label: `<service>-<operation>` in lower case (`accesstokendemo-calldemoservice`). */
  slug: string;
  /** A parameter (by name) or body field (by path) whose fault-on-demand value makes the platform answer its Fejl. */
  fault?: { field: string; value: string };
  /** The headers the contract requires (x-TransaktionsId, x-TransaktionsTid). */
  headers: string[];
  /** The Korsbæk values the platform puts in its answer: the system must show them. */
  data: string[];
}

export function restOperationPlans(services: RestContractService[]): RestOperationPlan[] {
  return services.flatMap((service) =>
    service.operations.map((operation) => ({
      service,
      operation,
      slug: `${label(service.service)}-${label(operation.name)}`,
      ...faultOf(operation),
      headers: operation.parameters.filter((p) => p.in === 'header' && p.required).map((p) => p.name),
      data: dataOf(operation),
    })),
  );
}

/** A required path or query parameter with a fault value, else the first required simple body field with one. */
function faultOf(op: RestContractOperation): { fault?: RestOperationPlan['fault'] } {
  for (const p of op.parameters.filter((x) => x.in !== 'header' && x.required)) {
    const value = valueFor(p, 'fault');
    if (value !== undefined) return { fault: { field: p.name, value } };
  }
  const walk = (fields: MessageField[], path: string[]): RestOperationPlan['fault'] => {
    for (const f of fields) {
      if ((f.minOccurs ?? 1) === 0) continue;
      const found = f.fields
        ? walk(f.fields, [...path, f.name])
        : isSimple(f) && valueFor(f, 'fault') !== undefined
          ? { field: [...path, f.name].join('/'), value: valueFor(f, 'fault')! }
          : undefined;
      if (found) return found;
    }
    return undefined;
  };
  const fault = op.input ? walk(op.input.fields, []) : undefined;
  return fault ? { fault } : {};
}

/** The samples' Korsbæk values the answer holds: the system must show them. */
function dataOf(op: RestContractOperation): string[] {
  return sampleValuesInAnswer(op.output.fields, op.samples);
}
