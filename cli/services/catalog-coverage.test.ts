import { spawnSync } from 'node:child_process';
import { fileURLToPath } from 'node:url';
import { beforeAll, describe, expect, it } from 'vitest';
import type { Catalog } from '../../catalog/index.ts';
import { loadCatalog } from '../../catalog/index.ts';
import { catalogCoverage, implemented, type Implemented } from './catalog-coverage.ts';

const klarmeld = fileURLToPath(new URL('../../bin/klarmeld.js', import.meta.url));

describe('klarmeld catalog coverage (issue 12)', () => {
  let catalog: Catalog;
  let done: Implemented;
  beforeAll(async () => {
    catalog = (await loadCatalog()).catalog;
    done = await implemented(catalog);
  });

  it('tells per integration whether its contract is imported or not published, and how it is simulated and tested', () => {
    const rows = new Map(catalogCoverage(catalog, done).integrations.map((r) => [r.integration, r]));
    expect(rows.get('SF1520')).toMatchObject({
      contract: 'imported',
      simulation: 'hand-written',
      suite: 'hand-written',
    });
    expect(rows.get('SF1491')).toMatchObject({ contract: 'imported', simulation: 'generated', generatedOperations: 2 });
    // SOAP Demo's callDemoService and REST AccessTokenDemo's, both served from the catalogue's data.
    expect(rows.get('SF0101')).toMatchObject({ contract: 'imported', simulation: 'generated', generatedOperations: 2 });
    expect(rows.get('SF1690')).toMatchObject({
      contract: 'kontrakt ikke offentliggjort',
      simulation: 'none',
      suite: 'none',
      why: expect.stringContaining('no WSDL, XSD or OpenAPI'),
    });
    for (const id of [
      'SF2090',
      'SF2093',
      'SF2095',
      'SF2096',
      'SF1590_A',
      'SF1590_B',
      'SF1590_D',
      'SF1590_E',
      'SF1630',
      'SF1525',
      'SF1472',
      'SAPA-dialog',
      'SF1601',
    ]) {
      expect(rows.get(id)?.contract, id).toBe('kontrakt ikke offentliggjort');
    }
  });

  it('covers every integration with an official contract in ../shared/contracts that is imported', () => {
    const rows = new Map(catalogCoverage(catalog, done).integrations.map((r) => [r.integration, r]));
    for (const id of ['SF1490', 'SF1510', 'SF1491', 'SF1520', 'SF1600', 'SF0101'])
      expect(rows.get(id)?.simulation, id).not.toBe('none');
  });

  it("with --system: the system's integrations and their level; the generic suite counts where the suite index gives one", () => {
    const coverage = catalogCoverage(catalog, done, 'jobcenter-y14-eksempel');
    expect(coverage.summary).toMatchObject({ integrations: 16, mandatory: 15, simulated: 8 });
    // The Context Handler's login and logout, simulated from the IdP metadata import-contract read.
    for (const id of ['SF1511', 'SF1515'])
      expect(coverage.integrations.find((r) => r.integration === id)).toMatchObject({
        contract: 'imported',
        simulation: 'hand-written',
        suite: 'generic',
      });
    expect(coverage.integrations.find((r) => r.integration === 'SF1490')).toMatchObject({
      level: 'mandatory',
      simulation: 'generated',
      suite: 'generic',
    });
    const without = catalogCoverage(catalog, { ...done, genericSuites: new Set() }, 'jobcenter-y14-eksempel');
    // SF1490 and SF1510 (generic suites), SF1511 and SF1515 (web-login suites): issue 12's 7 of 15.
    expect(coverage.summary.mandatorySimulatedWithSuite).toBe(7);
    expect(without.summary.mandatorySimulatedWithSuite).toBe(coverage.summary.mandatorySimulatedWithSuite! - 4);
  });

  it('prints JSON with --json and names an unknown system', () => {
    const run = spawnSync(
      process.execPath,
      [klarmeld, 'catalog', 'coverage', '--system', 'jobcenter-y14-eksempel', '--json'],
      { encoding: 'utf8' },
    );
    expect(run.status).toBe(0);
    expect(JSON.parse(run.stdout)).toMatchObject({
      system: { id: 'jobcenter-y14-eksempel' },
      summary: { mandatory: 15 },
    });
    const unknown = spawnSync(process.execPath, [klarmeld, 'catalog', 'coverage', '--system', 'ingen'], {
      encoding: 'utf8',
    });
    expect(unknown.status).toBe(2);
    expect(unknown.stderr).toContain('klarmeld catalog systems');
  });
});
