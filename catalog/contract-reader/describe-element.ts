import {
  splitQName,
  XSD_NS,
  type ComplexTypeDef,
  type ElementDecl,
  type Facets,
  type Particle,
  type QName,
  type SchemaSet,
  type SimpleTypeDef,
  type TypeDef,
} from './model.ts';

/**
 * One field of a message as a reader sees it: name, type, cardinality, and either its simple
 * type's constraints or its own fields. Built for rendering (the site) and comparing contracts.
 */
export interface FieldModel {
  name: string;
  ns: string;
  /** The declared type's local name (`string`, `UUIDtype` …), or `(anonymous)`. */
  type: string;
  /** The built-in type the value is finally checked as, for simple content (`string`, `int` …). */
  base?: string;
  minOccurs: number;
  maxOccurs: number | 'unbounded';
  /** Set when the field is one branch of a choice: fields with the same number exclude each other. */
  choice?: number;
  facets?: Facets;
  fields?: FieldModel[];
  /** A wildcard (`xs:any`): any element from `namespaces`. */
  any?: { namespaces: string; processContents: string };
  /** The type contains itself; its fields are shown once, higher up. */
  recursive?: boolean;
}

interface State {
  set: SchemaSet;
  depth: number;
  maxDepth: number;
  stack: TypeDef[];
  choices: { next: number };
}

/** Describes the global element `name` and its fields, down to `maxDepth` levels (default 12). */
export function describeElement(set: SchemaSet, name: QName, maxDepth = 12): FieldModel | undefined {
  const decl = set.elements.get(name);
  if (decl === undefined) return undefined;
  const { ns } = splitQName(name);
  return field({ set, depth: 0, maxDepth, stack: [], choices: { next: 1 } }, { ...decl, ns }, 1, 1);
}

function field(s: State, decl: ElementDecl, min: number, max: number): FieldModel {
  let d = decl;
  if (decl.ref !== undefined)
    d = { ...(s.set.elements.get(decl.ref) ?? decl), ns: splitQName(decl.ref).ns, name: splitQName(decl.ref).local };
  const out: FieldModel = {
    name: d.name,
    ns: d.ns,
    type: d.type ? splitQName(d.type).local : '(anonymous)',
    minOccurs: min,
    maxOccurs: max === Infinity ? 'unbounded' : max,
  };
  const def = d.inlineType ?? (d.type !== undefined ? s.set.types.get(d.type) : undefined);
  if (def === undefined) {
    if (d.type !== undefined && splitQName(d.type).ns === XSD_NS) out.base = splitQName(d.type).local;
    return out;
  }
  if (def.kind === 'simple') {
    Object.assign(out, simpleInfo(s.set, def));
    return out;
  }
  if (s.stack.includes(def) || s.depth >= s.maxDepth) {
    out.recursive = true;
    return out;
  }
  s.stack.push(def);
  s.depth++;
  const content = complexContent(s, def);
  s.depth--;
  s.stack.pop();
  if (content.simple) Object.assign(out, content.simple);
  if (content.fields.length > 0) out.fields = content.fields;
  return out;
}

function complexContent(
  s: State,
  def: ComplexTypeDef,
): { fields: FieldModel[]; simple?: { base?: string; facets?: Facets } } {
  const fields: FieldModel[] = [];
  let simple: { base?: string; facets?: Facets } | undefined;
  const d = def.derivation;
  if (d !== undefined) {
    const base = s.set.types.get(d.base);
    if (d.content === 'simple') {
      simple = base?.kind === 'simple' ? simpleInfo(s.set, base) : { base: splitQName(d.base).local };
    } else if (d.method === 'extension' && base?.kind === 'complex' && !s.stack.includes(base)) {
      s.stack.push(base);
      fields.push(...complexContent(s, base).fields);
      s.stack.pop();
    }
  }
  if (def.particle !== undefined) flatten(s, def.particle, 1, 1, undefined, fields);
  return simple === undefined ? { fields } : { fields, simple };
}

/** Flattens nested groups into a list, multiplying occurrence bounds through the groups. */
function flatten(s: State, p: Particle, min: number, max: number, choice: number | undefined, out: FieldModel[]): void {
  const pmin = min * p.min;
  const pmax = max * p.max;
  if (p.kind === 'element') {
    const f = field(s, p.element, pmin, pmax);
    if (choice !== undefined) f.choice = choice;
    out.push(f);
  } else if (p.kind === 'any') {
    out.push({
      name: '*',
      ns: '',
      type: 'any',
      minOccurs: pmin,
      maxOccurs: pmax === Infinity ? 'unbounded' : pmax,
      any: { namespaces: p.namespaces, processContents: p.processContents },
      ...(choice !== undefined ? { choice } : {}),
    });
  } else if (p.kind === 'choice' && p.items.length > 1) {
    const id = s.choices.next++;
    for (const i of p.items) flatten(s, i, 0, pmax, id, out);
  } else {
    for (const i of p.items) flatten(s, i, pmin, pmax, choice, out);
  }
}

/** The built-in base and the facets of a simple type, collected through its restriction chain. */
export function simpleInfo(set: SchemaSet, def: SimpleTypeDef): { base: string; facets?: Facets } {
  const facets: Facets = {};
  let current: SimpleTypeDef | undefined = def;
  let base = 'string';
  for (let guard = 0; current !== undefined && guard < 20; guard++) {
    for (const [k, v] of Object.entries(current.facets) as [keyof Facets, never][])
      if (facets[k] === undefined) facets[k] = v;
    if (current.listItem !== undefined) {
      base = `list of ${splitQName(current.listItem).local}`;
      break;
    }
    if (current.unionMembers !== undefined) {
      base = `union of ${current.unionMembers.map((m) => splitQName(m).local).join(' | ')}`;
      break;
    }
    if (current.inlineBase !== undefined) {
      current = current.inlineBase;
      continue;
    }
    const next: TypeDef | undefined = current.base !== undefined ? set.types.get(current.base) : undefined;
    if (next === undefined || next.kind !== 'simple') {
      base = current.base !== undefined ? splitQName(current.base).local : base;
      break;
    }
    current = next;
  }
  return Object.keys(facets).length > 0 ? { base, facets } : { base };
}
