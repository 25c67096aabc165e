import { splitQName, type ComplexTypeDef, type ContractModel, type ElementDecl, type Occurs, type Particle, type QName, type SchemaSet, type TypeDef } from '../../../catalog/contract-reader/model.ts';

/** One field of a message as the page lists it: depth 0 is a top-level field of the message element. */
export interface FieldView {
  name: string;
  type: string;
  cardinality: string;
  depth: number;
  /** Set when the field is one of several alternatives (xs:choice). */
  choice?: boolean;
}

export interface MessageView {
  element: string;
  fields: FieldView[];
  /** True when fields were left out to keep the page readable. */
  truncated: boolean;
}

export interface OperationView {
  name: string;
  soapAction: string;
  soapVersion: string;
  input?: MessageView;
  output?: MessageView;
  faults: string[];
}

export interface ServiceContractView {
  name: string;
  operations: OperationView[];
}

const maxDepth = 2;
const maxFields = 60;

/** "1", "0..1", "0..*", "1..*" or "m..n", as contracts are usually documented. */
export function cardinality({ min, max }: Occurs): string {
  if (min === 1 && max === 1) return '1';
  return `${min}..${max === Infinity ? '*' : max}`;
}

const local = (name: QName | undefined) => (name ? splitQName(name).local : '');

function typeOf(schema: SchemaSet, decl: ElementDecl): { label: string; def?: TypeDef } {
  const target = decl.ref ? (schema.elements.get(decl.ref) ?? decl) : decl;
  if (target.inlineType) return { label: target.inlineType.kind === 'simple' ? local(target.inlineType.base) || 'string' : '(anonym)', def: target.inlineType };
  return { label: local(target.type) || 'anyType', def: target.type ? schema.types.get(target.type) : undefined };
}

/** The particles of a complex type, including those it inherits by extension. */
function particlesOf(schema: SchemaSet, type: ComplexTypeDef, seen: Set<ComplexTypeDef>): { particle: Particle; choice: boolean }[] {
  if (seen.has(type)) return [];
  seen.add(type);
  const inherited: { particle: Particle; choice: boolean }[] = [];
  if (type.derivation?.method === 'extension' && type.derivation.content === 'complex') {
    const base = schema.types.get(type.derivation.base);
    if (base?.kind === 'complex') inherited.push(...particlesOf(schema, base, seen));
  }
  return type.particle ? [...inherited, { particle: type.particle, choice: false }] : inherited;
}

function collect(schema: SchemaSet, type: TypeDef | undefined, depth: number, out: FieldView[], path: Set<TypeDef>): void {
  if (!type || type.kind !== 'complex' || depth > maxDepth || path.has(type)) return;
  const walk = (particle: Particle, choice: boolean) => {
    if (out.length >= maxFields) return;
    if (particle.kind === 'element') {
      const decl = particle.element;
      const { label, def } = typeOf(schema, decl);
      out.push({ name: decl.ref ? local(decl.ref) : decl.name, type: label, cardinality: cardinality(particle), depth, ...(choice && { choice }) });
      collect(schema, def, depth + 1, out, new Set([...path, type]));
    } else if (particle.kind === 'any') {
      out.push({ name: '(any)', type: particle.namespaces, cardinality: cardinality(particle), depth });
    } else {
      for (const item of particle.items) walk(item, choice || particle.kind === 'choice');
    }
  };
  for (const { particle, choice } of particlesOf(schema, type, new Set())) walk(particle, choice);
}

/** The fields of a global element, two levels deep. */
export function messageView(schema: SchemaSet, element: QName): MessageView {
  const decl = schema.elements.get(element);
  const fields: FieldView[] = [];
  if (decl) collect(schema, typeOf(schema, decl).def, 0, fields, new Set());
  return { element: local(element), fields, truncated: fields.length >= maxFields };
}

/**
 * What a reader needs from a WSDL contract: per service, each operation with its soapAction,
 * SOAP version, and the fields of its input and output elements with types and cardinality.
 * A service with a SOAP 1.1 and a SOAP 1.2 port lists each operation once, with both versions.
 */
export function contractView(model: ContractModel): ServiceContractView[] {
  return model.services.map((service) => {
    const byName = new Map<string, OperationView>();
    for (const port of service.ports) {
      for (const op of port.operations) {
        const seen = byName.get(op.name);
        if (seen) {
          if (!seen.soapVersion.split(', ').includes(port.soapVersion)) seen.soapVersion += `, ${port.soapVersion}`;
          continue;
        }
        const input = op.input?.body[0];
        const output = op.output?.body[0];
        byName.set(op.name, {
          name: op.name,
          soapAction: op.soapAction,
          soapVersion: port.soapVersion,
          ...(input && { input: messageView(model.schema, input) }),
          ...(output && { output: messageView(model.schema, output) }),
          faults: op.faults.map((f) => (f.element ? local(f.element) : f.name)),
        });
      }
    }
    return { name: service.name, operations: [...byName.values()] };
  });
}
