import { describe, expect, it } from 'vitest';
import { resolveSheetPath } from '../../../conformance/onboarding/index.ts';
import { sitePathsFromEnv } from './site-paths.ts';

describe('where the site finds the onboarding sheet', () => {
  it('is where the CLI finds it: the default sheet when KLARMELD_SHEET is unset or empty, and says so', () => {
    for (const env of [{ KLARMELD_ROOT: '/repo' }, { KLARMELD_ROOT: '/repo', KLARMELD_SHEET: '' }]) {
      const paths = sitePathsFromEnv(env);
      expect(paths.sheet).toBe('/repo/.klarmeld/sheet.sqlite');
      expect(paths.sheet).toBe(resolveSheetPath({ env, cwd: '/repo' }));
      expect(paths.sheetIsDefault).toBe(true);
    }
  });

  it('takes KLARMELD_SHEET, relative to the repository root where npm run site:build runs', () => {
    expect(sitePathsFromEnv({ KLARMELD_ROOT: '/repo', KLARMELD_SHEET: '.klarmeld/demo/sheet.sqlite' })).toMatchObject({
      sheet: '/repo/.klarmeld/demo/sheet.sqlite',
      sheetIsDefault: false,
    });
    expect(sitePathsFromEnv({ KLARMELD_ROOT: '/repo', KLARMELD_SHEET: '/elsewhere/sheet.sqlite' })).toMatchObject({
      sheet: '/elsewhere/sheet.sqlite',
      sheetIsDefault: false,
    });
  });
});
