import { locateImport } from './locate-import.ts';
import { qname, SOAP11_BINDING_NS, SOAP12_BINDING_NS, WSDL_NS, XSD_NS, type QName } from './model.ts';
import { childElements, readXmlFile, resolvePrefixed } from './xml-file.ts';
import { ContractError } from './contract-error.ts';
import { loadSchemaFile, readSchemaElement, type SchemaReading } from './xsd-reader.ts';

/** The raw WSDL 1.1 declarations of a bundle, keyed by qualified name, before they are joined up. */
export interface WsdlDefinitions {
  messages: Map<QName, { name: string; element?: QName; type?: QName }[]>;
  portTypes: Map<QName, Map<string, { input?: QName; output?: QName; faults: { name: string; message: QName }[] }>>;
  bindings: Map<QName, RawBinding>;
  services: {
    name: string;
    namespace: string;
    file: string;
    ports: { name: string; binding: QName; address?: string; file: string }[];
  }[];
  wsdlFiles: Set<string>;
}

export interface RawBinding {
  name: QName;
  file: string;
  portType: QName;
  soapVersion?: '1.1' | '1.2';
  /** The namespaces of the binding's extension elements, for a useful error when SOAP is absent. */
  extensions: string[];
  style: 'document' | 'rpc';
  operations: Map<
    string,
    { soapAction: string; style?: 'document' | 'rpc'; input?: RawBindingMessage; output?: RawBindingMessage }
  >;
}

export interface RawBindingMessage {
  bodyParts?: string[];
  headers: { message: QName; part: string }[];
}

export const emptyDefinitions = (): WsdlDefinitions => ({
  messages: new Map(),
  portTypes: new Map(),
  bindings: new Map(),
  services: [],
  wsdlFiles: new Set(),
});

const SOAP_NS = [SOAP11_BINDING_NS, SOAP12_BINDING_NS];

function qnameAttr(el: Element, attr: string, file: string): QName {
  const value = el.getAttribute(attr) ?? '';
  const r = resolvePrefixed(el, value);
  if (r === undefined)
    throw new ContractError(
      'contract.reference-unresolved',
      file,
      `${file}: <${el.tagName} ${attr}="${value}"> uses a namespace prefix that is not declared. Declare it on wsdl:definitions.`,
    );
  return qname(r.ns, r.local);
}

/** Reads a WSDL 1.1 file and everything it imports (WSDL and schemas) into `defs` and `reading`. */
export function readWsdlFile(
  defs: WsdlDefinitions,
  reading: SchemaReading,
  path: string,
  referencedBy?: { file: string; what: string },
): void {
  if (defs.wsdlFiles.has(path)) return;
  defs.wsdlFiles.add(path);
  const root = readXmlFile(path, referencedBy);
  if (root.namespaceURI !== WSDL_NS || root.localName !== 'definitions') {
    throw new ContractError(
      'contract.not-a-contract',
      path,
      `${path} is not a WSDL 1.1 document (its root is <${root.tagName}>). Give the import the service's .wsdl file.`,
    );
  }
  const tns = root.getAttribute('targetNamespace') ?? '';
  for (const el of childElements(root, WSDL_NS)) {
    switch (el.localName) {
      case 'import': {
        const location = el.getAttribute('location') ?? '';
        const target = locateImport(path, location);
        const what = `imports "${location}"`;
        if (location.endsWith('.xsd')) loadSchemaFile(reading, target, { file: path, what });
        else readWsdlFile(defs, reading, target, { file: path, what });
        break;
      }
      case 'types':
        for (const schema of childElements(el, XSD_NS, 'schema')) readSchemaElement(reading, schema, path);
        break;
      case 'message':
        defs.messages.set(
          qname(tns, el.getAttribute('name') ?? ''),
          childElements(el, WSDL_NS, 'part').map((p) => ({
            name: p.getAttribute('name') ?? '',
            ...(p.hasAttribute('element') ? { element: qnameAttr(p, 'element', path) } : {}),
            ...(p.hasAttribute('type') ? { type: qnameAttr(p, 'type', path) } : {}),
          })),
        );
        break;
      case 'portType': {
        const ops = new Map();
        for (const op of childElements(el, WSDL_NS, 'operation')) {
          const [input] = childElements(op, WSDL_NS, 'input');
          const [output] = childElements(op, WSDL_NS, 'output');
          ops.set(op.getAttribute('name'), {
            ...(input ? { input: qnameAttr(input, 'message', path) } : {}),
            ...(output ? { output: qnameAttr(output, 'message', path) } : {}),
            faults: childElements(op, WSDL_NS, 'fault').map((f) => ({
              name: f.getAttribute('name') ?? '',
              message: qnameAttr(f, 'message', path),
            })),
          });
        }
        defs.portTypes.set(qname(tns, el.getAttribute('name') ?? ''), ops);
        break;
      }
      case 'binding':
        defs.bindings.set(qname(tns, el.getAttribute('name') ?? ''), readBinding(el, tns, path));
        break;
      case 'service':
        defs.services.push({
          name: el.getAttribute('name') ?? '',
          namespace: tns,
          file: path,
          ports: childElements(el, WSDL_NS, 'port').map((p) => {
            const [address] = childElements(p).filter((a) => a.localName === 'address');
            return {
              name: p.getAttribute('name') ?? '',
              binding: qnameAttr(p, 'binding', path),
              file: path,
              ...(address?.getAttribute('location') ? { address: address.getAttribute('location')! } : {}),
            };
          }),
        });
        break;
    }
  }
}

function readBinding(el: Element, tns: string, file: string): RawBinding {
  const extensions = childElements(el).filter((c) => c.namespaceURI !== WSDL_NS && c.localName === 'binding');
  const soap = extensions.find((c) => SOAP_NS.includes(c.namespaceURI ?? ''));
  const binding: RawBinding = {
    name: qname(tns, el.getAttribute('name') ?? ''),
    file,
    portType: qnameAttr(el, 'type', file),
    extensions: extensions.map((c) => `${c.tagName} (${c.namespaceURI})`),
    style: soap?.getAttribute('style') === 'rpc' ? 'rpc' : 'document',
    operations: new Map(),
  };
  if (soap !== undefined) binding.soapVersion = soap.namespaceURI === SOAP12_BINDING_NS ? '1.2' : '1.1';
  for (const op of childElements(el, WSDL_NS, 'operation')) {
    const [soapOp] = childElements(op).filter(
      (c) => SOAP_NS.includes(c.namespaceURI ?? '') && c.localName === 'operation',
    );
    const style = soapOp?.getAttribute('style');
    binding.operations.set(op.getAttribute('name') ?? '', {
      soapAction: soapOp?.getAttribute('soapAction') ?? '',
      ...(style === 'rpc' || style === 'document' ? { style } : {}),
      ...bindingMessage(op, 'input', file),
      ...bindingMessage(op, 'output', file),
    });
  }
  return binding;
}

function bindingMessage(
  op: Element,
  which: 'input' | 'output',
  file: string,
): { input?: RawBindingMessage; output?: RawBindingMessage } {
  const [el] = childElements(op, WSDL_NS, which);
  if (el === undefined) return {};
  const ext = childElements(el).filter((c) => SOAP_NS.includes(c.namespaceURI ?? ''));
  const body = ext.find((c) => c.localName === 'body');
  const parts = body?.getAttribute('parts');
  const message: RawBindingMessage = {
    headers: ext
      .filter((c) => c.localName === 'header')
      .map((h) => ({ message: qnameAttr(h, 'message', file), part: h.getAttribute('part') ?? '' })),
  };
  if (parts != null) message.bodyParts = parts.split(/\s+/).filter(Boolean);
  return { [which]: message };
}
