import { readdirSync, statSync } from 'node:fs';
import { join, resolve } from 'node:path';
import {
  emptySchemaSet,
  splitQName,
  type ContractModel,
  type MessageModel,
  type OperationModel,
  type QName,
  type ServiceModel,
} from './model.ts';
import { ContractError } from './contract-error.ts';
import { emptyDefinitions, readWsdlFile, type RawBindingMessage, type WsdlDefinitions } from './wsdl-definitions.ts';
import { loadSchemaFile, type SchemaReading } from './xsd-reader.ts';
import { unresolvedReferences } from './schema-references.ts';
import { graphqlSchemaError, hasGraphqlExtension } from './graphql-schema.ts';

/** Every `.wsdl` under `dir` (recursively), or every `.xsd` when it has no WSDL. */
export function contractFilesIn(dir: string): string[] {
  const found: string[] = [];
  const walk = (d: string) => {
    for (const name of readdirSync(d).sort()) {
      const p = join(d, name);
      if (statSync(p).isDirectory()) walk(p);
      else found.push(p);
    }
  };
  walk(dir);
  const wsdl = found.filter((f) => f.endsWith('.wsdl'));
  const contracts = wsdl.length > 0 ? wsdl : found.filter((f) => f.endsWith('.xsd'));
  const graphql = found.find(hasGraphqlExtension);
  if (contracts.length === 0 && graphql !== undefined) throw graphqlSchemaError(graphql);
  return contracts;
}

/**
 * Reads WSDL 1.1 and XSD files (or directories holding them) into one ContractModel, following
 * wsdl:import, xs:import and xs:include relative to each file. Throws a ContractError naming the
 * file and what is missing when an import points nowhere, a port uses an undeclared or non-SOAP
 * binding, or a message or type refers to something no schema declares.
 */
export function readContract(paths: string | string[]): ContractModel {
  const files = (Array.isArray(paths) ? paths : [paths]).flatMap((p) => {
    const abs = resolve(p);
    let isDir = false;
    try {
      isDir = statSync(abs).isDirectory();
    } catch {
      /* reported as a missing file below */
    }
    return isDir ? contractFilesIn(abs) : [abs];
  });
  // A service's contract list may mix WSDL/XSD with an OpenAPI document; those are not ours to read here.
  const skipped = files.filter((f) => /\.(json|ya?ml)$/i.test(f));
  const reading: SchemaReading = { set: emptySchemaSet(), loaded: new Set() };
  const defs = emptyDefinitions();
  let sawWsdl = false;
  for (const file of files) {
    if (skipped.includes(file)) continue;
    if (file.endsWith('.xsd')) loadSchemaFile(reading, file, undefined);
    else {
      sawWsdl = true;
      readWsdlFile(defs, reading, file);
    }
  }
  const services = joinServices(defs);
  checkMessageElements(services, reading);
  const unresolved = unresolvedReferences(reading.set);
  if (unresolved.length > 0) {
    const [first] = unresolved;
    const more = unresolved.length > 1 ? ` (and ${unresolved.length - 1} more)` : '';
    throw new ContractError(
      'contract.reference-unresolved',
      first!.file,
      `${first!.file} refers to ${first!.what} "${first!.ref}", which no schema in the bundle declares${more}. An xs:import or xs:include is probably missing or points to the wrong file.`,
    );
  }
  return {
    kind: sawWsdl ? 'wsdl' : 'xsd',
    files: [...new Set([...defs.wsdlFiles, ...reading.set.files])],
    services,
    schema: reading.set,
    skipped,
  };
}

function joinServices(defs: WsdlDefinitions): ServiceModel[] {
  const declared = defs.services.map((s) => ({ ...s }));
  const used = new Set(declared.flatMap((s) => s.ports.map((p) => p.binding)));
  // A WSDL with bindings but no wsdl:service still describes operations: show each binding as a service.
  for (const binding of defs.bindings.values()) {
    if (used.has(binding.name)) continue;
    const { ns, local } = splitQName(binding.name);
    declared.push({
      name: local,
      namespace: ns,
      file: binding.file,
      ports: [{ name: local, binding: binding.name, file: binding.file }],
    });
  }
  return declared.map((s) => ({
    name: s.name,
    namespace: s.namespace,
    file: s.file,
    ports: s.ports.map((port) => {
      const binding = defs.bindings.get(port.binding);
      if (binding === undefined) {
        throw new ContractError(
          'contract.binding-unknown',
          port.file,
          `${port.file}: port "${port.name}" of service "${s.name}" uses the binding ${port.binding}, which no WSDL in the bundle declares. Add the WSDL that declares it (wsdl:import) or correct the binding name.`,
        );
      }
      if (binding.soapVersion === undefined) {
        const found = binding.extensions.length > 0 ? binding.extensions.join(', ') : 'no binding extension at all';
        throw new ContractError(
          'contract.binding-unknown',
          binding.file,
          `${binding.file}: binding ${binding.name} is neither a SOAP 1.1 nor a SOAP 1.2 binding (found ${found}). klarmeld reads soap:binding and soap12:binding only.`,
        );
      }
      const portType = defs.portTypes.get(binding.portType);
      if (portType === undefined) {
        throw new ContractError(
          'contract.reference-unresolved',
          binding.file,
          `${binding.file}: binding ${binding.name} implements the portType ${binding.portType}, which no WSDL in the bundle declares. A wsdl:import is probably missing.`,
        );
      }
      const operations: OperationModel[] = [...binding.operations].map(([name, op]) => {
        const abstract = portType.get(name);
        const model: OperationModel = { name, soapAction: op.soapAction, style: op.style ?? binding.style, faults: [] };
        if (abstract?.input) model.input = message(defs, abstract.input, op.input, binding.file);
        if (abstract?.output) model.output = message(defs, abstract.output, op.output, binding.file);
        model.faults = (abstract?.faults ?? []).map((f) => {
          const part = defs.messages.get(f.message)?.[0];
          return part?.element ? { name: f.name, element: part.element } : { name: f.name };
        });
        return model;
      });
      return {
        name: port.name,
        binding: binding.name,
        soapVersion: binding.soapVersion,
        ...(port.address ? { address: port.address } : {}),
        operations,
      };
    }),
  }));
}

function message(defs: WsdlDefinitions, name: QName, bound: RawBindingMessage | undefined, file: string): MessageModel {
  const parts = defs.messages.get(name);
  if (parts === undefined)
    throw new ContractError(
      'contract.reference-unresolved',
      file,
      `${file} uses the message ${name}, which no WSDL in the bundle declares. A wsdl:import is probably missing.`,
    );
  const headerParts = new Set((bound?.headers ?? []).filter((h) => h.message === name).map((h) => h.part));
  const body = parts.filter((p) => (bound?.bodyParts ? bound.bodyParts.includes(p.name) : !headerParts.has(p.name)));
  const headers: QName[] = [];
  for (const h of bound?.headers ?? []) {
    const part = defs.messages.get(h.message)?.find((p) => p.name === h.part);
    if (part?.element) headers.push(part.element);
  }
  return { message: name, body: body.flatMap((p) => (p.element ? [p.element] : [])), headers };
}

function checkMessageElements(services: ServiceModel[], reading: SchemaReading): void {
  for (const s of services)
    for (const port of s.ports)
      for (const op of port.operations) {
        for (const [what, msg] of [
          ['input', op.input],
          ['output', op.output],
        ] as const) {
          for (const el of [...(msg?.body ?? []), ...(msg?.headers ?? [])]) {
            if (!reading.set.elements.has(el)) {
              throw new ContractError(
                'contract.reference-unresolved',
                s.file,
                `${s.file}: the ${what} of operation "${op.name}" (port "${port.name}") is the element ${el}, which no schema in the bundle declares. An xs:import is probably missing or points to the wrong file.`,
              );
            }
          }
        }
      }
}
