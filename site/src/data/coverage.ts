import { contractStateOf, type Catalog, type ContractState } from '../../../catalog/index.ts';
import type { SuiteInfo } from './suites.ts';

/** What klarmeld can test of one required integration before any run: its contract, and its suite. */
export interface IntegrationCoverage {
  contract: ContractState;
  suite: 'hand-written' | 'generic' | 'none';
}

/**
 * The system page's coverage of one integration, from the same sources as `klarmeld catalog coverage`:
 * the catalogue's contract state and the suites a run takes (hand-written, or generic from the contract).
 */
export function coverageOf(catalog: Catalog, suites: Map<string, SuiteInfo>, integration: string): IntegrationCoverage {
  return { contract: contractStateOf(catalog, integration), suite: suites.get(integration)?.kind ?? 'none' };
}

export const suiteKey = { 'hand-written': 'suiteHandWritten', generic: 'suiteGeneric', none: 'suiteNone' } as const;
export const contractKey = {
  imported: 'contractImported',
  'kontrakt ikke offentliggjort': 'contractUnpublished',
  'ikke importeret': 'contractNotImported',
} as const;
