import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { loadCatalog } from '../../../catalog/index.ts';
import { CatalogueClashError } from './catalogue-guard.ts';
import { startPlatform } from './start-platform.ts';

describe('a catalogue in which one integration copies another', () => {
  it('is not served: the platform refuses to start, naming the copy and what it would open (issue 9)', async () => {
    const { catalog } = await loadCatalog();
    const sf1520 = catalog.integrations.find((i) => i.id === 'SF1520')!;
    const copied = {
      ...catalog,
      integrations: [...catalog.integrations, { ...structuredClone(sf1520), id: 'SF1999' }],
    };
    const dataDir = await mkdtemp(join(tmpdir(), 'clash-'));
    try {
      const refused = await startPlatform({ dataDir, port: 0, catalog: copied }).catch((error: unknown) => error);
      expect(refused).toBeInstanceOf(CatalogueClashError);
      const message = (refused as Error).message;
      expect(message).toMatch(/^The platform does not serve this catalogue/);
      expect(message).toContain(
        'SF1999 PersonBaseDataExtendedService 4 has the ServiceUUID e6be2436-bf35-4df2-83fe-925142825dc2 of SF1520',
      );
      expect(message).toContain('a service agreement for SF1999 would authorise calls to SF1520');
      expect(message).toContain('klarmeld catalog check');
    } finally {
      await rm(dataDir, { recursive: true, force: true });
    }
  });
});
