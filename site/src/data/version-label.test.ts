import { beforeAll, describe, expect, it } from 'vitest';
import { loadCatalog } from '../../../catalog/index.ts';
import { currentVersion } from '../../../catalog/index.ts';
import type { Catalog } from '../../../catalog/index.ts';
import { versionNumberText, versionText } from './version-label.ts';

let catalog: Catalog;
beforeAll(async () => {
  ({ catalog } = await loadCatalog());
});

describe('version labels on the site', () => {
  it('say that KOMBIT has not published the number of SF1490’s version, in Danish and English', () => {
    const current = currentVersion(catalog, 'SF1490')!;
    expect(current.lifecycle).toBe('I drift');
    expect(versionNumberText('da', current)).toBe('versionsnummer ikke offentliggjort');
    expect(versionNumberText('en', current)).toBe('version number not published');
    expect(versionText('da', current)).toBe('versionsnummer ikke offentliggjort');
    expect(versionText('en', current)).not.toMatch(/undefined|\d/);
  });

  it('give a published number as it is', () => {
    const current = currentVersion(catalog, 'SF1520')!;
    expect(versionNumberText('da', current)).toBe(current.version);
    expect(versionText('en', current)).toBe(`Version ${current.version}`);
  });
});
