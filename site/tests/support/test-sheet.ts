import { createHash } from 'node:crypto';
import { existsSync } from 'node:fs';
import { join } from 'node:path';
import { loadCatalog } from '../../../catalog/index.ts';
import { requiredIntegrations } from '../../../catalog/index.ts';
import { SheetStore, type NewStatusEvent } from '../../../conformance/onboarding/index.ts';
import { repoRoot, type BuildOptions } from './site-build.ts';

/** Bump when the seeded content changes, so an older test build is not reused. */
const seedVersion = 'seeded-sheet-v2';
const sheetPath = join(repoRoot, 'test-artifacts', 'site', `${seedVersion}.db`);

/**
 * An onboarding sheet with a spread of statuses (every status of the vocabulary, reasons where
 * required, evidence behind the ones a run recorded), written once through the sheet's own
 * store so the browser tests see the site as KOMBIT would: colours, icons, dates, evidence.
 */
async function seedSheet(path: string): Promise<void> {
  const { catalog } = await loadCatalog();
  const statuses = catalog.statuses;
  const events: NewStatusEvent[] = [];
  catalog.systems.forEach((system, i) => {
    // The Y14 example reproduces KOMBIT's example report from the statuses declared in the
    // catalogue (issue 11); sheet events would hide them.
    if (system.id === 'jobcenter-y14-eksempel') return;
    requiredIntegrations(catalog, system.id).forEach((need, j) => {
      const pick = (i * 3 + j) % (statuses.length + 2);
      const status = statuses[Math.min(pick, statuses.length - 1) === pick ? pick : statuses.findIndex((s) => s.ready)];
      if (!status || pick === statuses.length + 1) return; // some pairs have no status yet
      const fromRun = status.ready || status.code === 'delvist-klarmeldt' || status.code === 'ikke-klarmeldt';
      const runId = `run-${system.id}-${need.integration.toLowerCase()}`;
      events.push({
        system: system.id,
        integration: need.integration,
        status: status.code,
        ...(status.reasonRequired && { reason: status.reasons[0] ?? 'Ikke relevant for systemet' }),
        actor: fromRun ? 'klarmeld test --record' : 'KOMBIT',
        source: fromRun ? 'run' : 'manual',
        ...(fromRun && { evidence: { runId, digest: `sha256:${createHash('sha256').update(runId).digest('hex')}` } }),
      });
    });
  });
  const store = SheetStore.open(path, { clock: () => new Date('2026-11-02T09:30:00Z') });
  try {
    store.append(events);
  } finally {
    store.close();
  }
}

/** The environment the tests build the site with: the seeded sheet as KLARMELD_SHEET. */
export async function testSheetEnv(): Promise<BuildOptions> {
  if (!existsSync(sheetPath)) await seedSheet(sheetPath);
  return { label: seedVersion, env: { KLARMELD_SHEET: sheetPath } };
}
