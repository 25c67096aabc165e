/**
 * A synthetic catalogue and sheet at KOMBIT's scale: `systems` SKI systems × `integrations`
 * integrations, every cell with a status, plus the real onboarding vocabulary. In memory only
 * the fields the sheet reads are filled in.
 */
import { readFile } from 'node:fs/promises';
import { parse } from 'yaml';
import type { Catalog } from '../../catalog/catalog.ts';
import { emptyCatalog } from '../../catalog/catalog.ts';
import { onboardingStatusesFile } from '../../catalog/schema/onboarding-status.ts';
import type { NewStatusEvent } from '../../conformance/onboarding/index.ts';

export async function syntheticCatalog(systems: number, integrations: number): Promise<Catalog> {
  const vocabulary = await readFile(new URL('../../catalog/data/onboarding-statuses.yaml', import.meta.url), 'utf8');
  const catalog = emptyCatalog();
  catalog.statuses = onboardingStatusesFile.parse(parse(vocabulary)).statuses;
  catalog.suppliers = Array.from({ length: 50 }, (_, i) => ({ cvr: String(90000000 + i), name: `Leverandør ${i} ApS`, fictional: true }));
  catalog.integrations = Array.from({ length: integrations }, (_, i) => ({ id: `SF${1400 + i}`, title: `Integration ${i}` })) as unknown as Catalog['integrations'];
  catalog.systems = Array.from({ length: systems }, (_, i) => ({
    id: `system-${i}`, name: `Fagsystem ${i}`, supplier: String(90000000 + (i % 50)), areas: ['Y14'], useCases: [], municipalities: [],
    userSystemUuid: `00000000-0000-4000-8000-${String(i).padStart(12, '0')}`, exceptions: [], fictional: true,
  }));
  return catalog;
}

/** One event per system × integration, statuses spread over the vocabulary, reasons where required. */
export function syntheticEvents(catalog: Catalog): NewStatusEvent[] {
  const statuses = catalog.statuses;
  return catalog.systems.flatMap((system, s) =>
    catalog.integrations.map((integration, i) => {
      const status = statuses[(s + i) % statuses.length]!;
      return {
        system: system.id, integration: integration.id, status: status.code,
        ...(status.reasonRequired ? { reason: status.reasons[0] ?? 'Begrundelse' } : {}),
        actor: 'bench', source: 'run' as const,
        evidence: { runId: `run-${s}`, digest: 'a'.repeat(64), shallTotal: 8, shallPassed: 8 },
      };
    }),
  );
}
