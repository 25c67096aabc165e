import { statSync } from 'node:fs';
import { basename, extname } from 'node:path';
import { readContract } from '../../catalog/contract-reader/read-contract.ts';
import { readOpenApi } from '../../catalog/contract-reader/read-openapi.ts';
import { splitQName, type ContractModel } from '../../catalog/contract-reader/model.ts';
import type { OpenApiModel } from '../../catalog/contract-reader/read-openapi.ts';
import type { Operation, Protocol, SecurityModel } from '../../catalog/schema/service.ts';

/** A service read from an official contract, in the catalogue's shape. */
export interface ImportedService {
  name: string;
  protocol: Protocol;
  /** Security models the contract implies (a hint: the catalogue's own value is kept when it has one). */
  security: SecurityModel[];
  operations: Operation[];
  /** The WSDL service or OpenAPI document it came from. */
  from: string;
  /** Other names the catalogue may know it by (the WSDL's own service name). */
  aliases: string[];
}

const INVOCATION_CONTEXT = 'http://serviceplatformen.dk/xml/schemas/InvocationContext/1/';
const AUTHORITY_CONTEXT = 'http://serviceplatformen.dk/xml/schemas/AuthorityContext/1/';
const HTTP_METHODS = new Set(['GET', 'POST', 'PUT', 'PATCH', 'DELETE']);

/** The catalogue's name for a WSDL service: KOMBIT's "BrugerService" or "KlasseService_7" is "Bruger" / "Klasse". */
export const catalogueName = (wsdlName: string): string => wsdlName.replace(/Service(_\d+)?$/, '') || wsdlName;

const isOpenApi = (input: string) => {
  const ext = extname(input).toLowerCase();
  return ext === '.json' || ext === '.yaml' || ext === '.yml';
};

/**
 * Reads an official bundle (a directory, a .wsdl/.xsd file, or an OpenAPI .json/.yaml document)
 * into the services and operations the catalogue records. Throws the reader's ContractError (file
 * and what is missing) for a broken bundle.
 */
export function importContract(input: string): ImportedService[] {
  let isDir = false;
  try { isDir = statSync(input).isDirectory(); } catch { /* the reader reports the missing path */ }
  if (!isDir && isOpenApi(input)) return fromOpenApi(readOpenApi(input));
  return fromWsdl(readContract(input));
}

function fromWsdl(model: ContractModel): ImportedService[] {
  const byKey = new Map<string, ImportedService>();
  for (const s of model.services) {
    for (const port of s.ports) {
      const protocol: Protocol = port.soapVersion === '1.2' ? 'SOAP 1.2' : 'SOAP 1.1';
      const name = catalogueName(s.name);
      const key = `${name}|${protocol}`;
      // The same service in several variants (context and token WSDLs) is one catalogue service.
      const service = byKey.get(key) ?? { name, protocol, security: [], operations: [], from: basename(s.file), aliases: [s.name, port.name] };
      byKey.set(key, service);
      for (const op of port.operations) {
        if (!service.operations.some((o) => o.name === op.name)) service.operations.push(op.soapAction ? { name: op.name, soapAction: op.soapAction } : { name: op.name });
        const context = op.input?.body.some((el) => mentionsContext(model, el));
        const security: SecurityModel = context ? 'context' : 'saml-token';
        if (!service.security.includes(security)) service.security.push(security);
      }
    }
  }
  return [...byKey.values()];
}

/** Does the request element carry an InvocationContext or AuthorityContext (Serviceplatformen's context model)? */
function mentionsContext(model: ContractModel, element: string): boolean {
  const seen = new Set<unknown>();
  const walk = (def: unknown): boolean => {
    if (def === null || typeof def !== 'object' || seen.has(def)) return false;
    seen.add(def);
    for (const [k, v] of Object.entries(def)) {
      if ((k === 'ref' || k === 'type') && typeof v === 'string') {
        const { ns } = splitQName(v);
        if (ns === INVOCATION_CONTEXT || ns === AUTHORITY_CONTEXT) return true;
        if (k === 'type' && walk(model.schema.types.get(v))) return true;
      } else if (typeof v === 'object' && walk(v)) return true;
    }
    return false;
  };
  return walk(model.schema.elements.get(element));
}

function fromOpenApi(model: OpenApiModel): ImportedService[] {
  const security = new Set<SecurityModel>();
  for (const op of model.operations) {
    for (const name of op.security) {
      const scheme = model.securitySchemes[name];
      if (scheme?.type === 'http' && scheme.scheme?.toLowerCase() === 'bearer') security.add('jwt');
      else if (scheme?.type === 'mutualTLS') security.add('certificate');
    }
  }
  return [{
    name: basename(model.file).replace(/\.(openapi\.)?(json|ya?ml)$/i, ''),
    protocol: 'REST',
    security: security.size > 0 ? [...security] : ['certificate'],
    operations: model.operations.filter((op) => HTTP_METHODS.has(op.method)).map((op) => ({
      name: op.operationId ?? `${op.method} ${op.path}`,
      method: op.method as NonNullable<Operation['method']>,
      path: op.path,
    })),
    from: basename(model.file),
    aliases: model.title ? [model.title] : [],
  }];
}
