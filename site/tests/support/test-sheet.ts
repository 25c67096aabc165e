import type { BuildOptions } from './site-build.ts';

/** The environment the tests build the site with. TODO: seed an onboarding sheet once conformance/onboarding lands. */
export async function testSheetEnv(): Promise<BuildOptions> {
  return { label: 'no-sheet', env: { KLARMELD_SHEET: '' } };
}
