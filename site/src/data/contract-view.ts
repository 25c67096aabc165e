import type { FieldModel, OperationView as ReaderOperation } from '../../../catalog/index.ts';
import type { Message, MessageField } from '../../../catalog/index.ts';

/** One row of a message's field table: depth 0 is a field of the message element itself. */
export interface FieldRow {
  name: string;
  type: string;
  cardinality: string;
  depth: number;
  /** Fields with the same choice number exclude each other. */
  choice?: number;
  /** The values an enumerated type allows. */
  values?: string[];
}

export interface MessageRows {
  element: string;
  fields: FieldRow[];
  /** True when deeper or further fields were left out to keep the page readable. */
  truncated: boolean;
}

export interface OperationRows {
  name: string;
  soapAction: string;
  /** "1.1", "1.2", or "1.1, 1.2" when the service has a port of each. */
  soapVersion: string;
  input?: MessageRows;
  output?: MessageRows;
  faults: string[];
}

export interface ServiceContractRows {
  name: string;
  operations: OperationRows[];
}

const maxDepth = 2;
const maxRows = 60;

/** "1", "0..1", "0..*", "1..*" or "m..n", as contracts are usually documented. */
export function cardinality(min: number, max: number | 'unbounded'): string {
  if (min === 1 && max === 1) return '1';
  return `${min}..${max === 'unbounded' ? '*' : max}`;
}

function rows(fields: FieldModel[] | undefined, depth: number, out: FieldRow[]): boolean {
  let truncated = false;
  for (const f of fields ?? []) {
    if (out.length >= maxRows) return true;
    const declared = f.type === '(anonymous)' && f.base ? f.base : f.type;
    const type = f.any
      ? `any (${f.any.namespaces})`
      : f.base && f.base !== declared
        ? `${declared} (${f.base})`
        : declared;
    out.push({
      name: f.any ? '(any)' : f.name,
      type,
      cardinality: cardinality(f.minOccurs, f.maxOccurs),
      depth,
      ...(f.choice !== undefined && { choice: f.choice }),
    });
    if (f.fields?.length) {
      if (depth + 1 > maxDepth) truncated = true;
      else truncated = rows(f.fields, depth + 1, out) || truncated;
    }
  }
  return truncated;
}

function message(m: ReaderOperation['input']): MessageRows | undefined {
  if (!m) return undefined;
  const fields: FieldRow[] = [];
  const truncated = rows(m.fields, 0, fields);
  return { element: m.name, fields, truncated };
}

/**
 * The contract reader's operations arranged for the page: grouped by service, each operation
 * once even when the service has a SOAP 1.1 and a SOAP 1.2 port, with field trees flattened to
 * indented rows two levels deep (the full tree of an Organisation message runs to hundreds).
 */
export function contractRows(operations: ReaderOperation[]): ServiceContractRows[] {
  const services = new Map<string, Map<string, OperationRows>>();
  for (const op of operations) {
    const service = services.get(op.service) ?? new Map<string, OperationRows>();
    services.set(op.service, service);
    const seen = service.get(op.name);
    if (seen) {
      if (!seen.soapVersion.split(', ').includes(op.soapVersion)) seen.soapVersion += `, ${op.soapVersion}`;
      continue;
    }
    const input = message(op.input);
    const output = message(op.output);
    service.set(op.name, {
      name: op.name,
      soapAction: op.soapAction,
      soapVersion: op.soapVersion,
      ...(input && { input }),
      ...(output && { output }),
      faults: op.faults.map((f) => f.name),
    });
  }
  return [...services].map(([name, ops]) => ({ name, operations: [...ops.values()] }));
}

function catalogueRows(fields: MessageField[], depth: number, out: FieldRow[]): boolean {
  let truncated = false;
  for (const f of fields) {
    if (out.length >= maxRows) return true;
    out.push({
      name: f.name === '*' ? '(any)' : f.name,
      type: f.name === '*' ? `any (${f.namespace ?? '##any'})` : f.type,
      cardinality: cardinality(f.minOccurs ?? 1, f.maxOccurs ?? 1),
      depth,
      ...(f.choice !== undefined && { choice: f.choice }),
      ...(f.enumeration !== undefined && { values: f.enumeration }),
    });
    if (f.fields?.length) {
      if (depth + 1 > maxDepth) truncated = true;
      else truncated = catalogueRows(f.fields, depth + 1, out) || truncated;
    }
  }
  return truncated;
}

/**
 * A message as the catalogue records it (written by `catalog import-contract` for a service
 * without contract files in the project), in the same rows as a message read from a contract.
 */
export function catalogueMessageRows(m: Message | undefined): MessageRows | undefined {
  if (!m) return undefined;
  const fields: FieldRow[] = [];
  const truncated = catalogueRows(m.fields, 0, fields);
  return { element: m.element, fields, truncated };
}
