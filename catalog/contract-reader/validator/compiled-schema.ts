import {
  qname,
  splitQName,
  XSD_NS,
  type ComplexTypeDef,
  type ElementDecl,
  type Particle,
  type QName,
  type SchemaSet,
  type TypeDef,
} from '../model.ts';
import { SimpleTypeCompiler, type CompiledSimple } from './simple-type-check.ts';

/** An element declaration ready for validation; `key` is `{ns}local`, as for instance elements. */
export interface CElement {
  key: string;
  name: string;
  type: CType;
  nillable: boolean;
  fixed?: string;
}

export interface CAttribute {
  check: CompiledSimple;
  required: boolean;
  name: string;
}

/** A compiled type: `simple` for text-only content, `complex` otherwise. `any` accepts everything. */
export interface CType {
  any: boolean;
  simple?: CompiledSimple;
  particle?: CParticle;
  mixed: boolean;
  attributes: Map<string, CAttribute>;
  anyAttribute: boolean;
}

export interface CParticle {
  kind: 'sequence' | 'choice' | 'all' | 'element' | 'any';
  min: number;
  max: number;
  items: CParticle[];
  element?: CElement;
  /** Keys of the elements that can start this particle. */
  first: Set<string>;
  /** The same first-set by local name, then namespace: matching a child needs no string building. */
  starts: Map<string, Set<string>>;
  /** For wildcards (and particles that can start with one): does a namespace match? */
  wildcard?: (ns: string) => boolean;
  processContents?: 'strict' | 'lax' | 'skip';
  /** True when one occurrence of the body can be empty. */
  bodyEmptiable: boolean;
}

const ANY_TYPE: CType = { any: true, mixed: true, attributes: new Map(), anyAttribute: true };

/** Compiles a SchemaSet once into linked structures the validator walks without lookups by name. */
export class SchemaCompiler {
  readonly set: SchemaSet;
  readonly simple: SimpleTypeCompiler;
  private readonly types = new Map<TypeDef, CType>();
  private readonly globals = new Map<QName, CElement>();

  constructor(set: SchemaSet) {
    this.set = set;
    this.simple = new SimpleTypeCompiler(set);
  }

  /** The compiled global element `{ns}local`, or undefined when no schema declares it. */
  global(name: QName): CElement | undefined {
    const known = this.globals.get(name);
    if (known !== undefined) return known;
    const decl = this.set.elements.get(name);
    if (decl === undefined) return undefined;
    const { ns } = splitQName(name);
    const el: CElement = {
      key: name,
      name: decl.name,
      type: ANY_TYPE,
      nillable: decl.nillable === true,
      ...(decl.fixed !== undefined ? { fixed: decl.fixed } : {}),
    };
    this.globals.set(name, el);
    el.type = this.elementType(decl, ns);
    return el;
  }

  private elementType(decl: ElementDecl, _ns: string): CType {
    if (decl.inlineType !== undefined) return this.type(decl.inlineType);
    if (decl.type !== undefined) return this.namedType(decl.type);
    return ANY_TYPE;
  }

  private namedType(name: QName): CType {
    const { ns, local } = splitQName(name);
    if (ns === XSD_NS) {
      if (local === 'anyType') return ANY_TYPE;
      return { any: false, simple: this.simple.named(name), mixed: false, attributes: new Map(), anyAttribute: false };
    }
    const def = this.set.types.get(name);
    return def === undefined ? ANY_TYPE : this.type(def);
  }

  private type(def: TypeDef): CType {
    const known = this.types.get(def);
    if (known !== undefined) return known;
    const t: CType = { any: false, mixed: false, attributes: new Map(), anyAttribute: false };
    // Registered before filling so recursive types (a type containing itself) terminate.
    this.types.set(def, t);
    if (def.kind === 'simple') {
      t.simple = this.simple.compile(def);
      return t;
    }
    this.fillComplex(t, def);
    return t;
  }

  private fillComplex(t: CType, def: ComplexTypeDef): void {
    t.mixed = def.mixed;
    t.anyAttribute = def.anyAttribute;
    const d = def.derivation;
    let own = def.particle !== undefined ? this.particle(def.particle) : undefined;
    if (d !== undefined) {
      const base = this.namedType(d.base);
      if (d.method === 'extension') {
        for (const [k, a] of base.attributes) t.attributes.set(k, a);
        t.anyAttribute ||= base.anyAttribute;
        if (base.particle !== undefined && own !== undefined) own = this.group('sequence', [base.particle, own]);
        else own ??= base.particle;
      }
      if (d.content === 'simple')
        t.simple = this.simple.withFacets(base.simple ?? this.simple.named(qname(XSD_NS, 'string')), d.facets ?? {});
      if (base.any && d.content === 'complex' && d.method === 'extension' && own === undefined)
        Object.assign(t, ANY_TYPE);
    }
    t.particle = own;
    for (const a of def.attributes) {
      const decl = a.ref !== undefined ? this.set.attributes.get(a.ref) : a;
      const key = a.ref ?? qname(a.ns, a.name);
      const typeName = decl?.type;
      const check =
        decl?.inlineType !== undefined
          ? this.simple.compile(decl.inlineType)
          : typeName !== undefined
            ? this.simple.named(typeName)
            : this.simple.named(qname(XSD_NS, 'string'));
      t.attributes.set(key, { check, required: a.required, name: splitQName(key).local });
    }
  }

  private group(kind: 'sequence', items: CParticle[]): CParticle {
    return finish({ kind, min: 1, max: 1, items, first: new Set(), starts: new Map(), bodyEmptiable: false });
  }

  private particle(p: Particle): CParticle {
    if (p.kind === 'element') {
      const decl = p.element;
      let element: CElement;
      if (decl.ref !== undefined)
        element = this.global(decl.ref) ?? {
          key: decl.ref,
          name: splitQName(decl.ref).local,
          type: ANY_TYPE,
          nillable: false,
        };
      else
        element = {
          key: qname(decl.ns, decl.name),
          name: decl.name,
          type: ANY_TYPE,
          nillable: decl.nillable === true,
          ...(decl.fixed !== undefined ? { fixed: decl.fixed } : {}),
        };
      const c: CParticle = {
        kind: 'element',
        min: p.min,
        max: p.max,
        items: [],
        element,
        first: new Set([element.key]),
        starts: new Map([[splitQName(element.key).local, new Set([splitQName(element.key).ns])]]),
        bodyEmptiable: false,
      };
      if (decl.ref === undefined) element.type = this.elementType(decl, decl.ns);
      return c;
    }
    if (p.kind === 'any') {
      return {
        kind: 'any',
        min: p.min,
        max: p.max,
        items: [],
        first: new Set(),
        starts: new Map(),
        wildcard: namespaceMatcher(p.namespaces, p.targetNs),
        processContents: p.processContents,
        bodyEmptiable: false,
      };
    }
    return finish({
      kind: p.kind,
      min: p.min,
      max: p.max,
      items: p.items.map((i) => this.particle(i)),
      first: new Set(),
      starts: new Map(),
      bodyEmptiable: false,
    });
  }
}

/** Computes first-sets and emptiability of a group from its (already compiled) items. */
function finish(c: CParticle): CParticle {
  const wildcards: ((ns: string) => boolean)[] = [];
  const add = (i: CParticle) => {
    for (const k of i.first) c.first.add(k);
    for (const [local, nss] of i.starts) {
      const mine = c.starts.get(local) ?? new Set<string>();
      for (const ns of nss) mine.add(ns);
      c.starts.set(local, mine);
    }
    if (i.wildcard) wildcards.push(i.wildcard);
  };
  const emptiable = (i: CParticle) => i.min === 0 || i.bodyEmptiable;
  if (c.kind === 'sequence') {
    let allEmpty = true;
    for (const i of c.items) {
      add(i);
      if (!emptiable(i)) {
        allEmpty = false;
        break;
      }
    }
    c.bodyEmptiable = allEmpty && c.items.every(emptiable);
  } else {
    c.items.forEach(add);
    c.bodyEmptiable = c.kind === 'all' ? c.items.every(emptiable) : c.items.length === 0 || c.items.some(emptiable);
  }
  if (wildcards.length > 0) c.wildcard = (ns) => wildcards.some((w) => w(ns));
  return c;
}

function namespaceMatcher(spec: string, targetNs: string): (ns: string) => boolean {
  const tokens = spec.trim().split(/\s+/);
  if (tokens.includes('##any')) return () => true;
  if (tokens.includes('##other')) return (ns) => ns !== targetNs && ns !== '';
  const allowed = new Set(tokens.map((t) => (t === '##targetNamespace' ? targetNs : t === '##local' ? '' : t)));
  return (ns) => allowed.has(ns);
}
