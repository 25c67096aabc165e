import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Catalog } from '../../catalog/index.ts';
import { loadCatalog } from '../../catalog/index.ts';
import { runConformance } from './run-conformance.ts';

// The person the SF1520 suite looks up (its korsbaekKeys.personCpr): Anne Marie Hansen.
const personCpr = '0103701111';
const profileFile = fileURLToPath(new URL('../../examples/reference-system/klarmeld.yaml', import.meta.url));

let dir: string;
let shipped: Catalog;
beforeAll(async () => {
  dir = await mkdtemp(join(tmpdir(), 'klarmeld-korsbaek-run-'));
  shipped = (await loadCatalog()).catalog;
});
afterAll(() => rm(dir, { recursive: true, force: true }));

describe("a run's Korsbæk test data", () => {
  it('is the data of the catalogue the run was given, the one its platform serves: a person renamed there is the name the suites expect', async () => {
    // Another surname, not a longer one: the shipped "Anne Marie Hansen" must not be found in it.
    const catalog = structuredClone(shipped);
    const person = catalog.korsbaek.persons!.persons.find((p) => p.pnr === personCpr)!;
    person.navn.efternavn = 'Skovgaard';
    const run = await runConformance({ profileFile, catalog, integrations: ['SF1520'] });
    await run.close();
    const shown = run.output.tests.find((t) => t.id === 'sf1520.lookup.valid-request-gets-person');
    expect(shown?.result, shown?.message).toBe('pass');
    expect(run.output.tests.filter((t) => t.result === 'fail').map((t) => `${t.id}: ${t.message}`)).toEqual([]);
  }, 60_000);
});
