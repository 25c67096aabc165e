/**
 * The contract model: what a WSDL/XSD bundle says, independent of how its files are laid out.
 * Names are Clark-notation qualified names, `{namespace}local` (see `qname`), so two files that
 * spell prefixes differently still agree.
 */

/** `{namespace}local`: a qualified name as one comparable string. */
export type QName = string;

export const qname = (ns: string, local: string): QName => `{${ns}}${local}`;

/** Splits a Clark-notation name back into namespace and local part. */
export function splitQName(name: QName): { ns: string; local: string } {
  const end = name.indexOf('}');
  return end < 0 ? { ns: '', local: name } : { ns: name.slice(1, end), local: name.slice(end + 1) };
}

/** Occurrence bounds; `max` is `Infinity` for `unbounded`. */
export interface Occurs {
  min: number;
  max: number;
}

export interface Facets {
  enumeration?: string[];
  pattern?: string[];
  length?: number;
  minLength?: number;
  maxLength?: number;
  minInclusive?: string;
  maxInclusive?: string;
  minExclusive?: string;
  maxExclusive?: string;
  totalDigits?: number;
  fractionDigits?: number;
}

/** A simple type: a built-in (`{http://www.w3.org/2001/XMLSchema}string` …) restricted by facets. */
export interface SimpleTypeDef {
  kind: 'simple';
  name?: QName;
  /** The named base type (built-in or declared); absent only for list/union. */
  base?: QName;
  /** An anonymous base type (`<restriction><simpleType>…`). */
  inlineBase?: SimpleTypeDef;
  facets: Facets;
  /** `xs:list` item type, when the type is a whitespace-separated list. */
  listItem?: QName;
  /** `xs:union` member types (values are accepted when any member accepts them). */
  unionMembers?: QName[];
  file: string;
}

export interface ElementDecl {
  /** Local name as it appears on the wire. */
  name: string;
  /** Namespace of the element on the wire ('' when unqualified). */
  ns: string;
  /** A reference to a global element (`ref=`); the other fields then come from that element. */
  ref?: QName;
  type?: QName;
  inlineType?: TypeDef;
  nillable?: boolean;
  /** The only value the element may have (`fixed=`). */
  fixed?: string;
  file: string;
}

export type Particle =
  | ({ kind: 'sequence' | 'choice' | 'all'; items: Particle[] } & Occurs)
  | ({ kind: 'element'; element: ElementDecl } & Occurs)
  | ({ kind: 'any'; namespaces: string; processContents: 'strict' | 'lax' | 'skip'; targetNs: string } & Occurs);

export interface AttributeUse {
  name: string;
  ns: string;
  ref?: QName;
  type?: QName;
  inlineType?: SimpleTypeDef;
  required: boolean;
}

export interface ComplexTypeDef {
  kind: 'complex';
  name?: QName;
  mixed: boolean;
  /** `complexContent`/`simpleContent` derivation from a named base type. */
  derivation?: { method: 'extension' | 'restriction'; base: QName; content: 'complex' | 'simple'; facets?: Facets };
  particle?: Particle;
  attributes: AttributeUse[];
  anyAttribute: boolean;
  file: string;
}

export type TypeDef = SimpleTypeDef | ComplexTypeDef;

/** Every global declaration of every schema the bundle reaches. */
export interface SchemaSet {
  elements: Map<QName, ElementDecl>;
  types: Map<QName, TypeDef>;
  attributes: Map<QName, AttributeUse>;
  /** Absolute paths of the schema documents read. */
  files: Set<string>;
}

export interface MessageModel {
  /** The wsdl:message name. */
  message: QName;
  /** Elements that go in the SOAP Body, in part order. */
  body: QName[];
  /** Elements that go in the SOAP Header. */
  headers: QName[];
}

export interface OperationModel {
  name: string;
  soapAction: string;
  style: 'document' | 'rpc';
  input?: MessageModel;
  output?: MessageModel;
  faults: { name: string; element?: QName }[];
}

export type SoapVersion = '1.1' | '1.2';

export interface PortModel {
  name: string;
  binding: QName;
  soapVersion: SoapVersion;
  address?: string;
  operations: OperationModel[];
}

export interface ServiceModel {
  name: string;
  namespace: string;
  /** The WSDL file that declares the service (absolute path). */
  file: string;
  ports: PortModel[];
}

export interface ContractModel {
  kind: 'wsdl' | 'xsd';
  /** Absolute paths of every file read (WSDL and XSD). */
  files: string[];
  services: ServiceModel[];
  schema: SchemaSet;
  /** OpenAPI documents given among the paths: not XML contracts, read them with readOpenApi. */
  skipped: string[];
}

export const XSD_NS = 'http://www.w3.org/2001/XMLSchema';
export const WSDL_NS = 'http://schemas.xmlsoap.org/wsdl/';
export const SOAP11_BINDING_NS = 'http://schemas.xmlsoap.org/wsdl/soap/';
export const SOAP12_BINDING_NS = 'http://schemas.xmlsoap.org/wsdl/soap12/';

export const emptySchemaSet = (): SchemaSet => ({
  elements: new Map(),
  types: new Map(),
  attributes: new Map(),
  files: new Set(),
});
