import { locateImport } from './locate-import.ts';
import {
  qname,
  XSD_NS,
  type AttributeUse,
  type ComplexTypeDef,
  type ElementDecl,
  type Facets,
  type Particle,
  type QName,
  type SchemaSet,
  type SimpleTypeDef,
  type TypeDef,
} from './model.ts';
import { childElements, readXmlFile, resolvePrefixed } from './xml-file.ts';
import { ContractError } from './contract-error.ts';

/** Reading state shared by every schema of one bundle, so each file is read once. */
export interface SchemaReading {
  set: SchemaSet;
  loaded: Set<string>;
}

interface Scope {
  file: string;
  tns: string;
  /** Namespace given to unprefixed references in a chameleon include (no own targetNamespace). */
  chameleon: boolean;
  qualifiedElements: boolean;
  qualifiedAttributes: boolean;
}

/** Loads the schema file at `path` (and everything it imports or includes) into `reading`. */
export function loadSchemaFile(
  reading: SchemaReading,
  path: string,
  referencedBy: { file: string; what: string } | undefined,
  chameleonNs?: string,
): void {
  const key = `${path}|${chameleonNs ?? ''}`;
  if (reading.loaded.has(key)) return;
  reading.loaded.add(key);
  const root = readXmlFile(path, referencedBy);
  if (root.namespaceURI !== XSD_NS || root.localName !== 'schema') {
    throw new ContractError(
      'contract.not-a-contract',
      path,
      `${path} is not an XML Schema (its root is <${root.tagName}>). ${referencedBy?.file ?? 'The caller'} expected an xs:schema here.`,
    );
  }
  readSchemaElement(reading, root, path, chameleonNs);
}

/** Reads one `xs:schema` element (a file's root, or a schema inlined in a WSDL's types). */
export function readSchemaElement(reading: SchemaReading, schema: Element, file: string, chameleonNs?: string): void {
  reading.set.files.add(file);
  const own = schema.getAttribute('targetNamespace');
  const scope: Scope = {
    file,
    tns: own ?? chameleonNs ?? '',
    chameleon: own === null && chameleonNs !== undefined,
    qualifiedElements: schema.getAttribute('elementFormDefault') === 'qualified',
    qualifiedAttributes: schema.getAttribute('attributeFormDefault') === 'qualified',
  };
  for (const child of childElements(schema, XSD_NS)) {
    const location = child.getAttribute('schemaLocation');
    switch (child.localName) {
      case 'import':
        // An import without a location names a namespace the bundle supplies elsewhere.
        if (location)
          loadSchemaFile(reading, locateImport(file, location), { file, what: `imports the schema "${location}"` });
        break;
      case 'include':
      case 'redefine':
        if (location)
          loadSchemaFile(
            reading,
            locateImport(file, location),
            { file, what: `includes the schema "${location}"` },
            scope.tns,
          );
        break;
      case 'element': {
        const decl = readElement(child, scope, true);
        reading.set.elements.set(qname(scope.tns, decl.name), decl);
        break;
      }
      case 'complexType':
      case 'simpleType': {
        const def = child.localName === 'complexType' ? readComplexType(child, scope) : readSimpleType(child, scope);
        def.name = qname(scope.tns, child.getAttribute('name') ?? '');
        reading.set.types.set(def.name, def);
        break;
      }
      case 'attribute': {
        const use = readAttribute(child, scope, true);
        reading.set.attributes.set(qname(scope.tns, use.name), use);
        break;
      }
    }
  }
}

function ref(el: Element, attr: string, scope: Scope): QName | undefined {
  const value = el.getAttribute(attr);
  if (!value) return undefined;
  const resolved = resolvePrefixed(el, value.trim());
  if (resolved === undefined) {
    throw new ContractError(
      'contract.reference-unresolved',
      scope.file,
      `${scope.file} refers to "${value}" in ${attr}=, but the prefix is not declared. Declare the namespace prefix in the schema.`,
    );
  }
  const ns = resolved.ns === '' && scope.chameleon ? scope.tns : resolved.ns;
  return qname(ns, resolved.local);
}

function occurs(el: Element): { min: number; max: number } {
  const min = el.getAttribute('minOccurs');
  const max = el.getAttribute('maxOccurs');
  return { min: min ? Number(min) : 1, max: max === 'unbounded' ? Infinity : max ? Number(max) : 1 };
}

function readElement(el: Element, scope: Scope, global: boolean): ElementDecl {
  const refName = ref(el, 'ref', scope);
  if (refName !== undefined) return { name: '', ns: '', ref: refName, file: scope.file };
  const form = el.getAttribute('form');
  const qualified = global || (form ? form === 'qualified' : scope.qualifiedElements);
  const decl: ElementDecl = { name: el.getAttribute('name') ?? '', ns: qualified ? scope.tns : '', file: scope.file };
  const type = ref(el, 'type', scope);
  if (type !== undefined) decl.type = type;
  if (el.getAttribute('nillable') === 'true') decl.nillable = true;
  const fixed = el.getAttribute('fixed');
  if (fixed !== null) decl.fixed = fixed;
  const [complex] = childElements(el, XSD_NS, 'complexType');
  const [simple] = childElements(el, XSD_NS, 'simpleType');
  if (complex !== undefined) decl.inlineType = readComplexType(complex, scope);
  else if (simple !== undefined) decl.inlineType = readSimpleType(simple, scope);
  return decl;
}

function readParticle(el: Element, scope: Scope): Particle | undefined {
  const o = occurs(el);
  switch (el.localName) {
    case 'element':
      return { kind: 'element', element: readElement(el, scope, false), ...o };
    case 'sequence':
    case 'choice':
    case 'all': {
      const items = childElements(el, XSD_NS)
        .map((c) => readParticle(c, scope))
        .filter((p) => p !== undefined);
      return { kind: el.localName, items, ...o };
    }
    case 'any': {
      const pc = el.getAttribute('processContents');
      return {
        kind: 'any',
        namespaces: el.getAttribute('namespace') ?? '##any',
        processContents: pc === 'lax' || pc === 'skip' ? pc : 'strict',
        targetNs: scope.tns,
        ...o,
      };
    }
    case 'group':
      throw new ContractError(
        'contract.unsupported',
        scope.file,
        `${scope.file} uses a model group (<xs:group ref="${el.getAttribute('ref') ?? ''}">), which klarmeld's contract reader does not support yet. Write the group's elements out in the type that uses it.`,
      );
    default:
      return undefined;
  }
}

function readAttribute(el: Element, scope: Scope, global: boolean): AttributeUse {
  const refName = ref(el, 'ref', scope);
  const form = el.getAttribute('form');
  const qualified = global || (form ? form === 'qualified' : scope.qualifiedAttributes);
  const use: AttributeUse = {
    name: el.getAttribute('name') ?? '',
    ns: qualified ? scope.tns : '',
    required: el.getAttribute('use') === 'required',
  };
  if (refName !== undefined) use.ref = refName;
  const type = ref(el, 'type', scope);
  if (type !== undefined) use.type = type;
  const [simple] = childElements(el, XSD_NS, 'simpleType');
  if (simple !== undefined) use.inlineType = readSimpleType(simple, scope);
  return use;
}

function readContent(el: Element, scope: Scope, def: ComplexTypeDef): void {
  for (const c of childElements(el, XSD_NS)) {
    if (c.localName === 'attribute') def.attributes.push(readAttribute(c, scope, false));
    else if (c.localName === 'anyAttribute') def.anyAttribute = true;
    else if (c.localName === 'attributeGroup') {
      throw new ContractError(
        'contract.unsupported',
        scope.file,
        `${scope.file} uses an attribute group (<xs:attributeGroup ref="${c.getAttribute('ref') ?? ''}">), which klarmeld's contract reader does not support yet. Write the attributes out in the type that uses them.`,
      );
    } else if (c.localName !== 'annotation') def.particle = readParticle(c, scope) ?? def.particle;
  }
}

function readComplexType(el: Element, scope: Scope): ComplexTypeDef {
  const def: ComplexTypeDef = {
    kind: 'complex',
    mixed: el.getAttribute('mixed') === 'true',
    attributes: [],
    anyAttribute: false,
    file: scope.file,
  };
  const [content] = [...childElements(el, XSD_NS, 'complexContent'), ...childElements(el, XSD_NS, 'simpleContent')];
  if (content === undefined) {
    readContent(el, scope, def);
    return def;
  }
  if (content.getAttribute('mixed') === 'true') def.mixed = true;
  const [derivation] = childElements(content, XSD_NS).filter(
    (c) => c.localName === 'extension' || c.localName === 'restriction',
  );
  if (derivation !== undefined) {
    const base = ref(derivation, 'base', scope) ?? qname(XSD_NS, 'anyType');
    const kind = content.localName === 'simpleContent' ? 'simple' : 'complex';
    def.derivation = { method: derivation.localName as 'extension' | 'restriction', base, content: kind };
    if (kind === 'simple') def.derivation.facets = readFacets(derivation);
    readContent(derivation, scope, def);
  }
  return def;
}

function readFacets(el: Element): Facets {
  const facets: Facets = {};
  for (const f of childElements(el, XSD_NS)) {
    const value = f.getAttribute('value') ?? '';
    switch (f.localName) {
      case 'enumeration':
        (facets.enumeration ??= []).push(value);
        break;
      case 'pattern':
        (facets.pattern ??= []).push(value);
        break;
      case 'length':
      case 'minLength':
      case 'maxLength':
      case 'totalDigits':
      case 'fractionDigits':
        facets[f.localName] = Number(value);
        break;
      case 'minInclusive':
      case 'maxInclusive':
      case 'minExclusive':
      case 'maxExclusive':
        facets[f.localName] = value;
        break;
    }
  }
  return facets;
}

function readSimpleType(el: Element, scope: Scope): SimpleTypeDef {
  const def: SimpleTypeDef = { kind: 'simple', facets: {}, file: scope.file };
  const [restriction] = childElements(el, XSD_NS, 'restriction');
  const [list] = childElements(el, XSD_NS, 'list');
  const [union] = childElements(el, XSD_NS, 'union');
  if (restriction !== undefined) {
    const base = ref(restriction, 'base', scope);
    if (base !== undefined) def.base = base;
    const [inline] = childElements(restriction, XSD_NS, 'simpleType');
    if (inline !== undefined) def.inlineBase = readSimpleType(inline, scope);
    def.facets = readFacets(restriction);
  } else if (list !== undefined) {
    def.listItem = ref(list, 'itemType', scope) ?? qname(XSD_NS, 'string');
  } else if (union !== undefined) {
    const members = (union.getAttribute('memberTypes') ?? '').split(/\s+/).filter(Boolean);
    def.unionMembers = members.map((m) => {
      const r = resolvePrefixed(union, m);
      return qname(r?.ns ?? '', r?.local ?? m);
    });
    // Anonymous member types are accepted as strings: rare in these contracts.
    if (childElements(union, XSD_NS, 'simpleType').length > 0) def.unionMembers.push(qname(XSD_NS, 'string'));
  }
  return def;
}

export type { TypeDef };
