import type { Service } from './catalog-types.ts';

/** Parsed contracts, each file read once per build. */
export interface ContractLibrary {
  dir: string;
  /** Top-level input fields of the service's first operation, when its contract can be read. */
  inputFields(service: Service): Promise<string[] | undefined>;
}

export function contractLibrary(dir: string): ContractLibrary {
  // TODO: parse with catalog/contract-reader once it lands.
  return { dir, inputFields: async () => undefined };
}
