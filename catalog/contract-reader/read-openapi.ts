import { existsSync, readFileSync } from 'node:fs';
import { yamlLibrary } from '../yaml-library.ts';
import { ContractError } from './contract-error.ts';

export interface OpenApiParameter {
  name: string;
  in: 'header' | 'query' | 'path' | 'cookie';
  required: boolean;
  description?: string;
  schema?: unknown;
}
export interface OpenApiContent {
  mediaType: string;
  schema?: unknown;
}

export interface RestOperation {
  method: string;
  path: string;
  operationId?: string;
  summary?: string;
  /** Path-level and operation-level parameters, `$ref`s resolved. */
  parameters: OpenApiParameter[];
  requestBody?: { required: boolean; content: OpenApiContent[] };
  responses: { status: string; description?: string; content: OpenApiContent[]; headers: string[] }[];
  /** Names of the security schemes that apply (operation's own, or the document's default). */
  security: string[];
}

export interface OpenApiModel {
  kind: 'openapi';
  file: string;
  title: string;
  version: string;
  /** KOMBIT's `info.x-namespace` (the XML namespace the JSON mirrors), when the document gives one. */
  namespace?: string;
  servers: string[];
  securitySchemes: Record<
    string,
    { type: string; scheme?: string; bearerFormat?: string; in?: string; name?: string; description?: string }
  >;
  operations: RestOperation[];
}

const METHODS = ['get', 'put', 'post', 'delete', 'options', 'head', 'patch', 'trace'];
type Json = Record<string, unknown>;

/**
 * Reads an OpenAPI 3 document (JSON or YAML) into its operations: method, path, parameters
 * (including headers), request and response schemas with local `$ref`s resolved (a recursive
 * schema keeps its `$ref` at the point it recurs), and security schemes.
 */
export function readOpenApi(file: string): OpenApiModel {
  if (!existsSync(file))
    throw new ContractError(
      'contract.file-missing',
      file,
      `The OpenAPI document ${file} does not exist. Check the path.`,
    );
  let doc: Json;
  try {
    const text = readFileSync(file, 'utf8');
    doc = (file.endsWith('.json') ? JSON.parse(text) : yamlLibrary().parse(text)) as Json;
  } catch (error) {
    throw new ContractError(
      'contract.openapi-invalid',
      file,
      `${file} is neither valid JSON nor YAML (${(error as Error).message}). Fix the document.`,
    );
  }
  if (typeof doc?.openapi !== 'string' || !doc.openapi.startsWith('3')) {
    throw new ContractError(
      'contract.openapi-invalid',
      file,
      `${file} is not an OpenAPI 3 document (no "openapi: 3.x" field). klarmeld reads OpenAPI 3.0 and 3.1.`,
    );
  }
  const resolve = (value: unknown, seen: string[] = []): unknown => {
    if (Array.isArray(value)) return value.map((v) => resolve(v, seen));
    if (value === null || typeof value !== 'object') return value;
    const ref = (value as Json).$ref;
    if (typeof ref === 'string') {
      if (!ref.startsWith('#/'))
        throw new ContractError(
          'contract.file-missing',
          file,
          `${file} refers to "${ref}" in another document. klarmeld resolves references within one document only; bundle the document first.`,
        );
      if (seen.includes(ref)) return { $ref: ref };
      const target = ref
        .slice(2)
        .split('/')
        .reduce<unknown>((node, key) => (node as Json | undefined)?.[key.replace(/~1/g, '/').replace(/~0/g, '~')], doc);
      if (target === undefined)
        throw new ContractError(
          'contract.reference-unresolved',
          file,
          `${file} refers to "${ref}", which the document does not define. Add it under components or correct the reference.`,
        );
      return { ...(resolve(target, [...seen, ref]) as Json), 'x-ref': ref.split('/').pop() };
    }
    return Object.fromEntries(Object.entries(value).map(([k, v]) => [k, resolve(v, seen)]));
  };
  const content = (c: unknown): OpenApiContent[] =>
    Object.entries((c ?? {}) as Json).map(([mediaType, v]) => ({
      mediaType,
      ...((v as Json)?.schema !== undefined ? { schema: resolve((v as Json).schema) } : {}),
    }));
  const params = (list: unknown): OpenApiParameter[] =>
    ((resolve(list ?? []) as Json[]) ?? []).map((p) => ({
      name: String(p.name),
      in: p.in as OpenApiParameter['in'],
      required: p.required === true,
      ...(typeof p.description === 'string' ? { description: p.description } : {}),
      ...(p.schema !== undefined ? { schema: p.schema } : {}),
    }));
  const info = (doc.info ?? {}) as Json;
  const defaultSecurity = (doc.security ?? []) as Json[];
  const operations: RestOperation[] = [];
  for (const [path, item] of Object.entries((doc.paths ?? {}) as Record<string, Json>)) {
    const shared = params(item.parameters);
    for (const method of METHODS) {
      const op = item[method] as Json | undefined;
      if (op === undefined) continue;
      const own = params(op.parameters);
      const body = resolve(op.requestBody) as Json | undefined;
      operations.push({
        method: method.toUpperCase(),
        path,
        ...(typeof op.operationId === 'string' ? { operationId: op.operationId } : {}),
        ...(typeof op.summary === 'string' ? { summary: op.summary } : {}),
        parameters: [...shared.filter((p) => !own.some((o) => o.name === p.name && o.in === p.in)), ...own],
        ...(body ? { requestBody: { required: body.required === true, content: content(body.content) } } : {}),
        responses: Object.entries((op.responses ?? {}) as Json).map(([status, r]) => {
          const res = resolve(r) as Json;
          return {
            status,
            ...(typeof res.description === 'string' ? { description: res.description } : {}),
            content: content(res.content),
            headers: Object.keys((res.headers ?? {}) as Json),
          };
        }),
        security: ((op.security ?? defaultSecurity) as Json[]).flatMap((s) => Object.keys(s)),
      });
    }
  }
  return {
    kind: 'openapi',
    file,
    title: String(info.title ?? ''),
    version: String(info.version ?? ''),
    ...(typeof info['x-namespace'] === 'string' && { namespace: info['x-namespace'] }),
    servers: ((doc.servers ?? []) as Json[]).map((s) => String(s.url)),
    securitySchemes: Object.fromEntries(
      Object.entries(((doc.components as Json | undefined)?.securitySchemes ?? {}) as Record<string, Json>).map(
        ([k, v]) => [k, v as OpenApiModel['securitySchemes'][string]],
      ),
    ),
    operations,
  };
}
