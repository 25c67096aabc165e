import { join } from 'node:path';
import { describeOperations, readOpenApi, type OpenApiModel, type RestOperation } from '../../../catalog/index.ts';
import type { Service } from './catalog-types.ts';
import { contractRows, type ServiceContractRows } from './contract-view.ts';
import type { ExampleField } from './example-values.ts';

/** A service's contract as the integration page shows it. */
export type ContractRendering =
  | { kind: 'wsdl'; services: ServiceContractRows[] }
  | { kind: 'openapi'; documents: OpenApiModel[] }
  | { kind: 'none' }
  | { kind: 'unreadable'; file: string; message: string };

/** Contracts read through the catalogue's contract reader, each bundle once per build. */
export interface ContractLibrary {
  dir: string;
  render(service: Service): ContractRendering;
  /** Top-level input fields of the service's first operation, and whether each is required, for the generated example. */
  inputFields(service: Service): ExampleField[] | undefined;
  /** The service's first operation (the catalogue's first, matched by path, method or operationId) in its OpenAPI contract. */
  restOperation(service: Service): { file: string; operation: RestOperation } | undefined;
}

const isWsdl = (file: string) => /\.wsdl$/i.test(file);
const isOpenApi = (file: string) => /\.(json|ya?ml)$/i.test(file);

export function contractLibrary(dir: string): ContractLibrary {
  const cache = new Map<string, ContractRendering>();
  const read = (files: string[]): ContractRendering => {
    const paths = files.map((f) => join(dir, f));
    try {
      return files.every(isOpenApi)
        ? { kind: 'openapi', documents: paths.map(readOpenApi) }
        : { kind: 'wsdl', services: contractRows(describeOperations(paths)) };
    } catch (error) {
      const e = error as Error & { file?: string };
      return { kind: 'unreadable', file: e.file ?? files[0]!, message: e.message };
    }
  };
  const render = (service: Service): ContractRendering => {
    const wsdl = service.contract.filter(isWsdl);
    const files = wsdl.length > 0 ? wsdl : service.contract.filter(isOpenApi);
    if (files.length === 0) return { kind: 'none' };
    const key = files.join('\n');
    let rendering = cache.get(key);
    if (!rendering) {
      rendering = read(files);
      cache.set(key, rendering);
    }
    return rendering;
  };
  return {
    dir,
    render,
    inputFields(service) {
      const rendering = render(service);
      // Without contract files, the fields the catalogue records for the first operation (catalog import-contract writes them).
      if (rendering.kind === 'none') {
        return service.operations[0]?.input?.fields.map((f) => ({
          name: f.name === '*' ? '(any)' : f.name,
          required: (f.minOccurs ?? 1) > 0,
        }));
      }
      if (rendering.kind !== 'wsdl') return undefined;
      const first = service.operations[0]?.name;
      const op = rendering.services.flatMap((s) => s.operations).find((o) => !first || o.name === first);
      return op?.input?.fields
        .filter((f) => f.depth === 0)
        .map((f) => ({ name: f.name, required: !f.cardinality.startsWith('0') }));
    },
    restOperation(service) {
      const rendering = render(service);
      if (rendering.kind !== 'openapi') return undefined;
      const wanted = service.operations[0];
      const matches = (op: RestOperation) =>
        !wanted ||
        op.operationId === wanted.name ||
        (op.method.toLowerCase() === wanted.method?.toLowerCase() && (!wanted.path || op.path === wanted.path));
      for (const document of rendering.documents) {
        const operation = document.operations.find(matches);
        if (operation) return { file: document.file, operation };
      }
      return undefined;
    },
  };
}
