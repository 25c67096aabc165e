import { existsSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import type { Element } from '@xmldom/xmldom';
import type { Catalog } from '../../../catalog/index.ts';
import { compileValidator, readContract, type XmlValidator } from '../../../catalog/index.ts';
import type { ContractValidation, Finding } from '../service-handler.ts';

/** The project's own contracts, which the catalogue's `contract` fields name relative to. */
export function defaultContractsDir(): string {
  return fileURLToPath(new URL('../../../catalog/contracts/', import.meta.url));
}

/**
 * Request/response validation against the catalogue's contracts (catalog/contracts/), compiled
 * once per integration at start-up with the contract reader's validator. An integration whose
 * contract is missing or unreadable is not covered: nothing is validated for it, and the reason
 * is in `problems` (never an invented finding).
 */
export function createContractValidation(
  enabled: boolean,
  catalog?: Catalog,
  contractsDir = defaultContractsDir(),
): ContractValidation & { problems: string[] } {
  const validators = new Map<string, XmlValidator>();
  const problems: string[] = [];
  if (enabled && catalog) {
    for (const integration of catalog.integrations) {
      const files = new Set<string>();
      for (const version of integration.versions)
        for (const service of version.services) for (const f of service.contract) files.add(join(contractsDir, f));
      const present = [...files].filter((f) => existsSync(f));
      if (present.length === 0) continue;
      try {
        validators.set(integration.id, compileValidator(readContract(present)));
      } catch (error) {
        problems.push(
          `${integration.id}: contract not usable for validation: ${error instanceof Error ? error.message : String(error)}`,
        );
      }
    }
  }
  return {
    enabled,
    problems,
    covers: (integration) => enabled && validators.has(integration),
    validate(integration: string, element: Element): Finding[] {
      const validator = validators.get(integration);
      if (!validator) return [];
      return validator
        .validate(element as unknown as globalThis.Element, { limit: 20 })
        .map((f) => ({ severity: 'error', code: 'xsd', message: f.message, path: f.path }));
    },
  };
}
