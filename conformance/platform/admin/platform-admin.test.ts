import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import { loadCatalog } from '../../../catalog/index.ts';
import { PlatformPkiStore } from '../pki/platform-pki.ts';
import { SqliteRegistry } from '../registry/sqlite-registry.ts';
import { openDatabase } from '../store/open-database.ts';
import { PlatformAdminError } from './admin-error.ts';
import { PlatformAdmin } from './platform-admin.ts';

describe('PlatformAdmin (the Administrationsmodul of the test environment)', () => {
  let admin: PlatformAdmin;

  beforeAll(async () => {
    const dir = mkdtempSync(join(tmpdir(), 'admin-'));
    const { catalog } = await loadCatalog();
    admin = new PlatformAdmin(new SqliteRegistry(openDatabase(dir)), await PlatformPkiStore.open(dir), catalog);
    await admin.addSystem({ name: 'Fagsystem', supplierCvr: '12345678' });
  });

  it('takes the ServiceUUID and entityID from the catalogue, by SF number or by service name', () => {
    const bySf = admin.addAgreement({ system: 'Fagsystem', service: 'SF1520', municipalityCvr: '11111111' });
    const byName = admin.addAgreement({
      system: 'Fagsystem',
      service: 'PersonBaseDataExtendedService',
      municipalityCvr: '11111111',
    });
    for (const a of [bySf, byName]) {
      expect(a).toMatchObject({
        integration: 'SF1520',
        serviceUuid: 'e6be2436-bf35-4df2-83fe-925142825dc2',
        status: 'approved',
      });
    }
  });

  it('keeps agreements with other municipalities pending until approved', () => {
    const viborg = admin.addAgreement({ system: 'Fagsystem', service: 'SF1520', municipalityCvr: '29189846' });
    expect(viborg.status).toBe('pending');
    expect(admin.approveAgreement(viborg.agreementUuid).status).toBe('approved');
  });

  it('refuses unknown systems, services, municipalities and duplicate names with a code and what to do', () => {
    const codeOf = (fn: () => unknown) => {
      try {
        fn();
      } catch (error) {
        return error instanceof PlatformAdminError ? error.code : String(error);
      }
      return 'no error';
    };
    expect(codeOf(() => admin.addAgreement({ system: 'Nope', service: 'SF1520', municipalityCvr: '11111111' }))).toBe(
      'platform.unknown-system',
    );
    expect(
      codeOf(() => admin.addAgreement({ system: 'Fagsystem', service: 'SF9999', municipalityCvr: '11111111' })),
    ).toBe('platform.unknown-service');
    expect(
      codeOf(() => admin.addAgreement({ system: 'Fagsystem', service: 'SF1520', municipalityCvr: '12345679' })),
    ).toBe('platform.unknown-municipality');
    expect(codeOf(() => admin.approveAgreement('00000000-0000-4000-8000-000000000000'))).toBe(
      'platform.unknown-agreement',
    );
  });

  it('refuses a second system with the same name', async () => {
    await expect(admin.addSystem({ name: 'Fagsystem' })).rejects.toMatchObject({ code: 'platform.system-exists' });
  });
});
