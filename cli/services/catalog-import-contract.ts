import { readdirSync, readFileSync, statSync, existsSync } from 'node:fs';
import { basename, dirname, extname, join } from 'node:path';
import { ContractError } from '../../catalog/index.ts';
import { readContract } from '../../catalog/index.ts';
import { readOpenApi, restMessages } from '../../catalog/index.ts';
import { splitQName, type ContractModel } from '../../catalog/index.ts';
import type { OpenApiModel } from '../../catalog/index.ts';
import type { Operation, Protocol, SecurityModel } from '../../catalog/index.ts';
import { defaultMessageDepth, messageOf } from './catalog-import-contract-messages.ts';

/** A service read from an official contract, in the catalogue's shape. */
export interface ImportedService {
  name: string;
  protocol: Protocol;
  /** Security models the contract implies (a hint: the catalogue's own value is kept when it has one). */
  security: SecurityModel[];
  /** Operations with soapAction (left out when the contract declares it empty) or method and path, and their messages. */
  operations: Operation[];
  /** The WSDL service or OpenAPI document it came from. */
  from: string;
  /** Other names the catalogue may know it by (the WSDL's own service name). */
  aliases: string[];
  /** The service version its namespace ends in (`…/Demo/1/`, `…:ydelseindeks:6`), when it ends in one. */
  version?: string;
  /** Paths of the addresses the contract gives (`/service/SP/Demo/1`): a placeholder host still names the path. */
  endpointPaths: string[];
  /** From the bundle's service.properties (KOMBIT ships one beside Serviceplatformen contracts). */
  serviceUuid?: string;
  entityId?: string;
  /** The service's URL on KOMBIT's external test environment, when a source outside the bundle gives it (`--endpoint`). */
  externalTest?: string;
}

export interface ImportOptions {
  /** Levels of message fields to write (default 2); deeper complex fields keep their type name only. */
  depth?: number;
  /**
   * What the bundle lacks and another source gives (KOMBIT's sample configuration, facts.md): the
   * service's entity ID, ServiceUUID, and its external test URL, whose path is then its path on the
   * embedded platform (a WSDL address is often a placeholder such as `http://{$service.location}/…`).
   * They describe one service, so they need a bundle (or .wsdl file) with one.
   */
  identity?: { entityId?: string; serviceUuid?: string; endpoint?: string };
}

const INVOCATION_CONTEXT = 'http://serviceplatformen.dk/xml/schemas/InvocationContext/1/';
const AUTHORITY_CONTEXT = 'http://serviceplatformen.dk/xml/schemas/AuthorityContext/1/';
const HTTP_METHODS = new Set(['GET', 'POST', 'PUT', 'PATCH', 'DELETE']);

/** The catalogue's name for a WSDL service: KOMBIT's "BrugerService" or "KlasseService_7" is "Bruger" / "Klasse". */
export const catalogueName = (wsdlName: string): string => wsdlName.replace(/Service(_\d+)?$/, '') || wsdlName;

/** An address's path without a trailing slash, or undefined when it is not a URL. */
export function endpointPath(address: string): string | undefined {
  try {
    return new URL(address).pathname.replace(/\/+$/, '') || undefined;
  } catch {
    return address.startsWith('/') ? address.replace(/\/+$/, '') || undefined : undefined;
  }
}

const isOpenApi = (input: string) => ['.json', '.yaml', '.yml'].includes(extname(input).toLowerCase());

/**
 * Reads an official bundle (a directory, a .wsdl/.xsd file, or an OpenAPI .json/.yaml document)
 * into the services and operations the catalogue records, with each operation's request and
 * response element and their fields. Throws the reader's ContractError (file and what is wrong)
 * for a broken bundle, a GraphQL schema, or a bundle without any service.
 */
export function importContract(input: string, options: ImportOptions = {}): ImportedService[] {
  let isDir = false;
  try {
    isDir = statSync(input).isDirectory();
  } catch {
    /* the reader reports the missing path */
  }
  if (!isDir && isOpenApi(input)) {
    const services = fromOpenApi(readOpenApi(input));
    if (options.identity !== undefined && Object.values(options.identity).some((v) => v !== undefined))
      applyIdentity(input, services, options.identity);
    return services;
  }
  const model = readContract(input);
  const services = fromWsdl(model, options.depth ?? defaultMessageDepth);
  if (services.length === 0) {
    throw new ContractError(
      'contract.not-a-contract',
      input,
      `${input} declares no WSDL service or binding (${model.kind === 'xsd' ? 'only XML schemas' : 'no operations'}), so there is nothing to import. Give the bundle's .wsdl file or the directory that holds it.`,
    );
  }
  // service.properties describes the bundle's one service; with several it cannot say whose it is.
  if (services.length === 1) Object.assign(services[0]!, serviceProperties(input, isDir));
  if (options.identity !== undefined && Object.values(options.identity).some((v) => v !== undefined))
    applyIdentity(input, services, options.identity);
  return services;
}

function fromWsdl(model: ContractModel, depth: number): ImportedService[] {
  const byKey = new Map<string, ImportedService>();
  for (const s of model.services) {
    for (const port of s.ports) {
      const protocol: Protocol = port.soapVersion === '1.2' ? 'SOAP 1.2' : 'SOAP 1.1';
      const name = catalogueName(s.name);
      const key = `${name}|${protocol}`;
      // The same service in several variants (context and token WSDLs) is one catalogue service.
      let service = byKey.get(key);
      if (service === undefined) {
        // A namespace ending in a date (KOMBIT's `http://www.kombit.dk/int/2022/01/01/`) names no version.
        const version = /\/\d{4}\/\d{2}\/\d{2}\/?$/.test(s.namespace)
          ? undefined
          : /[/:](\d+)\/?$/.exec(s.namespace)?.[1];
        service = {
          name,
          protocol,
          security: [],
          operations: [],
          from: basename(s.file),
          aliases: [s.name, port.name],
          endpointPaths: [],
          ...(version !== undefined && { version }),
        };
        byKey.set(key, service);
      }
      const path = port.address === undefined ? undefined : endpointPath(port.address);
      if (path !== undefined && !service.endpointPaths.includes(path)) service.endpointPaths.push(path);
      for (const op of port.operations) {
        if (!service.operations.some((o) => o.name === op.name)) {
          const input = messageOf(model, op.input?.body[0], depth);
          const output = messageOf(model, op.output?.body[0], depth);
          // soapAction="" is no action: it is left out, never recorded (or compared) as a value.
          service.operations.push({
            name: op.name,
            ...(op.soapAction !== '' && { soapAction: op.soapAction }),
            ...(input && { input }),
            ...(output && { output }),
          });
        }
        const context = op.input?.body.some((el) => mentionsContext(model, el));
        const security: SecurityModel = context ? 'context' : 'saml-token';
        if (!service.security.includes(security)) service.security.push(security);
      }
    }
  }
  return [...byKey.values()];
}

function applyIdentity(
  input: string,
  services: ImportedService[],
  identity: NonNullable<ImportOptions['identity']>,
): void {
  if (services.length !== 1) {
    throw new ContractError(
      'contract.identity-ambiguous',
      input,
      `${input} declares ${services.length} services (${services.map((s) => s.name).join(', ')}), so an entity ID, ServiceUUID or endpoint given with it cannot say whose it is. Import each service's own .wsdl file with its values.`,
    );
  }
  const s = services[0]!;
  if (identity.entityId !== undefined) s.entityId = identity.entityId;
  if (identity.serviceUuid !== undefined) s.serviceUuid = identity.serviceUuid.toLowerCase();
  if (identity.endpoint !== undefined) {
    const path = endpointPath(identity.endpoint);
    if (path === undefined || !/^https:\/\//.test(identity.endpoint))
      throw new ContractError(
        'contract.endpoint-invalid',
        input,
        `--endpoint ${identity.endpoint} is not an https URL; give the service's address on KOMBIT's external test environment, e.g. https://ydelsesindeks.eksterntest-stoettesystemerne.dk/ydelseindeks/6.`,
      );
    s.externalTest = identity.endpoint.replace(/\/+$/, '');
    s.endpointPaths = [path];
  }
}

/**
 * The ServiceUUID and entity ID of Serviceplatformen's `service.properties` (`service.uuid=…`,
 * `service.entityID=…`), found in the bundle directory, or beside the given file or up to three
 * folders above it (DemoService keeps it in `sp/`, its WSDLs in `wsdl/context/`).
 */
function serviceProperties(input: string, isDir: boolean): Pick<ImportedService, 'serviceUuid' | 'entityId'> {
  const candidates: string[] = [];
  if (isDir) {
    const walk = (d: string, level: number) => {
      for (const name of readdirSync(d).sort()) {
        const p = join(d, name);
        if (name === 'service.properties') candidates.push(p);
        else if (level < 4 && statSync(p).isDirectory()) walk(p, level + 1);
      }
    };
    walk(input, 0);
  } else {
    for (let d = dirname(input), i = 0; i < 4; d = dirname(d), i++)
      candidates.push(join(d, 'service.properties'), join(d, 'sp', 'service.properties'));
  }
  const file = candidates.find((f) => existsSync(f));
  if (file === undefined) return {};
  const out: Pick<ImportedService, 'serviceUuid' | 'entityId'> = {};
  for (const line of readFileSync(file, 'utf8').split(/\r?\n/)) {
    const [key, ...rest] = line.split('=');
    const value = rest.join('=').trim();
    if (!key || value === '') continue;
    if (/uuid$/i.test(key.trim())) out.serviceUuid = value.toLowerCase();
    else if (/entityid$/i.test(key.trim())) out.entityId = value;
  }
  return out;
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
      // Serviceplatformen's REST services: `Authorization: Holder-of-key <access token>` (AccessTokenService).
      else if (scheme?.type === 'http' && scheme.scheme?.toLowerCase() === 'holder-of-key')
        security.add('holder-of-key');
      else if (scheme?.type === 'mutualTLS') security.add('certificate');
    }
  }
  const endpointPaths = model.servers.map(endpointPath).filter((p): p is string => p !== undefined);
  return [
    {
      name: basename(model.file).replace(/\.(openapi\.)?(json|ya?ml)$/i, ''),
      protocol: 'REST',
      security: security.size > 0 ? [...security] : ['certificate'],
      operations: model.operations
        .filter((op) => HTTP_METHODS.has(op.method))
        .map((op) => {
          // Request and answer trees and the parameters, as the WSDL import writes its messages.
          const { input, output, parameters } = restMessages(op, model.namespace ?? '');
          return {
            name: op.operationId ?? `${op.method} ${op.path}`,
            method: op.method as NonNullable<Operation['method']>,
            path: op.path,
            ...(input && { input }),
            ...(output && { output }),
            ...(parameters.length > 0 && { parameters }),
          };
        }),
      from: basename(model.file),
      aliases: model.title ? [model.title] : [],
      endpointPaths: [...new Set(endpointPaths)],
    },
  ];
}
