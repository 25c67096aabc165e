import { join } from 'node:path';
import { readContract } from '../../../catalog/contract-reader/read-contract.ts';
import type { Service } from './catalog-types.ts';
import { contractView, type ServiceContractView } from './contract-view.ts';

/** A service's contract as the integration page shows it. */
export type ContractRendering =
  | { kind: 'wsdl'; services: ServiceContractView[] }
  | { kind: 'none' }
  | { kind: 'unreadable'; file: string; message: string };

/** Contracts read through the catalogue's contract reader, each bundle once per build. */
export interface ContractLibrary {
  dir: string;
  render(service: Service): ContractRendering;
  /** Top-level input fields of the service's first operation, for the generated example. */
  inputFields(service: Service): string[] | undefined;
}

const isWsdl = (file: string) => /\.wsdl$/i.test(file);

export function contractLibrary(dir: string): ContractLibrary {
  const cache = new Map<string, ContractRendering>();
  const render = (service: Service): ContractRendering => {
    const files = service.contract.filter(isWsdl);
    if (files.length === 0) return { kind: 'none' };
    const key = files.join('\n');
    let rendering = cache.get(key);
    if (!rendering) {
      try {
        rendering = { kind: 'wsdl', services: contractView(readContract(files.map((f) => join(dir, f)))) };
      } catch (error) {
        const e = error as Error & { file?: string };
        rendering = { kind: 'unreadable', file: e.file ?? files[0]!, message: e.message };
      }
      cache.set(key, rendering);
    }
    return rendering;
  };
  return {
    dir,
    render,
    inputFields(service) {
      const rendering = render(service);
      if (rendering.kind !== 'wsdl') return undefined;
      const first = service.operations[0]?.name;
      const op = rendering.services.flatMap((s) => s.operations).find((o) => !first || o.name === first);
      return op?.input?.fields.filter((f) => f.depth === 0).map((f) => f.name);
    },
  };
}
