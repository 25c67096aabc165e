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
import { defaultWord, kombitColumns, type NewStatusEvent } from '../../conformance/onboarding/index.ts';

export async function syntheticCatalog(systems: number, integrations: number): Promise<Catalog> {
  const vocabulary = await readFile(new URL('../../catalog/data/onboarding-statuses.yaml', import.meta.url), 'utf8');
  const catalog = emptyCatalog();
  catalog.statuses = onboardingStatusesFile.parse(parse(vocabulary)).statuses;
  catalog.suppliers = Array.from({ length: 50 }, (_, i) => ({
    cvr: String(90000000 + i),
    name: `Leverandør ${i} ApS`,
    fictional: true,
  }));
  // KOMBIT's 18 integrations first (the matrix always shows them), then made-up ones.
  const ids = [
    ...kombitColumns.map((c) => c.integration),
    ...Array.from({ length: Math.max(0, integrations - kombitColumns.length) }, (_, i) => `SF${2100 + i}`),
  ].slice(0, integrations);
  catalog.integrations = ids.map((id, i) => ({ id, title: `Integration ${i}` })) as unknown as Catalog['integrations'];
  catalog.systems = Array.from({ length: systems }, (_, i) => ({
    id: `system-${i}`,
    name: `Fagsystem ${i}`,
    supplier: String(90000000 + (i % 50)),
    areas: ['Y14'],
    useCases: [],
    municipalities: [],
    userSystemUuid: `00000000-0000-4000-8000-${String(i).padStart(12, '0')}`,
    exceptions: [],
    fictional: true,
  }));
  return catalog;
}

/** One event per system × integration, KOMBIT's words spread over the vocabulary (Forløb with a round). */
export function syntheticEvents(catalog: Catalog): NewStatusEvent[] {
  const statuses = catalog.statuses.filter((s) => s.inSheet !== false);
  return catalog.systems.flatMap((system, s) =>
    catalog.integrations.map((integration, i) => {
      const status = statuses[(s + i) % statuses.length]!;
      return {
        system: system.id,
        integration: integration.id,
        status: status.code,
        word: defaultWord(status, 1 + (s % 4)),
        actor: 'bench',
        source: 'run' as const,
        evidence: { runId: `run-${s}`, digest: 'a'.repeat(64), shallTotal: 8, shallPassed: 8 },
      };
    }),
  );
}
