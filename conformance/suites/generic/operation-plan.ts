import { isSimple, operationKind, sampleObjectUuids, valueFor } from '../../../catalog/index.ts';
import type { MessageField } from '../../../catalog/index.ts';
import type { ContractOperationView, ContractServiceView } from '../../clients/index.ts';
import { label, sampleValuesInAnswer } from './plan-parts.ts';

/** Serviceplatformen's context elements say who calls, not what is asked: never a fault trigger. */
const contextNamespaces = new Set([
  'http://serviceplatformen.dk/xml/schemas/InvocationContext/1/',
  'http://serviceplatformen.dk/xml/schemas/AuthorityContext/1/',
  'http://serviceplatformen.dk/xml/schemas/CallContext/1/',
]);

/** What the generic suite tests of one operation, all read from the catalogue. */
export interface OperationPlan {
  service: ContractServiceView;
  operation: ContractOperationView;
  /** Group id and requirement label: `<service>-<operation>` in lower case (`klasse-laes`), stable while the catalogue names them so. */
  slug: string;
  /** A request field whose fault-on-demand value makes the platform answer the service's fault, by its path below the request element. */
  fault?: { field: string; value: string };
  /** A request field that holds a UUID (outside the context), and the lower-case UUID the test gives for it: the lower-case check then has one to judge. */
  uuid?: { field: string; value: string };
  /** The Korsbæk values the platform puts in its answer (samples that reach a response field): the system must show them. */
  data: string[];
  /**
   * For a read (laes, list): the request field and the UUID of the Korsbæk object the platform holds
   * (catalog/operation-kind.ts), so that the data test asks for an object that exists; any other UUID is "not found".
   */
  subject?: { field: string; value: string };
}

/** The operations of one integration's services and what can be tested of each. */
export function operationPlans(services: ContractServiceView[]): OperationPlan[] {
  return services.flatMap((service) =>
    service.operations.map((operation) => ({
      service,
      operation,
      slug: `${label(service.service)}-${label(operation.name)}`,
      ...faultOf(operation),
      ...uuidOf(operation),
      data: dataOf(operation),
      ...subjectOf(operation),
    })),
  );
}

/**
 * The first simple field outside the context that has a fault value: one whose every step is
 * required if there is one (every request holds it), else one in an optional field or a choice
 * branch (a value given for it makes a client write that field and branch).
 */
function faultOf(operation: ContractOperationView): { fault?: OperationPlan['fault'] } {
  const walk = (fields: MessageField[], ns: string, path: string[], lenient: boolean): OperationPlan['fault'] => {
    for (const f of fields) {
      const fns = f.namespace ?? ns;
      if (contextNamespaces.has(fns) || f.name === '*') continue;
      if (!lenient && (f.choice !== undefined || (f.minOccurs ?? 1) === 0)) continue;
      if (f.fields) {
        const found = walk(f.fields, fns, [...path, f.name], lenient);
        if (found) return found;
        continue;
      }
      const value = isSimple(f) ? valueFor(f, 'fault') : undefined;
      if (value !== undefined) return { field: [...path, f.name].join('/'), value };
    }
    return undefined;
  };
  const { fields, namespace } = operation.input;
  const fault = walk(fields, namespace, [], false) ?? walk(fields, namespace, [], true);
  return fault ? { fault } : {};
}

const isUuid = (f: MessageField) =>
  (f.pattern ?? []).some((p) => p.includes('{8}-')) && valueFor(f, 'sample') !== undefined;

/** The first UUID field outside the context, a required one if there is one, with a UUID derived from its path. */
function uuidOf(operation: ContractOperationView): { uuid?: OperationPlan['uuid'] } {
  const walk = (fields: MessageField[], ns: string, path: string[], lenient: boolean): OperationPlan['uuid'] => {
    for (const f of fields) {
      const fns = f.namespace ?? ns;
      if (
        contextNamespaces.has(fns) ||
        f.name === '*' ||
        (!lenient && (f.choice !== undefined || (f.minOccurs ?? 1) === 0))
      )
        continue;
      const found = f.fields
        ? walk(f.fields, fns, [...path, f.name], lenient)
        : isUuid(f)
          ? { field: [...path, f.name].join('/'), value: valueFor(f, 'sample', [...path, f.name].join('/'))! }
          : undefined;
      if (found) return found;
    }
    return undefined;
  };
  const { fields, namespace } = operation.input;
  const uuid = walk(fields, namespace, [], false) ?? walk(fields, namespace, [], true);
  return uuid ? { uuid } : {};
}

function subjectOf(operation: ContractOperationView): { subject?: OperationPlan['subject'] } {
  const uuid = uuidOf(operation).uuid;
  const held = sampleObjectUuids(operation.samples)[0];
  return operationKind(operation.name) === 'read' && uuid && held
    ? { subject: { field: uuid.field, value: held } }
    : {};
}

/** The samples' Korsbæk values the answer holds, but not a status code: the system must show them. */
function dataOf(operation: ContractOperationView): string[] {
  if (!operation.output) return [];
  const samples = operation.samples.filter((s) => !/StatusKode$/.test(s.field));
  return sampleValuesInAnswer(operation.output.fields, samples);
}
