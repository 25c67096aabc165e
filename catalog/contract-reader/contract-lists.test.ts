import { join, relative } from 'node:path';
import { fileURLToPath } from 'node:url';
import { beforeAll, describe, expect, it } from 'vitest';
import type { Catalog } from '../catalog.ts';
import { loadCatalog } from '../load-catalog.ts';
import { readContract } from './index.ts';

const contractsDir = fileURLToPath(new URL('../contracts/', import.meta.url));

/**
 * Contract files a list reaches through wsdl:import, xs:import and xs:include but does not name
 * itself, relative to catalog/contracts/. readContract follows every import and include from the
 * listed files (OpenAPI documents are skipped) and returns every file it read.
 */
function unlistedImports(list: string[]): string[] {
  const listed = new Set(list.map((p) => join(contractsDir, p)));
  return readContract([...listed])
    .files.filter((f) => !listed.has(f))
    .map((f) => relative(contractsDir, f))
    .sort();
}

describe('each service’s contract list in catalog/data/integrations', () => {
  let catalog: Catalog;
  beforeAll(async () => {
    ({ catalog } = await loadCatalog());
  });

  it('names every file its WSDLs and XSDs import or include', () => {
    const gaps: string[] = [];
    let checked = 0;
    for (const integration of catalog.integrations) {
      // loadCatalog insists that integrations/<id>.yaml holds the integration <id>.
      const yaml = `catalog/data/integrations/${integration.id}.yaml`;
      for (const version of integration.versions) {
        for (const service of version.services) {
          if (!service.contract?.length) continue;
          checked++;
          for (const file of unlistedImports(service.contract)) {
            gaps.push(
              `${yaml}: ${service.name} v${service.version} (integration version ${version.version}) imports ${file}, which its contract list lacks`,
            );
          }
        }
      }
    }
    expect(checked).toBeGreaterThanOrEqual(7);
    expect(gaps).toEqual([]);
  });

  it('notices an imported file that a list leaves out', () => {
    expect(
      unlistedImports([
        'SF1500/6/Bruger.wsdl',
        'SF1500/6/Bruger.xsd',
        'SF1500/6/RequestHeader.xsd',
        'SF1500/6/sagdok.xsd',
      ]),
    ).toEqual(['SF1500/6/organisation.xsd']);
    expect(unlistedImports(['SF1520/4/PersonBaseDataExtendedService.wsdl'])).toContain('SF1520/4/sp/PNR_1.xsd');
  });
});
